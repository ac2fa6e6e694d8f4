"""Input limits: oversized bodies and fields are refused with a clear page, not a bare 400.

Django refuses a form body over DATA_UPLOAD_MAX_MEMORY_SIZE (RequestDataTooBig) and one with
more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields (TooManyFieldsSent); its answer is a one-line
"Bad Request (400)". Fields without a max_length (notes, descriptions) would otherwise take
anything up to the body limit, so every single GET or form value is also capped at
INPUT_MAX_FIELD_CHARS characters here. All three are answered by config.errors.bad_request with
a translated page and 413 Payload Too Large.

The form body is parsed here, before the view, as CsrfViewMiddleware does anyway; a view that
changes `request.upload_handlers` would have to be exempted.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class FieldTooLong(SuspiciousOperation):
    """One GET or form value is longer than INPUT_MAX_FIELD_CHARS (its name is not logged)."""


class InputLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.INPUT_MAX_FIELD_CHARS
        self._check(request.GET, limit)
        if request.method not in ("GET", "HEAD", "OPTIONS") and (
            request.content_type in FORM_CONTENT_TYPES
        ):
            # Raises RequestDataTooBig / TooManyFieldsSent for Django's own limits.
            self._check(request.POST, limit)
        return self.get_response(request)

    @staticmethod
    def _check(data, limit: int) -> None:
        for _, values in data.lists():
            if any(len(value) > limit for value in values):
                raise FieldTooLong(f"A submitted value is longer than {limit} characters.")

import uuid

from audit.log import acting_as


class AuditContextMiddleware:
    """Make the request's user the actor of every audited write in the request.

    Goes after AuthenticationMiddleware. The user stays lazy until a write needs it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The ID config.request_id checked (or made) and logs carry; a bare request (tests that
        # build one by hand) gets a fresh one.
        request_id = getattr(request, "request_id", None) or uuid.uuid4().hex
        with acting_as(
            getattr(request, "user", None),
            request_id=request_id,
            ip_address=request.META.get("REMOTE_ADDR") or None,
        ):
            return self.get_response(request)

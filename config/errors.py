"""Error views. The 500 page is rendered without the request context and without the
database: when the server fails, the failure may be the database itself."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token


def _url_language(request) -> str:
    """The language of the URL, as the page's links are: the failure may have happened before
    LocaleMiddleware ran (or with another request's language still active on this thread)."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


@requires_csrf_token
def server_error(request, template_name="500.html"):
    with translation.override(_url_language(request)):
        return HttpResponseServerError(loader.get_template(template_name).render())


# --- Fuzz/hardening: a translated page for refused requests ------------------------------------
def bad_request(request, exception=None, template_name="400.html"):
    """Django's handler400 (SuspiciousOperation, oversized or malformed requests): a clear page,
    and 413 when the request was too large, instead of a bare "Bad Request (400)".

    Rendered without the request context and the form data: the body may be what is refused."""
    from config.input_limits import FieldTooLong

    with translation.override(_url_language(request)):
        status = 400
        heading = _("Nie możemy przyjąć tego żądania")
        detail = _(
            "Przeglądarka wysłała dane, których nie możemy przetworzyć. Wróć do poprzedniej "
            "strony i spróbuj ponownie."
        )
        if isinstance(exception, RequestDataTooBig):
            status = 413
            heading = _("Przesłane dane są zbyt duże")
            detail = _(
                "Formularz zawiera więcej danych, niż możemy przyjąć (najwyżej %(limit)s). "
                "Skróć tekst i wyślij formularz ponownie."
            ) % {"limit": filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)}
        elif isinstance(exception, TooManyFieldsSent):
            status = 413
            heading = _("Formularz ma zbyt wiele pól")
            detail = _(
                "Formularz zawiera więcej pól, niż możemy przyjąć (najwyżej %(limit)s). "
                "Wróć do poprzedniej strony i wyślij mniej danych naraz."
            ) % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS}
        elif isinstance(exception, FieldTooLong):
            status = 413
            heading = _("Jedno z pól jest za długie")
            detail = _(
                "Każde pole może mieć najwyżej %(limit)s znaków. Skróć tekst i wyślij "
                "formularz ponownie."
            ) % {"limit": settings.INPUT_MAX_FIELD_CHARS}
        html = loader.get_template(template_name).render({"heading": heading, "detail": detail})
    return HttpResponse(html, status=status)


def _came_from(request) -> str:
    """The page on this site the visitor came from (the Referer), or "" when there is none or
    it is another site's."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid CSRF cookie or token (cookies blocked, a
    page open for too long, a form from another site) gets a translated page with a way back,
    instead of Django's technical one. The reason stays out of the page."""
    with translation.override(_url_language(request)):
        return render(request, "403_csrf.html", {"came_from": _came_from(request)}, status=403)

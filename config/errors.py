"""Error views. The 500 page is rendered without the request context and without the
database: when the server fails, the failure may be the database itself."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    # The failure may have happened before LocaleMiddleware ran (or in another request's
    # language on this thread), so the language is taken from the URL, as the page's links are.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return HttpResponseServerError(loader.get_template(template_name).render())

"""Error views. The 500 page is rendered without the request context and without the
database: when the server fails, the failure may be the database itself."""

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render())

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.gzip import gzip_page

from portal.caching import public_page
from portal.machine_readable import portal_description
from portal.models import AccessibilityStatement
from projects.models import Project


@gzip_page
@public_page
def accessibility_statement(request):
    statement = AccessibilityStatement.objects.current()
    if statement is None:
        raise Http404("No accessibility statement has been published yet.")
    return render(request, "portal/accessibility_statement.html", {"statement": statement})


@gzip_page
@public_page
def easy_read(request):
    projects = Project.objects.with_status_order()
    return render(request, "portal/easy_read.html", {"projects": projects})


@gzip_page
@public_page
def machine_readable(request):
    # The portal's configured address, not the request's Host: the text is cached for everyone.
    text = portal_description(settings.PORTAL_BASE_URL)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")

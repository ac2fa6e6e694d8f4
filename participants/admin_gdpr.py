"""The Person admin's "Eksport danych osoby (RODO art. 15)" page and its JSON download.

For the coordinators and centre administrators of one of the person's projects (and
superusers); anyone else gets 404, as for a record of another project. Every page view and
download is an audited export.

Two ways in, both through `admin.site.admin_view` (staff sign-in, CSRF, no caching):
- `SubjectAccessAdminMixin` adds the URLs to the Person admin
  (`class PersonAdmin(SubjectAccessAdminMixin, ProjectScopedAdmin)`), named
  `admin:participants_person_subject_access` and `…_subject_access_json`;
- `participants/urls_gdpr.py`, mounted at `admin/rodo/`, until the Person admin includes it.
"""

import functools
import json

from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from participants.models import Person
from participants.retention import projects_of_person
from participants.subject_access import export_subject_data, readable_sections
from projects.scoping import is_coordinator_or_admin

PAGE_TITLE = _("Eksport danych osoby (RODO art. 15)")


def person_for_subject_access(user, object_id) -> Person:
    """The person, if `user` may export their data; Http404 otherwise (no existence leak)."""
    person = get_object_or_404(
        Person.objects.for_user(user).select_related("family", "created_in_project"),
        pk=object_id,
    )
    if user.is_superuser or any(
        is_coordinator_or_admin(user, project) for project in projects_of_person(person)
    ):
        return person
    raise Http404


def subject_access_page(request, object_id):
    person = person_for_subject_access(request.user, object_id)
    data = export_subject_data(person=person, actor=request.user, channel="admin_html")
    context = {
        **admin.site.each_context(request),
        "title": PAGE_TITLE,
        "subtitle": None,
        "person": person,
        "opts": Person._meta,
        "data": data,
        "sections": readable_sections(data),
        # The same name with "_json": works under the admin's namespace and under `rodo:`.
        "json_url": reverse(
            f"{request.resolver_match.view_name}_json", kwargs={"object_id": person.pk}
        ),
    }
    return TemplateResponse(request, "participants/subject_access.html", context)


def subject_access_json(request, object_id):
    person = person_for_subject_access(request.user, object_id)
    data = export_subject_data(person=person, actor=request.user, channel="admin_json")
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    # The id, never the name, in the file name: it ends up in download folders and logs.
    response["Content-Disposition"] = f'attachment; filename="osoba-{person.pk}-rodo-art15.json"'
    return response


def admin_view(view):
    """Wrap with the admin site's checks at request time, so a site class swapped in later
    (e.g. a two-factor admin site) still guards the view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return admin.site.admin_view(view)(request, *args, **kwargs)

    return wrapper


def subject_access_urls(prefix: str = "") -> list:
    return [
        path(
            "<int:object_id>/rodo-art15/",
            admin_view(subject_access_page),
            name=f"{prefix}subject_access",
        ),
        path(
            "<int:object_id>/rodo-art15/json/",
            admin_view(subject_access_json),
            name=f"{prefix}subject_access_json",
        ),
    ]


class SubjectAccessAdminMixin:
    """Adds the export page to a Person ModelAdmin's URLs."""

    def get_urls(self):
        return subject_access_urls("participants_person_") + super().get_urls()

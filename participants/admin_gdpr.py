"""The Person admin's GDPR pages: "Eksport danych osoby (RODO art. 15)" with its JSON
download, and "Usunięcie danych osoby (RODO art. 17)", a form over
`participants.erasure.erase_person`.

For the coordinators and centre administrators of one of the person's projects (and
superusers); anyone else gets 404, as for a record of another project (erasure further needs
that role in every project of the person: `erase_person` checks it). Every page view and
download of the export is an audited export; an erasure is audited by `erase_person`.

`PersonGdprAdminMixin` adds the URLs to the Person admin, through `admin.site.admin_view`
(staff sign-in, CSRF, no caching), named `admin:participants_person_subject_access`,
`…_subject_access_json` and `…_erasure`; `gdpr_object_tools` links them from the person's page
for those who may use them.
"""

import functools
import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from participants.erasure import MAX_REASON_LENGTH, erase_person
from participants.models import Person
from participants.retention import projects_of_person
from participants.subject_access import export_subject_data, readable_sections
from projects.scoping import is_coordinator_or_admin

PAGE_TITLE = _("Eksport danych osoby (RODO art. 15)")
ERASURE_TITLE = _("Usunięcie danych osoby (RODO art. 17)")


def _person_for_gdpr_page(user, object_id, *, every_project: bool) -> Person:
    """The person, if `user` coordinates or administers their projects (every one of them,
    or at least one); Http404 otherwise (no existence leak)."""
    person = get_object_or_404(
        Person.objects.for_user(user).select_related("family", "created_in_project"),
        pk=object_id,
    )
    if user.is_superuser:
        return person
    overseen = [is_coordinator_or_admin(user, project) for project in projects_of_person(person)]
    if all(overseen) if every_project else any(overseen):
        return person
    raise Http404


def person_for_subject_access(user, object_id) -> Person:
    """The export spans every project of the person: it is for a coordinator or centre
    administrator of every one of them (or a superuser, e.g. for the DPO), so one project
    does not learn from it that the person gets help in another."""
    return _person_for_gdpr_page(user, object_id, every_project=True)


def person_for_erasure(user, object_id) -> Person:
    """The erasure page opens for an overseer of any of the person's projects; the erasure
    itself (`erase_person`) needs every one of them and says so on the page."""
    return _person_for_gdpr_page(user, object_id, every_project=False)


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


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Podstawa wniosku"),
        max_length=MAX_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Data i sposób złożenia wniosku, np. „wniosek pisemny z 2.12.2026”. "
            "Trafia do rejestru zdarzeń: nie wpisuj danych osoby."
        ),
    )
    legal_basis_override = forms.CharField(
        label=_("Udokumentowana podstawa prawna usunięcia przed końcem okresu przechowywania"),
        max_length=MAX_REASON_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Tylko gdy obowiązek przechowywania dokumentacji projektu nie dotyczy tej osoby, "
            "np. opinia inspektora ochrony danych."
        ),
    )
    confirm = forms.BooleanField(
        label=_(
            "Potwierdzam: imię, nazwisko, PESEL i dane kontaktowe zostaną nieodwracalnie usunięte."
        )
    )


def erasure_page(request, object_id):
    person = person_for_erasure(request.user, object_id)
    if person.is_anonymised:
        messages.info(request, _("Dane tej osoby zostały już zanonimizowane."))
        return redirect("admin:participants_person_change", person.pk)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            erase_person(
                person=person,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                legal_basis_override=form.cleaned_data["legal_basis_override"],
            )
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("Dane osoby zostały usunięte (zanonimizowane)."))
            return redirect("admin:participants_person_change", person.pk)
    context = {
        **admin.site.each_context(request),
        "title": ERASURE_TITLE,
        "subtitle": None,
        "person": person,
        "opts": Person._meta,
        "form": form,
    }
    return TemplateResponse(request, "participants/erasure.html", context)


def admin_view(view):
    """Wrap with the admin site's checks at request time, so a site class swapped in later
    (e.g. a two-factor admin site) still guards the view."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return admin.site.admin_view(view)(request, *args, **kwargs)

    return wrapper


def gdpr_person_urls(prefix: str = "") -> list:
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
        path("<int:object_id>/rodo-art17/", admin_view(erasure_page), name=f"{prefix}erasure"),
    ]


def _may_open(finder, user, person) -> bool:
    try:
        finder(user, person.pk)
    except Http404:
        return False
    return True


def subject_access_link(request, person: Person):
    """The Person page's "Eksport danych osoby" object tool, for those who may use it."""
    if not _may_open(person_for_subject_access, request.user, person):
        return None
    return {
        "label": PAGE_TITLE,
        "url": reverse("admin:participants_person_subject_access", args=[person.pk]),
    }


def erasure_link(request, person: Person):
    if not _may_open(person_for_erasure, request.user, person):
        return None
    return {
        "label": ERASURE_TITLE,
        "url": reverse("admin:participants_person_erasure", args=[person.pk]),
    }


gdpr_object_tools = (subject_access_link, erasure_link)


class PersonGdprAdminMixin:
    """Adds the export (art. 15) and erasure (art. 17) pages to a Person ModelAdmin's URLs."""

    def get_urls(self):
        return gdpr_person_urls("participants_person_") + super().get_urls()

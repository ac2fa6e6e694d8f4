"""Row-level scoping for the admin: one base for every admin page that shows project data.

`ProjectScopedAdminMixin` (and `ProjectScopedInlineMixin` for inlines) scope, by the user's
projects:

- the changelist, change, delete and history pages (`get_queryset`); another project's record
  by URL or guessed id is a 404, not Django's redirect to the index (`get_object`);
- the choices of every foreign key and many-to-many field (`formfield_for_*`): a related model
  whose admin is scoped offers only what that admin shows, staff users only the user's teams;
- the admin autocomplete, which Django answers from the *target* admin's `get_queryset` (so a
  scoped target admin scopes it) and its `get_search_results`;
- list-filter choices (`ScopedRelatedFieldListFilter`, applied to every relation filter);
- actions (Django runs them on `get_queryset(request).filter(pk__in=selected)`, so a foreign
  id in the POST is dropped);
- prefilled add forms (`?person=<id>`): an id the user may not pick is a 404.

A model whose QuerySet has `for_user(user)` is scoped by it; otherwise by `project_path`, the
lookup from the model to its project ("project", "activity__project"). Superusers see all.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.http import Http404

from projects.models import Project, ProjectMembership
from projects.scoping import OVERSEEING_ROLES, project_ids_for


def team_members(user):
    """Staff users who share a project with `user` (all users for a superuser)."""
    User = get_user_model()
    users = User.objects.order_by("last_name", "first_name", "username")
    if user.is_active and user.is_superuser:
        return users
    return users.filter(
        pk__in=ProjectMembership.objects.filter(
            project__in=Project.objects.for_user(user).values("pk")
        ).values("user_id")
    )


def choices_for(admin_site, model, request):
    """What the user may pick for a relation to `model`, or None when it is not scoped."""
    related_admin = admin_site._registry.get(model)
    if isinstance(related_admin, ProjectScopedAdminMixin):
        return related_admin.get_queryset(request)
    if model is get_user_model():
        return team_members(request.user)
    return None


def scope_queryset(queryset, user, project_path: str):
    if hasattr(queryset, "for_user"):
        return queryset.for_user(user)
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(**{f"{project_path}__in": Project.objects.for_user(user).values("pk")})


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A relation's list filter offering only what the user may see (their projects, …)."""

    def has_output(self):
        # Django drops a filter with a single choice, and with it the filtering asked for in
        # the querystring; keep it when used, so ?project__id__exact=<other> shows no rows.
        return super().has_output() or bool(self.lookup_val or self.lookup_val_isnull)

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        allowed = choices_for(model_admin.admin_site, field.related_model, request)
        if allowed is None:
            return field.get_choices(include_blank=False, ordering=ordering)
        return field.get_choices(
            include_blank=False,
            ordering=ordering,
            limit_choices_to={"pk__in": allowed.values("pk")},
        )


def _relation_at(model, path: str):
    """The last field of a `__` lookup path, or None."""
    field = None
    for part in path.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field


class _ValidSelectedOnly:
    """Django's autocomplete widget looks the submitted ids up to re-render a refused form, and
    a malformed id ("abc", "1,5") raises ValueError there: a 500 instead of the form's own
    "select a valid choice" error. Ids the target field cannot hold are left out of the lookup
    (the form still refuses them, with its message next to the field)."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(
            getattr(remote, "field_name", None) or remote.model._meta.pk.name
        )
        return super().optgroups(name, [v for v in value if _fits(target, v)], attr)


def _fits(target, value) -> bool:
    try:
        python_value = target.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return False
    if isinstance(python_value, int):
        low, high = connection.ops.integer_field_range(target.get_internal_type())
        return (low is None or python_value >= low) and (high is None or python_value <= high)
    return True


class SafeAutocompleteSelect(_ValidSelectedOnly, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(_ValidSelectedOnly, AutocompleteSelectMultiple):
    pass


def _target_field(queryset, to_field_name):
    opts = queryset.model._meta
    return opts.get_field(to_field_name) if to_field_name else opts.pk


class SafeModelChoiceField(forms.ModelChoiceField):
    """An id no row can have ("9" × 40 on SQLite raises OverflowError in the lookup, which
    Django's field does not catch: a 500) is the field's own "select a valid choice" error."""

    def to_python(self, value):
        if value not in self.empty_values and not _fits(
            _target_field(self.queryset, self.to_field_name), value
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """The same for several ids (a group's permissions, an offer's situations)."""

    def _check_values(self, value):
        target = _target_field(self.queryset, self.to_field_name)
        for pk in value if isinstance(value, list | tuple) else ():
            if not _fits(target, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class SafeAutocompleteMixin:
    """For every ModelAdmin and inline (ProjectScopedAdminMixin and ProjectScopedInlineMixin
    have it; harden_admin_site adds it to the rest): Django's widgets and fields, without the
    500s above on ids no row can have."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class _ScopedFormfields(SafeAutocompleteMixin):
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            allowed = choices_for(self.admin_site, db_field.related_model, request)
            if allowed is not None:
                kwargs["queryset"] = allowed
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "queryset" not in kwargs:
            allowed = choices_for(self.admin_site, db_field.related_model, request)
            if allowed is not None:
                kwargs["queryset"] = allowed
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class MissingObjectIs404Mixin:
    """A missing or malformed id in an admin URL is a 404, as on the public pages, instead of
    Django's redirect to the admin index with a "does not exist" message. Every admin of ours
    has it (through ProjectScopedAdminMixin or directly), so a walk of the URLs gets 404s."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj


class _SafeChangeList(ChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except OverflowError as error:
            # ?date__year=99999999999999999999 (date_hierarchy): datetime() raises
            # OverflowError, which Django's changelist does not expect (a 500). Refused like any
            # bad lookup instead: the changelist's redirect to ?e=1.
            raise IncorrectLookupParameters(error) from error


class SafeChangeListMixin:
    def get_changelist(self, request, **kwargs):
        return _SafeChangeList


class ProjectScopedAdminMixin(SafeChangeListMixin, MissingObjectIs404Mixin, _ScopedFormfields):
    """Put first in the bases: `class PersonAdmin(ProjectScopedAdminMixin, admin.ModelAdmin)`."""

    project_path: str = "project"
    # Every path by which a record belongs to a project (a person: where it was created and
    # where it is enrolled); used to find "the record's projects". Defaults to project_path.
    project_paths: tuple[str, ...] = ()

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user, self.project_path)

    def projects_of(self, obj) -> set[int]:
        """Ids of the projects the record belongs to."""
        if isinstance(obj, Project):
            return {obj.pk}
        ids = set()
        for path in self.project_paths or (self.project_path,):
            ids.update(self.model._default_manager.filter(pk=obj.pk).values_list(path, flat=True))
        ids.discard(None)
        return ids

    def has_delete_permission(self, request, obj=None):
        """Deleting a record needs an overseeing role (coordinator, centre administrator) in
        every project it belongs to: the model permission alone comes from the user's role
        groups, which hold for all their projects alike. Django's bulk delete and the delete
        page check this for every object they would remove, related ones included."""
        if not super().has_delete_permission(request, obj):
            return False
        user = request.user
        if obj is None or (user.is_active and user.is_superuser):
            return True
        return self.projects_of(obj) <= project_ids_for(user, roles=OVERSEEING_ROLES)

    def projects_in_common(self, request, obj) -> list[int]:
        """The record's projects the user works in, in id order (all of them for a superuser)."""
        mine = project_ids_for(request.user)
        return sorted(self.projects_of(obj) & mine)

    def get_list_filter(self, request):
        return [self._scoped_filter(entry) for entry in super().get_list_filter(request)]

    def _scoped_filter(self, entry):
        if not isinstance(entry, str):
            return entry
        field = _relation_at(self.model, entry)
        if field is not None and field.is_relation and field.related_model is not None:
            return (entry, ScopedRelatedFieldListFilter)
        return entry

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not isinstance(field, models.ForeignKey):
                continue
            allowed = choices_for(self.admin_site, field.related_model, request)
            if allowed is None:
                continue
            try:
                permitted = allowed.filter(pk=value).exists()
            except (ValueError, TypeError, ValidationError):
                permitted = False
            if not permitted:
                raise Http404
        return initial


class ProjectScopedInlineMixin(_ScopedFormfields):
    """For inlines of records that belong to projects (a person's enrolments, …)."""

    project_path: str = "project"

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user, self.project_path)


# Kept for phase-1 callers.
class ProjectScopedAdmin(ProjectScopedAdminMixin, admin.ModelAdmin):
    pass


def written_fields(form, obj, *, exclude=()) -> dict:
    """The model fields the form edits, with the values the form put on `obj`."""
    names = {field.name for field in obj._meta.concrete_fields}
    return {
        name: getattr(obj, name)
        for name in form.cleaned_data
        if name in names and name not in exclude and name in form.fields
    }


def adopt(obj, saved) -> None:
    """Make the admin's unsaved instance the row a write function saved (the admin keeps
    using `obj` for the redirect, the log and the inlines)."""
    obj.__dict__.update(saved.__dict__)


def harden_admin_site(site) -> None:
    """Every ModelAdmin registered on `site` — ours, Django's and third-party apps' (two-factor
    devices, sign-in throttling) — gets the hardening above: a 404 for a missing id, no 500 on
    a malformed autocomplete id or a huge date-hierarchy year. Called from
    ProjectsConfig.ready(), after the admin's autodiscover has imported every admin module."""
    hardening = (SafeChangeListMixin, MissingObjectIs404Mixin, SafeAutocompleteMixin)
    for model_admin in site._registry.values():
        cls = type(model_admin)
        missing = tuple(mixin for mixin in hardening if not issubclass(cls, mixin))
        if missing:
            model_admin.__class__ = type(
                cls.__name__, (*missing, cls), {"__module__": cls.__module__}
            )

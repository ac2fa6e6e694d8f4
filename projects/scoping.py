"""Row-level scoping primitives: which projects a user works in, and in what role.

Every queryset that holds participant data scopes through these, so the rule lives in one
place: a superuser sees everything; an inactive or anonymous user sees nothing; everyone else
sees the projects they hold a `ProjectMembership` in.
"""

from collections.abc import Iterable

from projects.models import Project, ProjectMembership, StaffRole

OVERSEEING_ROLES = frozenset({StaffRole.COORDINATOR, StaffRole.CENTRE_ADMIN})
# Roles that keep participant records (create people, families, enrolments).
RECORD_KEEPING_ROLES = frozenset(
    {StaffRole.CASEWORKER, StaffRole.COORDINATOR, StaffRole.CENTRE_ADMIN}
)


def _is_staff_user(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _roles_by_project(user) -> dict[int, str]:
    """{project_id: role}, memoised on the user object for the request's lifetime."""
    cached = getattr(user, "_project_roles_cache", None)
    if cached is None:
        cached = dict(ProjectMembership.objects.filter(user=user).values_list("project_id", "role"))
        user._project_roles_cache = cached
    return cached


def forget_roles(user) -> None:
    """Drop the memoised roles (after a membership of this user changed)."""
    user.__dict__.pop("_project_roles_cache", None)


def project_ids_for(user, roles: Iterable[str] | None = None) -> frozenset[int]:
    """Ids of the projects the user works in (optionally: in one of `roles`)."""
    if not _is_staff_user(user):
        return frozenset()
    if user.is_superuser:
        return frozenset(Project.objects.values_list("pk", flat=True))
    wanted = None if roles is None else frozenset(roles)
    return frozenset(
        project_id
        for project_id, role in _roles_by_project(user).items()
        if wanted is None or role in wanted
    )


def scope_to_projects(queryset, user, project_field: str = "project", roles=None):
    """Filter `queryset` to rows whose `project_field` is one of the user's projects."""
    if not _is_staff_user(user):
        return queryset.none()
    if user.is_superuser and roles is None:
        return queryset
    projects = Project.objects.for_user(user)
    if roles is not None and not user.is_superuser:
        projects = projects.filter(memberships__user=user, memberships__role__in=roles)
    return queryset.filter(**{f"{project_field}__in": projects.values("pk")})


def _project_id(project) -> int | None:
    return getattr(project, "pk", project)


def role_in(user, project) -> str | None:
    """The user's role in the project (a `StaffRole` value), or None. Superusers hold none."""
    if not _is_staff_user(user):
        return None
    return _roles_by_project(user).get(_project_id(project))


def is_member(user, project) -> bool:
    return _is_staff_user(user) and (user.is_superuser or role_in(user, project) is not None)


def is_coordinator_or_admin(user, project) -> bool:
    return _is_staff_user(user) and (
        user.is_superuser or role_in(user, project) in OVERSEEING_ROLES
    )


def can_keep_records(user, project) -> bool:
    """May create and change participants, families and enrolments in the project."""
    return _is_staff_user(user) and (
        user.is_superuser or role_in(user, project) in RECORD_KEEPING_ROLES
    )


def can_read_notes(user, project, author=None) -> bool:
    """Consultation notes: the specialist who wrote them, coordinators and administrators.

    `author` is the note's writer (checked at the object); without it only the overseeing
    roles qualify.
    """
    if not _is_staff_user(user):
        return False
    if is_coordinator_or_admin(user, project):
        return True
    return author is not None and _project_id(author) == user.pk and is_member(user, project)

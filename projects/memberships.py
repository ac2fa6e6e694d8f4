"""Granting, changing and revoking staff roles in projects: the one write path for the admin
and commands. The user joins the role's auth Group (which holds the model permissions) when
the membership is created, and leaves it when no membership with that role is left."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from projects.models import Project, ProjectMembership, StaffRole
from projects.roles import GROUP_NAMES
from projects.scoping import forget_roles, role_in


def can_manage_team(actor, project) -> bool:
    """Superusers and the project's centre administrators."""
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    return actor.is_superuser or role_in(actor, project) == StaffRole.CENTRE_ADMIN


def _require_team_manager(actor, project) -> None:
    if not can_manage_team(actor, project):
        raise PermissionDenied(_("Zespół projektu zmienia tylko administrator ośrodka."))


def _sync_group(user, role: str) -> None:
    group = Group.objects.get(name=GROUP_NAMES[role])
    if ProjectMembership.objects.filter(user=user, role=role).exists():
        user.groups.add(group)
    else:
        user.groups.remove(group)
    forget_roles(user)


@transaction.atomic
def grant_role(*, actor, user, project: Project, role: str) -> ProjectMembership:
    """Give `user` the `role` in `project` (an existing membership keeps its row)."""
    _require_team_manager(actor, project)
    membership = ProjectMembership.objects.filter(user=user, project=project).first()
    if membership is not None:
        return change_role(actor=actor, membership=membership, role=role)
    membership = ProjectMembership(user=user, project=project, role=role)
    membership.full_clean()
    membership.save()
    _sync_group(user, role)
    return membership


@transaction.atomic
def change_role(*, actor, membership: ProjectMembership, role: str) -> ProjectMembership:
    _require_team_manager(actor, membership.project_id)
    old_role = ProjectMembership.objects.filter(pk=membership.pk).values_list("role", flat=True)
    old_role = old_role.first()
    membership.role = role
    membership.full_clean()
    membership.save()
    _sync_group(membership.user, role)
    if old_role and old_role != role:
        _sync_group(membership.user, old_role)
    return membership


@transaction.atomic
def revoke_role(*, actor, membership: ProjectMembership) -> None:
    _require_team_manager(actor, membership.project_id)
    user, role = membership.user, membership.role
    membership.delete()
    _sync_group(user, role)

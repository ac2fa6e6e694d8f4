"""Enquiry permissions for the role groups: caseworkers view and change (status, assignee),
coordinators and centre administrators also delete. Specialists get none: the contact data of
people asking for help is for those who call them back."""

from django.db import migrations

from projects.roles import sync_role_groups

HANDLE = ["services.view_enquiry", "services.change_enquiry"]
ROLE_PERMISSIONS = {
    "caseworker": HANDLE,
    "coordinator": [*HANDLE, "services.delete_enquiry"],
    "centre_admin": [*HANDLE, "services.delete_enquiry"],
}


def grant(apps, schema_editor):
    sync_role_groups(apps, ROLE_PERMISSIONS)


def revoke(apps, schema_editor):
    from projects.roles import GROUP_NAMES

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    enquiry_permissions = Permission.objects.filter(
        content_type__app_label="services", content_type__model="enquiry"
    )
    for group in Group.objects.filter(name__in=GROUP_NAMES.values()):
        group.permissions.remove(*enquiry_permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0003_enquiry"),
        ("projects", "0003_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

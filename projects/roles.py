"""The auth Groups behind the staff roles and the model permissions each one holds.

Migrations call `sync_role_groups(apps, permissions)` with a frozen copy of the table below;
a later app appends its models by adding a migration that calls it again with its rows
(`mode="add"` keeps what earlier migrations granted).
"""

GROUP_NAMES = {
    "caseworker": "Pracownik socjalny",
    "specialist": "Specjalista",
    "coordinator": "Koordynator",
    "centre_admin": "Administrator ośrodka",
}


def sync_role_groups(apps, permissions: dict[str, list[str]], *, mode: str = "add") -> None:
    """Create the role groups and grant them `permissions` ({role: ["app.codename", …]}).

    Permissions are created first (they normally appear only after all migrations ran).
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in permissions.items():
        group, _ = Group.objects.get_or_create(name=GROUP_NAMES[role])
        wanted = []
        for name in names:
            app_label, codename = name.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        if mode == "replace":
            group.permissions.set(wanted)
        else:
            group.permissions.add(*wanted)

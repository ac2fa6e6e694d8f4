"""The auth Groups of the four staff roles and their model permissions.

Later models are granted by a new migration calling `sync_role_groups` with their rows (it
adds, and keeps what this one granted). Depends on the apps whose permissions it grants.
"""

from django.db import migrations

from projects.roles import sync_role_groups


def crud(app_model: str, *verbs: str) -> list[str]:
    app_label, model = app_model.split(".")
    return [f"{app_label}.{verb}_{model}" for verb in verbs]


RECORDS = ["participants.family", "participants.person", "participants.consent", "participants.enrolment"]
REFERENCE = ["projects.project", "participants.participantsubgroup", "services.activity"]

CASEWORKER = [
    *(p for model in REFERENCE for p in crud(model, "view")),
    *(p for model in RECORDS for p in crud(model, "view", "add", "change")),
    *crud("services.consultation", "view", "add", "change"),
    *crud("services.activitysession", "view", "add", "change"),
]
SPECIALIST = [
    *(p for model in REFERENCE for p in crud(model, "view")),
    *crud("participants.person", "view"),
    *crud("participants.family", "view"),
    *crud("participants.enrolment", "view"),
    *crud("services.consultation", "view", "add", "change"),
]
COORDINATOR = [
    *CASEWORKER,
    *(p for model in RECORDS for p in crud(model, "delete")),
    *crud("services.consultation", "delete"),
    *crud("services.activitysession", "delete"),
    *crud("audit.auditentry", "view"),
    *crud("projects.projectmembership", "view"),
]
CENTRE_ADMIN = [
    *COORDINATOR,
    *crud("projects.projectmembership", "add", "change", "delete"),
    *crud("projects.staffprofile", "view", "add", "change"),
]

ROLE_PERMISSIONS = {
    "caseworker": CASEWORKER,
    "specialist": SPECIALIST,
    "coordinator": COORDINATOR,
    "centre_admin": CENTRE_ADMIN,
}


def create_groups(apps, schema_editor):
    sync_role_groups(apps, ROLE_PERMISSIONS)


def delete_groups(apps, schema_editor):
    from projects.roles import GROUP_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("projects", "0002_staff_profile_project_membership"),
        ("participants", "0002_family_person_consent_enrolment"),
        ("services", "0002_consultation_activity_session"),
        ("audit", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projekty")

    def ready(self):
        # --- Fuzz/hardening: the same admin hardening for every registered ModelAdmin. ---
        from django.contrib import admin

        from projects.admin_scoping import harden_admin_site

        harden_admin_site(admin.site)

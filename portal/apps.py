from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public portal's own content (accessibility statement), its page cache and its
    machine-readable description. Depends on projects and services, never the other way."""

    name = "portal"
    verbose_name = _("Portal publiczny")

    def ready(self):
        from portal import caching

        caching.connect_invalidation()

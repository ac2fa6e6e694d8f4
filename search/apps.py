from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search over the public catalogue (projects and support offers).

    It reads `projects` and `services` and keeps its own derived index (`SearchDocument`);
    nothing of ours imports it, so it sits on top of the layers.
    """

    name = "search"
    verbose_name = _("Wyszukiwarka")

    def ready(self):
        from django.db.models.signals import post_migrate

        from search import signals

        signals.connect()
        post_migrate.connect(signals.build_index_if_empty, sender=self)

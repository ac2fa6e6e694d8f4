from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Public pages and the back office carry the language in the URL (/pl/, /uk/, /en/).
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("projects.urls")),
    path("", include("services.urls")),
    prefix_default_language=True,
)

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.health import healthz
from portal.views import machine_readable

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("llms.txt", machine_readable, name="portal-txt"),
]

# Public pages and the back office carry the language in the URL (/pl/, /uk/, /en/).
urlpatterns += i18n_patterns(
    path("admin/raporty/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("", include("projects.urls")),
    path("", include("services.urls")),
    path("konto/", include("accounts.urls")),
    path("", include("search.urls")),
    path("", include("portal.urls")),
    prefix_default_language=True,
)

# --- Hardening: error pages and the benchmark baseline -----------------------------------------
handler500 = "config.errors.server_error"
handler400 = "config.errors.bad_request"

if settings.BENCH_VIEWS:
    from config.bench_views import trivial

    urlpatterns += [path("bench/trivial", trivial, name="bench-trivial")]

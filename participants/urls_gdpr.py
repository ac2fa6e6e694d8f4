"""The GDPR admin pages, mounted at `admin/rodo/` (before `admin/`) until the Person admin
includes `PersonGdprAdminMixin`: /<lang>/admin/rodo/osoby/<id>/rodo-art15/ (and …/json/)
and /<lang>/admin/rodo/osoby/<id>/rodo-art17/."""

from django.urls import include, path

from participants.admin_gdpr import gdpr_person_urls

app_name = "rodo"
urlpatterns = [path("osoby/", include(gdpr_person_urls("person_")))]

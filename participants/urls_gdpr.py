"""The GDPR admin pages, mounted at `admin/rodo/` (before `admin/`) until the Person admin
includes `SubjectAccessAdminMixin`: /<lang>/admin/rodo/osoby/<id>/rodo-art15/ (and …/json/)
and /<lang>/admin/rodo/osoby/<id>/rodo-art17/."""

from django.urls import include, path

from participants.admin_gdpr import subject_access_urls

app_name = "rodo"
urlpatterns = [path("osoby/", include(subject_access_urls("person_")))]

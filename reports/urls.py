"""The reports in the back office, under /<lang>/admin/raporty/ (config/urls.py includes this
before the admin's own URLs); every view goes through `admin.site.admin_view` (staff sign-in,
no caching)."""

from django.contrib import admin
from django.urls import path

from reports import sm_efs_views, views

app_name = "reports"

urlpatterns = [
    path("", admin.site.admin_view(views.index), name="index"),
    path("sm-efs/", admin.site.admin_view(sm_efs_views.sm_efs_page), name="sm-efs"),
    path(
        "rejestr/<slug:slug>.<str:fmt>",
        admin.site.admin_view(views.register_export),
        name="register-export",
    ),
    path("<slug:slug>/", admin.site.admin_view(views.report_page), name="report"),
    path("<slug:slug>.<str:fmt>", admin.site.admin_view(views.report_export), name="report-export"),
]

from django.urls import path

from services import enquiry_views, views

app_name = "services"

urlpatterns = [
    path("oferty/", views.offer_list, name="offer-list"),
    path(
        "projekty/<slug:project_slug>/oferty/<slug:slug>/",
        views.offer_detail,
        name="offer-detail",
    ),
    path(
        "projekty/<slug:project_slug>/zgloszenie/",
        enquiry_views.enquiry_create,
        name="enquiry-create",
    ),
    path(
        "projekty/<slug:project_slug>/oferty/<slug:offer_slug>/zgloszenie/",
        enquiry_views.enquiry_create,
        name="enquiry-create-offer",
    ),
    path(
        "projekty/<slug:project_slug>/zgloszenie/wyslane/",
        enquiry_views.enquiry_sent,
        name="enquiry-sent",
    ),
]

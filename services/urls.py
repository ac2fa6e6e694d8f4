from django.urls import path

from services import views

app_name = "services"

urlpatterns = [
    path("oferty/", views.offer_list, name="offer-list"),
    path(
        "projekty/<slug:project_slug>/oferty/<slug:slug>/",
        views.offer_detail,
        name="offer-detail",
    ),
]

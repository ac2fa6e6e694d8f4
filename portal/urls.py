from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("deklaracja-dostepnosci/", views.accessibility_statement, name="accessibility"),
    path("tekst-latwy-do-czytania/", views.easy_read, name="easy-read"),
]

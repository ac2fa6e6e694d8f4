from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("logowanie-dwuetapowe/konfiguracja/", views.otp_setup, name="otp-setup"),
    path("logowanie-dwuetapowe/", views.otp_verify, name="otp-verify"),
    path("logowanie-dwuetapowe/kody-zapasowe/", views.backup_codes, name="backup-codes"),
]

"""Sign-in events go to the audit log too."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

from audit.log import record
from audit.models import AuditEntry


def _logged_in(sender, request, user, **kwargs):
    record(actor=user, action=AuditEntry.Action.LOGIN)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(actor=user, action=AuditEntry.Action.LOGOUT)


def _login_failed(sender, credentials, request=None, **kwargs):
    # The attempted login name, only when it is an account's: people type their password or
    # a PESEL into that field now and then, and the log must not keep it. The password is
    # never in `credentials` here (Django cleanses it).
    typed = str(credentials.get("username", ""))[:150]
    known = get_user_model().objects.filter(username=typed).exists()
    detail = {"username": typed} if known else {"username_known": False}
    record(action=AuditEntry.Action.LOGIN_FAILED, detail=detail)


def connect_authentication_signals():
    user_logged_in.connect(_logged_in, dispatch_uid="audit:login")
    user_logged_out.connect(_logged_out, dispatch_uid="audit:logout")
    user_login_failed.connect(_login_failed, dispatch_uid="audit:login_failed")

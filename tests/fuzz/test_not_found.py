"""A URL naming a record that cannot exist is a 404 in every view, third-party ones included."""

import pytest
from django.contrib import admin
from django.http import HttpResponse
from django.urls import path

from config.not_found import MissingRecordIs404Middleware
from config.urls import urlpatterns as site_patterns
from projects.admin_scoping import MissingObjectIs404Mixin, SafeChangeListMixin
from projects.models import Organisation


def looks_up(request, pk):
    Organisation.objects.get(pk=pk)  # DoesNotExist escapes, as in django-otp's device pages
    return HttpResponse("found")


# The site's own patterns too: the 404 page links to the home page.
urlpatterns = [path("records/<int:pk>/", looks_up), *site_patterns]


@pytest.mark.urls("tests.fuzz.test_not_found")
@pytest.mark.parametrize("pk", ["999999", "9" * 40])
def test_a_record_that_does_not_or_cannot_exist_is_a_404(client, db, pk):
    assert client.get(f"/records/{pk}/").status_code == 404


def test_the_biggest_id_a_bigint_holds_still_reaches_the_view():
    middleware = MissingRecordIs404Middleware(lambda request: None)

    assert middleware.process_view(None, looks_up, (), {"pk": 2**63 - 1}) is None


def test_every_registered_admin_has_the_hardening_third_party_ones_too():
    unhardened = [
        type(model_admin).__name__
        for model_admin in admin.site._registry.values()
        if not (
            isinstance(model_admin, MissingObjectIs404Mixin)
            and isinstance(model_admin, SafeChangeListMixin)
        )
    ]
    assert unhardened == []

"""The public "ask for contact" form, from a family's submission to the project's back office.

Personas: Alfa's caseworker, specialist, coordinator and centre administrator (all with
e-mail addresses), Beta's caseworker; "Kasia", a parent who fills in the form.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from audit.models import AuditEntry
from projects.models import StaffRole
from services.models import Enquiry, SupportOffer
from tests.factories import make_project, make_staff

pytestmark = pytest.mark.django_db

KASIA = {
    "name": "Kasia",
    "phone": "600 123 456",
    "email": "kasia.przykladowa@example.invalid",
    "preferred_contact_time": "afternoon",
    "message": "Urodziłam synka, szukam wsparcia położnej.",
    "consent": "on",
}
# What of Kasia's must never show up in a URL or an e-mail.
PERSONAL = ["Kasia", "600", "123 456", "600123456", "kasia", "przykladowa", "synka", "położnej"]


@pytest.fixture
def alfa():
    return make_project("alfa", title="Projekt Alfa")


@pytest.fixture
def team(alfa):
    beta = make_project("beta")
    return {
        role: make_staff(alfa, role, username=f"{role}_a", email=f"{role}.a@mops.invalid")
        for role in StaffRole.values
    } | {
        "beta": make_staff(
            beta, StaffRole.CASEWORKER, username="caseworker_b", email="b@mops.invalid"
        )
    }


@pytest.fixture
def offer(alfa):
    return SupportOffer.objects.create(
        project=alfa,
        title="Wsparcie położnej",
        slug="wsparcie-poloznej",
        description="Wizyty położnej w domu.",
        who_for="Rodzice noworodków.",
    )


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as the browser does; the e-mails sent after the commit are really sent."""

    def send(url, data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return send


def form_url(project, offer=None):
    if offer is not None:
        return reverse(
            "services:enquiry-create-offer",
            kwargs={"project_slug": project.slug, "offer_slug": offer.slug},
        )
    return reverse("services:enquiry-create", kwargs={"project_slug": project.slug})


def test_the_form_page_has_one_h1_no_inline_script_or_style_and_the_consent_text(client, alfa):
    response = client.get(form_url(alfa))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<script" not in html
    assert "<style" not in html
    assert " style=" not in html
    # The strict policy applies, and the page needed no nonce.
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "nonce-" not in policy
    assert "Zgadzam się, aby pracownik projektu skontaktował się ze mną" in html
    # The honeypot is in the form, hidden from assistive technology and the tab order.
    assert re.search(r'<div class="enquiry-hp" aria-hidden="true">', html)
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_a_familys_enquiry_reaches_the_projects_staff_without_personal_data(
    post, client, alfa, team
):
    response = post(form_url(alfa), KASIA)

    # Redirected to a confirmation page whose URL says nothing about Kasia.
    sent_url = reverse("services:enquiry-sent", kwargs={"project_slug": "alfa"})
    assert response.status_code == 302
    assert response["Location"] == sent_url
    assert not any(part.lower() in response["Location"].lower() for part in PERSONAL)

    enquiry = Enquiry.objects.get()
    assert (enquiry.project, enquiry.offer, enquiry.status) == (alfa, None, Enquiry.Status.NEW)
    assert enquiry.phone == "+48600123456"  # normalised
    assert enquiry.consent_text_version == "2026-12-01"
    assert re.fullmatch(r"ZG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}", enquiry.reference)

    page = client.get(sent_url)
    assert enquiry.reference in page.content.decode()
    assert page.content.decode().count("<h1") == 1

    # The handlers of Alfa are told (one message each); the specialist and Beta are not.
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "caseworker.a@mops.invalid",
        "centre_admin.a@mops.invalid",
        "coordinator.a@mops.invalid",
    ]
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}".lower()
        assert enquiry.reference.lower() in text
        assert "projekt alfa" in text
        assert f"/pl/admin/services/enquiry/{enquiry.pk}/change/" in message.body
        for part in PERSONAL:
            assert part.lower() not in text, part


def test_the_enquiry_is_audited_without_an_actor_or_the_senders_ip(post, alfa, team):
    post(form_url(alfa), KASIA, REMOTE_ADDR="203.0.113.7")
    enquiry = Enquiry.objects.get()
    entry = AuditEntry.objects.for_object(enquiry).get()
    assert (entry.action, entry.actor, entry.ip_address, entry.project) == (
        AuditEntry.Action.CREATE,
        None,
        None,
        alfa,
    )
    # What Kasia wrote is recorded as given, never with its value.
    assert entry.changes["name"] == [None, "***"]
    assert entry.changes["phone"] == [None, "***"]
    assert entry.changes["message"] == [None, "***"]
    assert "Kasia" not in str(entry.changes)


def test_from_an_offer_page_the_enquiry_names_the_offer(post, alfa, offer, team):
    response = post(form_url(alfa, offer), KASIA)
    assert response.status_code == 302
    assert Enquiry.objects.get().offer == offer


def test_an_offer_of_another_project_or_an_unknown_project_is_a_404(client, alfa, offer):
    beta = make_project("beta")
    assert client.get(form_url(beta, offer)).status_code == 404
    assert client.get(form_url(alfa).replace("alfa", "nie-ma-takiego")).status_code == 404


def test_the_sent_page_without_a_submission_leads_back_to_the_form(client, alfa):
    response = client.get(reverse("services:enquiry-sent", kwargs={"project_slug": "alfa"}))
    assert response.status_code == 302
    assert response["Location"] == form_url(alfa)


# (what changes in Kasia's data, the field, the message shown next to it)
BAD_INPUT = [
    ({"phone": "", "email": ""}, "phone", "Podaj numer telefonu albo adres e-mail."),
    ({"phone": "123 45"}, "phone", "Podaj polski numer telefonu"),
    ({"phone": "+44 20 7946 0958"}, "phone", "Podaj polski numer telefonu"),
    ({"phone": "000 000 000"}, "phone", "Podaj polski numer telefonu"),
    ({"email": "kasia@"}, "email", "Wprowadź poprawny adres email."),
    ({"name": "  "}, "name", "To pole jest wymagane."),
    ({"message": "x" * 1001}, "message", "Upewnij się, że ta wartość ma co najwyżej 1000 znaków"),
    ({"consent": ""}, "consent", "Zaznacz zgodę na kontakt"),
    ({"preferred_contact_time": "night"}, "preferred_contact_time", "Wybierz poprawną wartość."),
]


@pytest.mark.parametrize(("change", "field", "message"), BAD_INPUT)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    post, alfa, team, change, field, message
):
    response = post(form_url(alfa), {**KASIA, **change})

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    # The error is tied to its field, and the summary at the top links to the field.
    error_id = f"id_{field}_error"
    assert re.search(rf'id="{error_id}"', html)
    assert re.search(rf'<(input|select|textarea)[^>]*aria-describedby="[^"]*{error_id}', html)
    assert re.search(rf'<div class="error-summary"[^>]*>.*href="#id_{field}"', html, re.S)
    assert html.count("<h1") == 1
    assert "<title>Błąd:" in html
    assert " style=" not in html and "<script" not in html
    assert not Enquiry.objects.exists()
    assert not AuditEntry.objects.filter(content_type__model="enquiry").exists()
    assert mail.outbox == []


def test_every_problem_is_listed_at_once(post, alfa):
    response = post(form_url(alfa), {**KASIA, "name": "", "phone": "12", "consent": ""})
    summary = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S)
    links = re.findall(r'href="#(id_\w+)"', summary.group(0))
    assert links == ["id_name", "id_phone", "id_consent"]
    assert "Zgoda na kontakt: Zaznacz zgodę na kontakt" in summary.group(0)


def test_an_invalid_email_alone_does_not_also_claim_the_contact_is_missing(post, alfa):
    response = post(form_url(alfa), {**KASIA, "phone": "", "email": "kasia@"})
    errors = response.context["form"].errors
    assert set(errors) == {"email"}


def test_a_filled_honeypot_looks_sent_but_saves_and_sends_nothing(post, client, alfa, team):
    response = post(form_url(alfa), {**KASIA, "website": "http://spam.invalid"})
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert mail.outbox == []
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Numer Twojego zgłoszenia" not in page.content.decode()


def test_the_rate_limit_stops_one_client_not_another(post, alfa, team, settings):
    from django.core.cache import cache

    settings.ENQUIRY_RATE_LIMIT = (3, 3600)
    for _ in range(3):
        assert post(form_url(alfa), KASIA, REMOTE_ADDR="198.51.100.20").status_code == 302
    refused = post(form_url(alfa), KASIA, REMOTE_ADDR="198.51.100.20")
    assert refused.status_code == 429
    assert "Z tego urządzenia wysłano już wiele zgłoszeń" in refused.content.decode()
    assert Enquiry.objects.count() == 3

    # Another client is not affected.
    assert post(form_url(alfa), KASIA, REMOTE_ADDR="198.51.100.21").status_code == 302
    assert Enquiry.objects.count() == 4

    # The cache knows clients by a keyed hash, never by their address.
    keys = list(cache._cache.keys())
    assert keys and not any("198.51.100" in key for key in keys)


def test_a_parent_correcting_mistakes_is_not_refused_for_them(post, alfa, team, settings):
    # Ten tries with a phone number too short, then the right one: only sent enquiries count.
    settings.ENQUIRY_RATE_LIMIT = (10, 3600)
    for _ in range(10):
        assert post(form_url(alfa), {**KASIA, "phone": "12"}).status_code == 400

    response = post(form_url(alfa), KASIA)

    assert response.status_code == 302
    assert Enquiry.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "help_text"),
    [
        (
            "pl",
            "Do 1000 znaków. Nie opisuj tu zdrowia ani trudnej sytuacji – "
            "porozmawiamy o tym przez telefon.",
        ),
        ("uk", "До 1000 знаків. Не описуйте тут стан здоров’я чи складну ситуацію"),
        ("en", "Up to 1000 characters. Please do not describe health matters"),
    ],
)
def test_the_message_help_is_in_the_pages_language(client, alfa, language, help_text):
    with translation.override(language):
        url = form_url(alfa)

    html = client.get(url).content.decode()

    assert help_text in html


def test_behind_a_proxy_the_rate_limit_counts_the_forwarded_client(post, alfa, team, settings):
    settings.ENQUIRY_RATE_LIMIT = (1, 3600)
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.30", **proxy}
    # A forged left-hand entry does not make a new client: the proxy's own entry counts.
    forged = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 198.51.100.30", **proxy}
    other = {"HTTP_X_FORWARDED_FOR": "198.51.100.31", **proxy}
    assert post(form_url(alfa), KASIA, **first).status_code == 302
    assert post(form_url(alfa), KASIA, **forged).status_code == 429
    assert post(form_url(alfa), KASIA, **other).status_code == 302


def test_the_call_to_action_links_to_the_right_form(alfa, offer):
    from django.template.loader import render_to_string

    on_project = render_to_string("services/_enquiry_cta.html", {"project": alfa})
    on_offer = render_to_string("services/_enquiry_cta.html", {"project": alfa, "offer": offer})
    assert f'href="{form_url(alfa)}"' in on_project
    assert f'href="{form_url(alfa, offer)}"' in on_offer
    assert "<h2" in on_project

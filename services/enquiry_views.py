"""The public enquiry form and its confirmation page. Thin: the rules are in
`services.enquiries`; the reference number travels in the session, never in the URL."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from projects.models import Project
from services import throttle
from services.enquiries import submit_enquiry
from services.enquiry_forms import EnquiryForm
from services.models import SupportOffer

SESSION_KEY = "enquiry_sent"
THROTTLE_SCOPE = "enquiry"


@never_cache
def enquiry_create(request, project_slug, offer_slug=None):
    project = get_object_or_404(Project, slug=project_slug)
    offer = None
    if offer_slug is not None:
        offer = get_object_or_404(SupportOffer, project=project, slug=offer_slug)
    status = 200
    if request.method == "POST":
        form = EnquiryForm(request.POST, project=project, offer=offer)
        limit, window = settings.ENQUIRY_RATE_LIMIT
        if throttle.is_limited(request, THROTTLE_SCOPE, limit):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Z tego urządzenia wysłano już wiele zgłoszeń. Spróbuj ponownie za godzinę "
                    "albo zadzwoń do projektu – numer znajdziesz na jego stronie."
                ),
            )
            return _form_page(request, form, project, offer, status=429)
        if form.is_bot():
            # Looks like success to the bot; nothing is saved or sent (but it counts).
            throttle.hit(request, THROTTLE_SCOPE, window)
            request.session[SESSION_KEY] = {"project": project.slug, "reference": ""}
            return redirect("services:enquiry-sent", project_slug=project.slug)
        if form.is_valid():
            # Only a submission that passes the checks counts: a parent correcting mistakes
            # is not refused for them.
            throttle.hit(request, THROTTLE_SCOPE, window)
            try:
                enquiry = submit_enquiry(project=project, offer=offer, **form.submission())
            except ValidationError as error:
                form.add_rule_errors(error)
            else:
                request.session[SESSION_KEY] = {
                    "project": project.slug,
                    "reference": enquiry.reference,
                }
                return redirect("services:enquiry-sent", project_slug=project.slug)
        status = 400
    else:
        form = EnquiryForm(project=project, offer=offer)
    return _form_page(request, form, project, offer, status=status)


def _form_page(request, form, project, offer, *, status):
    return render(
        request,
        "services/enquiry_form.html",
        {"form": form, "project": project, "offer": offer},
        status=status,
    )


@never_cache
def enquiry_sent(request, project_slug):
    project = get_object_or_404(Project, slug=project_slug)
    sent = request.session.get(SESSION_KEY) or {}
    if sent.get("project") != project.slug:
        return redirect("services:enquiry-create", project_slug=project.slug)
    return render(
        request,
        "services/enquiry_sent.html",
        {"project": project, "reference": sent.get("reference", "")},
    )

from django.shortcuts import get_object_or_404, render

from services.models import SupportOffer


def offer_detail(request, project_slug, slug):
    offer = get_object_or_404(
        SupportOffer.objects.for_listing().prefetch_related("project__contacts"),
        project__slug=project_slug,
        slug=slug,
    )
    return render(request, "services/offer_detail.html", {"offer": offer})

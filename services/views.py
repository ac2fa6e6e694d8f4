"""Public pages of the support offers: the filtered list and an offer's page."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.gzip import gzip_page

from portal.caching import not_for_the_cache, public_page
from services.filters import OfferFilter
from services.models import SupportOffer

OFFERS_PER_PAGE = 10
PAGE_PARAM = "strona"


@gzip_page
@public_page(params=(*OfferFilter.base_filters, PAGE_PARAM))
def offer_list(request):
    offers = OfferFilter(request.GET or None, queryset=SupportOffer.objects.for_listing())
    page = Paginator(offers.qs, OFFERS_PER_PAGE).get_page(request.GET.get(PAGE_PARAM))
    # The filters without the page number: the pagination links add their own.
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    context = {"filter": offers, "page": page, "query": query.urlencode()}
    response = render(request, "services/offer_list.html", context)
    # Only the addresses of real choices and pages are cached: any other value is endless.
    requested_page = request.GET.get(PAGE_PARAM, str(page.number))
    if (offers.is_bound and not offers.is_valid()) or requested_page != str(page.number):
        not_for_the_cache(response)
    return response


@gzip_page
@public_page
def offer_detail(request, project_slug, slug):
    offer = get_object_or_404(
        SupportOffer.objects.for_listing().prefetch_related("project__contacts"),
        project__slug=project_slug,
        slug=slug,
    )
    return render(request, "services/offer_detail.html", {"offer": offer, "project": offer.project})

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from search.catalogue import search_catalogue
from search.forms import SearchForm


@require_safe
@cache_control(public=True, max_age=300)
@conditional_page
def results(request):
    """The search page: the form, and the results when a query was given (GET only, so a
    result page can be bookmarked, cached and shared; the ETag of its content answers 304)."""
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        results = search_catalogue(form.cleaned_data["q"], get_language())
    return render(request, "search/results.html", {"form": form, "results": results})

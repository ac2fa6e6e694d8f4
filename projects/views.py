"""Public pages of the projects: the home page (find support) and a project's page.

Both are cached per language by `portal.caching.public_page` and compressed (`gzip_page`);
each makes a fixed number of queries whatever the number of projects.
"""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.gzip import gzip_page

from portal.caching import public_page
from projects.models import Project, ProjectContact
from services.models import Situation, SupportOffer


@gzip_page
@public_page
def home(request):
    projects = (
        Project.objects.with_status_order()
        .select_related("funding")
        .prefetch_related(Prefetch("contacts", queryset=ProjectContact.objects.reachable()))
    )
    cities = (
        Project.objects.order_by("city").values("city").annotate(projects=Count("pk")).distinct()
    )
    # A hotline is listed with the first of its project's phone numbers.
    hotlines = SupportOffer.objects.hotlines().prefetch_related(
        Prefetch(
            "project__contacts", queryset=ProjectContact.objects.with_phone(), to_attr="phones"
        )
    )
    context = {
        "projects": projects,
        "situations": Situation.objects.all(),
        "cities": cities,
        "hotlines": hotlines,
    }
    return render(request, "projects/home.html", context)


@gzip_page
@public_page
def project_detail(request, slug):
    project = get_object_or_404(
        Project.objects.select_related("funding").prefetch_related(
            "partnerships__organisation",
            "contacts",
            "subgroups",
            "activities",
            "deliverables",
            "offers",
        ),
        slug=slug,
    )
    return render(request, "projects/project_detail.html", {"project": project})

from django.shortcuts import get_object_or_404, render

from projects.models import Project


def home(request):
    projects = Project.objects.with_status_order().select_related("funding")
    return render(request, "projects/home.html", {"projects": projects})


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

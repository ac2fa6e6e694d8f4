"""A tiny URLconf for checking the fuzz tests' own judges (tests/fuzz/test_judges.py)."""

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.template import Context, Template
from django.urls import path

from projects.models import Organisation


class OrganisationForm(forms.Form):
    name = forms.CharField(max_length=20)
    kind = forms.ChoiceField(choices=Organisation.Kind.choices)


def _page(form, template="<form method='post'>{{ form }}</form>"):
    return HttpResponse(Template(template).render(Context({"form": form})))


def honest(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        Organisation.objects.create(**form.cleaned_data)
        return HttpResponseRedirect("/done/")
    return _page(form)


def hides_errors(request):
    form = OrganisationForm(request.POST or None)
    form.is_valid()
    return _page(form, "<form method='post'>{% for f in form %}{{ f }}{% endfor %}</form>")


def saves_half(request):
    form = OrganisationForm(request.POST or None)
    Organisation.objects.create(name="half", kind=Organisation.Kind.choices[0][0])
    form.is_valid()
    return _page(form)


urlpatterns = [
    path("honest/", honest),
    path("hides-errors/", hides_errors),
    path("saves-half/", saves_half),
]

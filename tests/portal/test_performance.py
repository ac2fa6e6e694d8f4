"""Performance of the public pages: a fixed number of queries whatever the data size, a cache
per language that a change of content invalidates, ETag/Last-Modified with 304 answers, and a
project page under 50 KB as sent compressed (HTML + CSS; there is no JavaScript)."""

import gzip
import re

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from projects.models import Project
from services.models import SupportOffer
from tests.portal.factories import make_public_projects

# (page, URL factory, queries on a cold cache): the same at 5 and at 200 projects.
PAGES = [
    # projects, cities, situations, hotline offers (+ their projects' contacts), contacts
    ("home", lambda: reverse("projects:home"), 6),
    # city choices, situations, specialists, places, count, page, 3 prefetches
    ("offer list", lambda: reverse("services:offer-list"), 9),
    ("offer list filtered", lambda: reverse("services:offer-list") + "?situation=newborn", 10),
    ("offer list page 2", lambda: reverse("services:offer-list") + "?strona=2", 9),
    # offer with its project, then specialist kinds, places, situations, contacts
    (
        "offer page",
        lambda: SupportOffer.objects.order_by("pk").first().get_absolute_url(),
        5,
    ),
    # project with its funding; partnerships, organisations, contacts, subgroups, activities,
    # deliverables, offers
    ("project page", lambda: Project.objects.order_by("pk").first().get_absolute_url(), 8),
    ("easy-to-read page", lambda: reverse("portal:easy-read"), 1),
    ("accessibility statement", lambda: reverse("portal:accessibility"), 1),
    # situations, projects (+ contacts), offers, statement
    ("llms.txt", lambda: reverse("portal-txt"), 5),
]


def test_each_public_page_makes_the_same_queries_at_5_and_200_projects(
    client, db, django_assert_num_queries
):
    # One test for all pages, so the 200 projects are created once.
    make_public_projects(5)
    for name, url, queries in PAGES:
        address = url()
        cache.clear()
        with django_assert_num_queries(queries, info=f"{name} at 5 projects"):
            assert client.get(address).status_code == 200, name

    _more_projects()
    assert Project.objects.count() == 200
    for name, url, queries in PAGES:
        address = url()
        cache.clear()
        with django_assert_num_queries(queries, info=f"{name} at 200 projects"):
            assert client.get(address).status_code == 200, name


def _more_projects():
    # The second batch needs its own slugs: move the first five out of the way first.
    for project in Project.objects.filter(slug__startswith="masowy-"):
        project.slug = f"pierwszy-{project.slug}"
        project.save(update_fields=["slug"])
    make_public_projects(195)


def test_a_cached_page_is_served_without_queries_and_a_change_invalidates_it(client, db):
    project = make_public_projects(5)[0]
    url = project.get_absolute_url()
    client.get(url)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert len(queries) == 0
    assert "Projekt masowy 0" in again.content.decode()

    project.title = "Nowy tytuł projektu"
    project.save()

    assert "Nowy tytuł projektu" in client.get(url).content.decode()


def test_each_language_has_its_own_cached_page(client, db):
    project = make_public_projects(1)[0]
    project.title_uk = "Проєкт для родин"
    project.save()

    with translation.override("uk"):
        uk_url = project.get_absolute_url()
    polish = client.get(project.get_absolute_url()).content.decode()
    ukrainian = client.get(uk_url).content.decode()

    assert "Projekt masowy 0" in polish
    assert "Проєкт для родин" in ukrainian
    assert '<html lang="uk">' in ukrainian


def test_a_revalidation_gets_304_without_queries(client, db, django_assert_num_queries):
    url = make_public_projects(1)[0].get_absolute_url()
    first = client.get(url)
    assert first["ETag"].startswith('"')
    assert first["Last-Modified"]
    assert "max-age=0" in first["Cache-Control"]

    with django_assert_num_queries(0):
        by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_etag["ETag"] == first["ETag"]
    assert by_date.status_code == 304


def test_a_change_gives_a_new_etag(client, db):
    project = make_public_projects(1)[0]
    url = project.get_absolute_url()
    etag = client.get(url)["ETag"]

    project.summary = "Zmienione streszczenie."
    project.save()
    response = client.get(url, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_public_pages_carry_no_per_visitor_content(client, seeded):
    # No CSRF token, no nonce, no cookie: the same bytes for every visitor, so they cache.
    response = client.get(reverse("projects:detail", kwargs={"slug": "zawsze-rodzina"}))

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "nonce-" not in response["Content-Security-Policy"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def _gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def test_the_project_page_is_under_50_kb_compressed(client, seeded):
    # The largest seed project, compressed by the page's own gzip, plus its stylesheets and
    # scripts compressed as whitenoise sends them.
    url = reverse("projects:detail", kwargs={"slug": "zawsze-rodzina"})
    response = client.get(url, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()

    assets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="/static/([^"]+)"', html)
    assert "vendor/bootstrap-5.3.9/bootstrap.min.css" in assets
    asset_bytes = sum(
        _gzipped_size(open(finders.find(path), "rb").read())  # noqa: SIM115
        for path in assets
        if "print" not in path
    )
    total = len(response.content) + asset_bytes

    assert total < 50 * 1024, f"{total} bytes"
    assert "<script" not in html


def test_a_browser_asking_for_gzip_gets_the_compressed_page_from_the_cache(client, db):
    import gzip

    project = make_public_projects(5)[0]
    url = project.get_absolute_url()
    plain = client.get(url)
    client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})  # cached by now

    with CaptureQueriesContext(connection) as queries:
        compressed = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert len(queries) == 0
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    # Another representation: a weak ETag, and the client's copy still revalidates to a 304.
    assert compressed["ETag"] == f"W/{plain['ETag']}"
    revalidated = client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": compressed["ETag"]}
    )
    assert revalidated.status_code == 304

"""Per-language cache of the public pages, with ETag/Last-Modified and 304 answers.

Every public page is a function of (the public content, the language, the URL, today's date),
never of the visitor: no session, no CSRF token, no CSP nonce. So a page is cached under a
*content version* that any save or delete of public content replaces (signals below); the same
version gives the ETag, so a revalidation is answered with 304 without touching the database.

With a shared cache (REDIS_URL) the new version is seen by every process at once. With the
process-local cache the version expires after PORTAL_CONTENT_VERSION_TTL seconds, so another
gunicorn worker serves a page at most that long after a change.
"""

import gzip
import hashlib
import re
import time
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, urlencode

VERSION_KEY = "portal:content-version"
CACHE_CONTROL = "public, max-age=0, must-revalidate"
PAGE_TIMEOUT = 24 * 60 * 60
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")

# The models whose rows the public pages show (app label, model name).
PUBLIC_MODELS = {
    ("projects", "organisation"),
    ("projects", "project"),
    ("projects", "projectcontact"),
    ("projects", "funding"),
    ("projects", "partnership"),
    ("participants", "participantsubgroup"),
    ("services", "specialistkind"),
    ("services", "placekind"),
    ("services", "situation"),
    ("services", "supportoffer"),
    ("services", "activity"),
    ("services", "deliverable"),
    ("portal", "accessibilitystatement"),
}


def _version_timeout():
    return getattr(settings, "PORTAL_CONTENT_VERSION_TTL", 60)


def _new_version() -> str:
    # Nanoseconds since the epoch, in hex: unique per change, and it dates the change.
    return f"{time.time_ns():x}"


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add(): when two processes race, both end up with the one that was stored first.
        cache.add(VERSION_KEY, _new_version(), _version_timeout())
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def bump_content_version() -> None:
    cache.set(VERSION_KEY, _new_version(), _version_timeout())


@lru_cache(maxsize=16)
def _http_date(seconds: int) -> str:
    return http_date(seconds)  # the same few versions, asked for on every visit


def _version_seconds(version: str) -> int:
    return int(version, 16) // 1_000_000_000


def _on_change(sender, **kwargs):
    if (sender._meta.app_label, sender._meta.model_name) in PUBLIC_MODELS:
        bump_content_version()
        # Outside a transaction this runs at once; inside one, after the commit, so a page
        # rendered from the not yet committed (old) rows is never served again.
        transaction.on_commit(bump_content_version)


def _on_m2m_change(sender, action, instance, **kwargs):
    if action.startswith("post_"):
        _on_change(type(instance))


def connect_invalidation() -> None:
    post_save.connect(_on_change, dispatch_uid="portal-cache-save")
    post_delete.connect(_on_change, dispatch_uid="portal-cache-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="portal-cache-m2m")


def _page_query(request, params) -> str | None:
    """The page's own query parameters, sorted, as a query string; None when the address
    carries a parameter the page does not read, or one of them more than once."""
    query = request.GET
    if any(name not in params or len(query.getlist(name)) > 1 for name in query):
        return None
    return urlencode(sorted(query.items()))


def not_for_the_cache(response):
    """Mark a page the view rendered for an address it does not stand behind (a filter value
    that is not a choice, a page number out of range): served, but not stored."""
    response.not_for_the_cache = True
    return response


def public_page(view=None, *, params=()):
    """Serve a public GET page from the cache, or 304 when the client has it already.

    `params` names the query parameters the page reads (`@public_page(params=("q",))`); a
    request with any other parameter gets the page rendered afresh and not stored.
    """
    if view is None:
        return lambda view: public_page(view, params=params)
    params = frozenset(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        query = _page_query(request, params)
        if query is None:
            return view(request, *args, **kwargs)
        version = content_version()
        # Today's date is part of the key: a project's status follows the calendar.
        source = "|".join(
            (
                version,
                translation.get_language() or "",
                timezone.localdate().isoformat(),
                f"{request.path}?{query}",
            )
        )
        digest = hashlib.sha256(source.encode()).hexdigest()[:32]
        etag = f'"{digest}"'
        last_modified = _version_seconds(version)

        key = f"portal:page:{digest}"
        cached = cache.get(key)
        response = None
        if cached is None:
            response = view(request, *args, **kwargs)
            if (
                response.status_code != 200
                or response.streaming
                or getattr(response, "not_for_the_cache", False)
            ):
                return response
            if hasattr(response, "render"):
                response.render()
            # The compressed body is kept beside the plain one: compressing a page costs more
            # than serving it, and nearly every browser asks for gzip.
            compressed = gzip.compress(response.content, compresslevel=6, mtime=0)
            cache.set(key, (response.content, compressed, response["Content-Type"]), PAGE_TIMEOUT)
        else:
            content, compressed, content_type = cached

        # Only a page that exists (cached, or just rendered with 200) may be confirmed to the
        # client: "If-None-Match: *" or an If-Modified-Since on a missing page gets its 404.
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["ETag"] = etag
            return not_modified

        gzipped = _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) is not None
        if response is None:
            # From the cache: a fresh response whose headers are all ours, set directly (the
            # patch_* helpers parse and merge, a cost on every visit of a busy page).
            response = HttpResponse(compressed if gzipped else content, content_type=content_type)
            response["Vary"] = "Accept-Encoding"
            response["Cache-Control"] = CACHE_CONTROL
        else:
            if gzipped:
                response.content = compressed
            patch_vary_headers(response, ["Accept-Encoding"])
            # Browsers may keep the page, but ask each time (a cheap 304) so changes show.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        if gzipped:
            response["Content-Encoding"] = "gzip"
            # Another representation of the same page: a weak ETag, as GZipMiddleware gives.
            etag = f"W/{etag}"
        response["ETag"] = etag
        response["Last-Modified"] = _http_date(last_modified)
        return response

    return wrapped

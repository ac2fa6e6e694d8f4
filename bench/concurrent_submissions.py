#!/usr/bin/env python
"""Concurrency bench: one consultation form submitted 200 times at once, plus distinct ones.

Against gunicorn with production settings on PostgreSQL, 127.0.0.1 only (bench/_common.py):
  1. a demo specialist signs in to the admin and opens the "add consultation" form of a person
     of their caseload (the form carries its hidden one-time `submission_key`);
  2. --same (200) POSTs of that very form, with the same key, and --distinct (50) other
     submissions, each with its own key and sent twice (a double click), all released at once
     from as many threads, each on its own connection;
  3. the database is asked how many consultations each key produced: exactly one per distinct
     submission, none duplicated; every answer must be the admin's redirect after a save.
Writes bench/RESULTS.md's "concurrency" section. Run by `make bench-concurrency`.
"""

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from _common import (
    DEFAULT_DATABASE_URL,
    HOST,
    OUT,
    Gunicorn,
    machine_description,
    manage,
    prepare_database,
    production_env,
    write_section,
)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.fuzz.htmlforms import forms_of  # the project's own form parser

# A person of a demo specialist's caseload, and the vocabularies the form needs, as JSON.
SETUP_SCRIPT = """
import json
from projects.models import ProjectMembership, StaffRole
from participants.models import Person
from services.models import MATERNITY_WARD_SLUG, PlaceKind, SpecialistKind
from services.seed.demo_people import DEMO_PASSWORD
membership = (ProjectMembership.objects.filter(role=StaffRole.SPECIALIST, user__is_active=True)
              .select_related("user", "project").order_by("pk").first())
person = Person.objects.for_user(membership.user).order_by("pk").first()
print(json.dumps({
    "username": membership.user.username, "password": DEMO_PASSWORD,
    "project": membership.project_id, "person": person.pk,
    "specialist_kind": SpecialistKind.objects.order_by("pk").values_list("pk", flat=True)[0],
    "place_kind": PlaceKind.objects.exclude(slug=MATERNITY_WARD_SLUG).order_by("pk")
                  .values_list("pk", flat=True)[0],
}))
"""

COUNT_SCRIPT = """
import json, sys
from django.db.models import Count
from services.models import Consultation
keys = %s
rows = dict(Consultation.objects.filter(idempotency_key__in=keys)
            .values("idempotency_key").annotate(n=Count("pk")).values_list("idempotency_key", "n"))
print(json.dumps({str(k): n for k, n in rows.items()}))
"""


class Browser:
    """Cookies and CSRF by hand over http.client: one connection per request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str | None = None):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers, content.decode("utf-8", "replace")

    def form(self, path: str, form_id: str) -> list[tuple[str, str]]:
        status, _, html = self.request("GET", path)
        if status != 200:
            sys.exit(f"GET {path} answered {status}")
        [form] = [f for f in forms_of(html) if f.id == form_id]
        return form.fields


def sign_in(browser: Browser, username: str, password: str) -> None:
    fields = dict(browser.form("/pl/admin/login/", "login-form"))
    fields.update(username=username, password=password)
    status, _headers, _ = browser.request("POST", "/pl/admin/login/", urlencode(fields))
    if status != 302:
        sys.exit(f"sign-in as {username} answered {status}")


def fire(browser: Browser, path: str, bodies: list[str]) -> list[tuple[int, float]]:
    """Every body POSTed from its own thread, all released together by a barrier."""
    results: list[tuple[int, float] | None] = [None] * len(bodies)
    barrier = threading.Barrier(len(bodies))

    def send(index: int, body: str) -> None:
        barrier.wait()
        started = time.perf_counter()
        try:
            status, _, html = browser.request("POST", path, body)
        except OSError:
            status, html = 0, ""
        if status != 302:  # kept for diagnosis: the admin's page says what it refused
            (OUT / "concurrency-refused.html").write_text(html)
        results[index] = (status, time.perf_counter() - started)

    threads = [threading.Thread(target=send, args=(i, b)) for i, b in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--same", type=int, default=200, help="POSTs of one form (one key)")
    parser.add_argument("--distinct", type=int, default=50, help="other submissions (2x each)")
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        sys.exit("the concurrency bench needs PostgreSQL (--database-url postgres://…)")

    # The throwaway demo specialist signs in with a password alone: two-factor sign-in (where
    # the back office has it, OTP_REQUIRED) is not what this bench measures.
    env = production_env(args.database_url, OTP_REQUIRED="0")
    prepare_database(env)
    manage(env, "load_demo_data", "--allow-demo-users")  # the demo sign-ins (bench database)
    setup = json.loads(manage(env, "shell", "-v0", "-c", SETUP_SCRIPT).strip().splitlines()[-1])
    started_at = datetime.now(UTC)
    (OUT / "concurrency-refused.html").unlink(missing_ok=True)

    server_env = {
        **env,
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.threads),
    }
    with Gunicorn(server_env, args.port, "concurrency-gunicorn.log"):
        browser = Browser(args.port)
        sign_in(browser, setup["username"], setup["password"])
        add = "/pl/admin/services/consultation/add/"
        base = dict(browser.form(f"{add}?person={setup['person']}", "consultation_form"))
        base.update(
            project=str(setup["project"]),
            specialist_kind=str(setup["specialist_kind"]),
            place_kind=str(setup["place_kind"]),
            duration_minutes="45",
            topic="bench: one form, many submissions",
        )
        base.pop("family", None)
        same_key = base["submission_key"]
        distinct = [
            {**base, "submission_key": str(uuid.uuid4()), "topic": f"bench: distinct {i}"}
            for i in range(args.distinct)
        ]
        bodies = [urlencode(base)] * args.same + [urlencode(d) for d in distinct for _ in (0, 1)]
        wall = time.perf_counter()
        results = fire(browser, add, bodies)
        wall = time.perf_counter() - wall

    keys = [same_key] + [d["submission_key"] for d in distinct]
    rows = json.loads(
        manage(env, "shell", "-v0", "-c", COUNT_SCRIPT % json.dumps(keys)).strip().splitlines()[-1]
    )
    statuses: dict[int, int] = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(seconds for _, seconds in results)
    same_rows = rows.get(same_key, 0)
    distinct_rows = [rows.get(d["submission_key"], 0) for d in distinct]
    ok = same_rows == 1 and all(n == 1 for n in distinct_rows) and statuses == {302: len(bodies)}
    figures = {
        "requests": len(bodies),
        "same_key_posts": args.same,
        "distinct_submissions": args.distinct,
        "statuses": statuses,
        "rows_for_the_same_key": same_rows,
        "distinct_with_exactly_one_row": sum(1 for n in distinct_rows if n == 1),
        "distinct_duplicated": sum(1 for n in distinct_rows if n > 1),
        "distinct_missing": sum(1 for n in distinct_rows if n == 0),
        "wall_s": round(wall, 2),
        "latency_p50_ms": round(statistics.median(latencies) * 1000),
        "latency_max_ms": round(latencies[-1] * 1000),
    }
    print(json.dumps(figures, indent=2))
    answers = ", ".join(f"{n}× {s or 'socket error'}" for s, n in sorted(statuses.items()))
    one_each = f"{figures['distinct_with_exactly_one_row']} of {args.distinct}"
    duplicated = f"{figures['distinct_duplicated']} / {figures['distinct_missing']}"
    write_section(
        "concurrency",
        f"""
## Concurrent submissions of one consultation form

Run {started_at:%Y-%m-%d %H:%M} UTC by `make bench-concurrency` (`bench/concurrent_submissions.py`):
gunicorn with production settings ({args.workers} workers × {args.threads} threads) on
PostgreSQL, 127.0.0.1. A demo specialist signed in to the admin and opened the "add
consultation" form once; its POST was sent **{args.same} times at once with the same hidden
`submission_key`**, together with **{args.distinct} distinct submissions sent twice each**
({len(bodies)} requests released by one barrier, one connection each).
Machine: {machine_description()}.

| figure | value |
|---|---|
| answers | {answers} |
| consultations recorded for the one form sent {args.same}× | **{same_rows}** |
| distinct submissions with exactly one consultation | **{one_each}** |
| distinct submissions duplicated / missing | {duplicated} |
| wall time for all requests | {figures["wall_s"]} s |
| latency p50 / max | {figures["latency_p50_ms"]} ms / {figures["latency_max_ms"]} ms |
| result | {"**pass**: one row per distinct submission, none duplicated" if ok else "**FAIL**"} |

The database's unique key on `idempotency_key` decides when submissions race
(`services.consultations.log_consultation`); the losers get the winner's row and the same
redirect, so the specialist sees one consultation whatever the network did.
""",
    )
    if not ok:
        sys.exit("FAIL: see the figures above")


if __name__ == "__main__":
    main()

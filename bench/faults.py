#!/usr/bin/env python
"""Fault bench: PostgreSQL stopped and started under load (`make bench-faults`).

DANGER: stopping the cluster breaks every other connection to it, so the script first looks
at pg_stat_activity and refuses while any other database is in use (--force overrides; don't).
It is bounded: --down seconds of outage inside --duration seconds of wrk load, and PostgreSQL
is started again in a `finally`, whatever happens. Needs root (pg_ctlcluster).

Measures: /healthz answers 503 while the database is down; the time from `pg_ctlcluster start`
returning to the first /healthz 200 and the first 200 of a public page (target <= 5 s); and
that no consultation write is left half-done: a demo specialist saves a consultation through
the admin every 0.25 s throughout, each with its own one-time key; what failed during the
outage is sent again afterwards (the specialist pressing "save" once more), and then every key
has exactly one consultation, every consultation its audit entry, and the monthly totals equal
a recount of the consultations.
"""

import argparse
import json
import subprocess
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import urlencode

from _common import (
    DEFAULT_DATABASE_URL,
    HOST,
    OUT,
    Gunicorn,
    get,
    machine_description,
    manage,
    prepare_database,
    production_env,
    public_urls,
    write_section,
    wrk_script,
)
from concurrent_submissions import SETUP_SCRIPT, Browser, sign_in

CLUSTER = ["15", "main"]
TOPIC = "bench-faults"

# After the run: per key, how many consultations; how many of them lack their audit entry;
# and whether the monthly totals equal a recount of the consultations.
CHECK_SCRIPT = """
import json
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from audit.models import AuditEntry
from services.models import Consultation, ConsultationMonthlyTotal
keys = %s
rows = list(Consultation.objects.filter(idempotency_key__in=keys)
            .values_list("pk", "idempotency_key"))
per_key = {}
for _pk, key in rows:
    per_key[str(key)] = per_key.get(str(key), 0) + 1
audited = set(AuditEntry.objects.filter(
    action=AuditEntry.Action.CREATE, content_type=ContentType.objects.get_for_model(Consultation),
    object_id__in=[str(pk) for pk, _ in rows]).values_list("object_id", flat=True))
fields = ("project_id", "specialist_kind_id", "place_kind_id", "month")
recount = {tuple(r[f] for f in fields): (r["n"], r["m"]) for r in Consultation.objects.order_by()
           .annotate(month=TruncMonth("date")).values(*fields)
           .annotate(n=Count("pk"), m=Sum("duration_minutes"))}
kept = {tuple(getattr(t, f) for f in fields): (t.consultations, t.minutes)
        for t in ConsultationMonthlyTotal.objects.exclude(consultations=0)}
written = {str(pk) for pk, _ in rows}
print(json.dumps({"per_key": per_key, "unaudited": len(written - audited),
                  "totals_match": recount == kept}))
"""


def pg_ctl(action: str) -> None:
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", *CLUSTER, action],
        check=True,
        timeout=60,
    )


def other_databases_in_use(own: str) -> list[str]:
    output = subprocess.run(
        ["psql", "-h", HOST, "-U", "portal", "-d", "postgres", "-Atc",
         "SELECT DISTINCT datname FROM pg_stat_activity "
         "WHERE datname IS NOT NULL AND pid <> pg_backend_pid()"],
        capture_output=True, text=True, timeout=10, check=True,
    ).stdout  # fmt: skip
    return sorted({name for name in output.split() if name not in (own, "postgres")})


class Prober(threading.Thread):
    """GETs a path every 0.1 s and records (sent, answered, status), monotonic times."""

    def __init__(self, port: int, path: str):
        super().__init__(daemon=True)
        self.port, self.path, self.samples, self.stopped = port, path, [], threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            sent = time.monotonic()
            status = get(self.port, self.path, timeout=1.0)[0]
            self.samples.append((sent, time.monotonic(), status))
            time.sleep(0.1)

    def first_ok_after(self, moment: float) -> float | None:
        return next(
            (sent - moment for sent, _, status in self.samples if sent >= moment and status == 200),
            None,
        )

    def statuses_between(self, start: float, end: float) -> list[int]:
        # Only probes answered inside the window: under load a probe may wait in gunicorn's
        # queue and be answered after PostgreSQL is back, which says nothing about the outage.
        return [status for sent, done, status in self.samples if start <= sent and done <= end]


class Writer(threading.Thread):
    """A specialist saving a consultation through the admin every 0.25 s, each submission
    with its own one-time key; records (key, sent, status)."""

    def __init__(self, port: int, setup: dict):
        super().__init__(daemon=True)
        self.browser, self.setup, self.stopped = Browser(port), setup, threading.Event()
        self.samples: list[tuple[str, float, int]] = []
        self.path = "/pl/admin/services/consultation/add/"

    def sign_in(self) -> None:
        sign_in(self.browser, self.setup["username"], self.setup["password"])
        self.base = dict(self.browser.form(f"{self.path}?person={self.setup['person']}",
                                           "consultation_form"))  # fmt: skip
        self.base.pop("family", None)
        self.base.update(
            project=str(self.setup["project"]),
            specialist_kind=str(self.setup["specialist_kind"]),
            place_kind=str(self.setup["place_kind"]),
            duration_minutes="30",
        )

    def post(self, key: str) -> int:
        body = urlencode({**self.base, "submission_key": key, "topic": f"{TOPIC} {key[:8]}"})
        try:
            return self.browser.request("POST", self.path, body)[0]
        except OSError:
            return 0

    def run(self) -> None:
        while not self.stopped.is_set():
            key, sent = str(uuid.uuid4()), time.monotonic()
            self.samples.append((key, sent, self.post(key)))
            time.sleep(0.25)

    def resubmit_failed(self) -> list[int]:
        """What a specialist does after an error page: send the same form again."""
        return [self.post(key) for key, _, status in self.samples if status != 302]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of wrk load in all")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections")
    parser.add_argument("--down", type=int, default=5, help="seconds PostgreSQL stays stopped")
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--force", action="store_true", help="ignore other databases in use")
    args = parser.parse_args()
    if not (1 <= args.down <= 30 and args.down + 10 <= args.duration <= 300):
        sys.exit("need 1 <= --down <= 30 and --down + 10 <= --duration <= 300")

    own = args.database_url.rsplit("/", 1)[-1]
    busy = other_databases_in_use(own)
    if busy and not args.force:
        sys.exit(f"refusing: other databases are in use ({', '.join(busy)}); stopping "
                 "PostgreSQL would break them. Run when the machine is yours.")  # fmt: skip

    # The throwaway demo specialist signs in with a password alone (as in the concurrency
    # bench): two-factor sign-in is not what this bench measures.
    env = production_env(args.database_url, OTP_REQUIRED="0")
    prepare_database(env)
    manage(env, "load_demo_data", "--allow-demo-users")
    setup = json.loads(manage(env, "shell", "-v0", "-c", SETUP_SCRIPT).strip().splitlines()[-1])
    # The load bench's load: every public page in turn; the prober watches a project page.
    pages = public_urls(env)
    page = next(url for url in pages if "/projekty/" in url)
    started = datetime.now(UTC)
    with Gunicorn(env, args.port, "faults-gunicorn.log"):
        health, public = Prober(args.port, "/healthz"), Prober(args.port, page)
        writer = Writer(args.port, setup)
        writer.sign_in()
        health.start()
        public.start()
        writer.start()
        wrk = subprocess.Popen(
            ["wrk", f"--duration={args.duration}s", f"--connections={args.connections}",
             "--threads=2", "--timeout=5s", f"--script={wrk_script(pages, 'faults')}",
             f"http://{HOST}:{args.port}{page}"],
            stdout=(OUT / "faults-wrk.txt").open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            time.sleep(3)
            stop_at = time.monotonic()
            pg_ctl("stop")
            stopped_at = time.monotonic()
            time.sleep(args.down)
        finally:
            # The outage ends when the start command is given: PostgreSQL accepts connections
            # before pg_ctlcluster returns, so a probe answered in between may rightly be 200.
            restart_given = time.monotonic()
            pg_ctl("start")  # always, whatever happened above
        start_at = time.monotonic()
        time.sleep(8)
        wrk.wait(timeout=args.duration + 30)
        for thread in (health, public, writer):
            thread.stopped.set()
            thread.join()
        resubmitted = writer.resubmit_failed()

    keys = [key for key, _, _ in writer.samples]
    check = json.loads(
        manage(env, "shell", "-v0", "-c", CHECK_SCRIPT % json.dumps(keys)).strip().splitlines()[-1]
    )
    writes: dict[int, int] = {}
    for _, _, status in writer.samples:
        writes[status] = writes.get(status, 0) + 1
    one_each = sum(1 for key in keys if check["per_key"].get(key) == 1)
    ok_writes = (
        one_each == len(keys)
        and check["unaudited"] == 0
        and check["totals_match"]
        and all(status == 302 for status in resubmitted)
    )
    down_statuses = health.statuses_between(stopped_at + 0.5, restart_given)
    # Every probe, timed from the stop command, for the reader who wants to see the outage.
    (OUT / "faults-probes.json").write_text(
        json.dumps(
            {
                "stopped": round(stopped_at - stop_at, 3),
                "restart_given": round(restart_given - stop_at, 3),
                "started": round(start_at - stop_at, 3),
                "healthz": [
                    (round(sent - stop_at, 3), round(done - sent, 3), status)
                    for sent, done, status in health.samples
                ],
            }
        )
    )
    health_recovery = health.first_ok_after(start_at)
    page_recovery = public.first_ok_after(start_at)
    ok_503 = set(down_statuses) == {503}
    ok_recovery = health_recovery is not None and page_recovery is not None
    ok_recovery = ok_recovery and max(health_recovery, page_recovery) <= 5
    write_section(
        "faults",
        f"""
## Faults: `bench/faults.py` (`make bench-faults`)

Run {started:%Y-%m-%d %H:%M} UTC: {args.duration} s of wrk load ({args.connections} connections) over the {len(pages)} public pages, as
in the load bench; PostgreSQL stopped {stopped_at - stop_at:.1f} s after the stop command was given and kept down {args.down} s;
`/healthz` and {page} probed every 0.1 s (1 s timeout).

Machine: {machine_description()}.

- `/healthz` while PostgreSQL was down: {len(down_statuses)} probes, statuses {sorted(set(down_statuses))} ({"PASS" if ok_503 else "FAIL"}; expected only 503).
- Recovery after `pg_ctlcluster start` returned: `/healthz` 200 after {health_recovery if health_recovery is None else f"{health_recovery:.2f} s"},
  the public page 200 after {page_recovery if page_recovery is None else f"{page_recovery:.2f} s"} ({"PASS" if ok_recovery else "FAIL"}; target ≤ 5 s).
- Consultation writes through the admin, one every 0.25 s with its own key: {len(keys)} sent,
  answers {", ".join(f"{n}× {s or 'socket error'}" for s, n in sorted(writes.items()))}; the {len(resubmitted)} that failed sent again after recovery:
  {sum(1 for s in resubmitted if s == 302)} saved. Then {one_each} of {len(keys)} keys have exactly one consultation, {check["unaudited"]} consultations lack their
  audit entry, monthly totals {"equal" if check["totals_match"] else "DIFFER FROM"} a recount ({"PASS" if ok_writes else "FAIL"}; nothing half-done).
- wrk output: `bench/out/faults-wrk.txt`.
""",  # noqa: E501
    )
    print(f"503 while down: {ok_503}; recovery: {health_recovery}, {page_recovery}")
    print(f"writes whole: {ok_writes}")


if __name__ == "__main__":
    main()

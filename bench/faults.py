#!/usr/bin/env python
"""Fault bench: PostgreSQL stopped and started under load (`make bench-faults`).

DANGER: stopping the cluster breaks every other connection to it, so the script first looks
at pg_stat_activity and refuses while any other database is in use (--force overrides; don't).
It is bounded: --down seconds of outage inside --duration seconds of wrk load, and PostgreSQL
is started again in a `finally`, whatever happens. Needs root (pg_ctlcluster).

Measures: /healthz answers 503 while the database is down; the time from `pg_ctlcluster start`
returning to the first /healthz 200 and the first 200 of a public page (target <= 5 s).
"""

import argparse
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime

from _common import (
    DEFAULT_DATABASE_URL,
    HOST,
    OUT,
    Gunicorn,
    get,
    machine_description,
    prepare_database,
    production_env,
    public_urls,
    write_section,
)

CLUSTER = ["15", "main"]


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

    def statuses_between(self, start: float, end: float) -> set[int]:
        # Only probes answered inside the window: under load a probe may wait in gunicorn's
        # queue and be answered after PostgreSQL is back, which says nothing about the outage.
        return {status for sent, done, status in self.samples if start <= sent and done <= end}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of wrk load in all")
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

    env = production_env(args.database_url)
    prepare_database(env)
    page = next(url for url in public_urls(env) if "/projekty/" in url)
    started = datetime.now(UTC)
    with Gunicorn(env, args.port, "faults-gunicorn.log"):
        health, public = Prober(args.port, "/healthz"), Prober(args.port, page)
        health.start()
        public.start()
        wrk = subprocess.Popen(
            ["wrk", f"--duration={args.duration}s", "--connections=16", "--threads=2",
             "--timeout=5s", f"http://{HOST}:{args.port}{page}"],
            stdout=(OUT / "faults-wrk.txt").open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            time.sleep(3)
            stop_at = time.monotonic()
            pg_ctl("stop")
            stopped_at = time.monotonic()
            time.sleep(args.down)
        finally:
            pg_ctl("start")  # always, whatever happened above
        start_at = time.monotonic()
        time.sleep(8)
        wrk.wait(timeout=args.duration + 30)
        health.stopped.set()
        public.stopped.set()
        health.join()
        public.join()

    down_statuses = health.statuses_between(stopped_at + 0.5, start_at)
    health_recovery = health.first_ok_after(start_at)
    page_recovery = public.first_ok_after(start_at)
    ok_503 = down_statuses == {503}
    ok_recovery = health_recovery is not None and page_recovery is not None
    ok_recovery = ok_recovery and max(health_recovery, page_recovery) <= 5
    write_section(
        "faults",
        f"""
## Faults: `bench/faults.py` (`make bench-faults`)

Run {started:%Y-%m-%d %H:%M} UTC: {args.duration} s of wrk load (16 connections) on {page}, PostgreSQL
stopped {stopped_at - stop_at:.1f} s after the stop command was given and kept down {args.down} s.

Machine: {machine_description()}.

- `/healthz` statuses while PostgreSQL was down: {sorted(down_statuses)} ({"PASS" if ok_503 else "FAIL"}; expected only 503).
- Recovery after `pg_ctlcluster start` returned: `/healthz` 200 after {health_recovery if health_recovery is None else f"{health_recovery:.2f} s"},
  the public page 200 after {page_recovery if page_recovery is None else f"{page_recovery:.2f} s"} ({"PASS" if ok_recovery else "FAIL"}; target ≤ 5 s).
- wrk output: `bench/out/faults-wrk.txt`.
""",  # noqa: E501
    )
    print(f"503 while down: {ok_503}; recovery: {health_recovery}, {page_recovery}")


if __name__ == "__main__":
    main()

"""Reports at scale (`make bench`): the consultation changelist and the report page at
1 000 vs 1 000 000 consultations, the CSV export of 1 000 000 consultations vs PostgreSQL's
own COPY of the same query, and the XLSX export's time and peak memory.

One run: wipe the bench database's schema (its name must contain "bench"), migrate and load
the demo data, generate 100 participants /
1 000 consultations and measure, grow to 100 000 / 1 000 000 and measure again, then the
exports. Every measurement runs in a fresh Python process (Django's test client, production
settings), so peak RSS is the export's alone. Figures go to bench/RESULTS.md
(<!-- bench:reports -->).

    python bench/reports.py [--database-url postgres://…] [--repeat 7]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench._common import PYTHON, ROOT, machine_description, production_env, write_section

DEFAULT_DATABASE_URL = "postgres://portal@127.0.0.1:5432/portal_bench"
SMALL = (100, 1_000)
LARGE = (100_000, 1_000_000)
COORDINATOR = "krakow1-koordynator"
SUPERUSER = "demo-admin"


def bench_env(database_url: str) -> dict[str, str]:
    # The staff sign in with force_login: two-factor sign-in (OTP_REQUIRED in production) is
    # not what this bench measures, and would send every admin page to the code form.
    return production_env(
        database_url, ALLOWED_HOSTS="testserver", BENCH_VIEWS="0", OTP_REQUIRED="0"
    )


def run(env, *args, timeout=1800) -> str:
    result = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def manage(env, *args) -> str:
    return run(env, PYTHON, "manage.py", *args)


WIPE_SCRIPT = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("DROP SCHEMA public CASCADE")
    cursor.execute("CREATE SCHEMA public")
"""


def wipe(env, database: str, force: bool) -> None:
    """Start from an empty schema: deleting a previous run's million rows row by row costs
    minutes of foreign-key checks; dropping the bench database's schema costs nothing."""
    if "bench" not in database and not force:
        sys.exit(f"refusing to wipe {database!r}: not a bench database (--force overrides)")
    manage(env, "shell", "-v0", "-c", WIPE_SCRIPT)


def measure(env, what: str, repeat: int) -> dict:
    output = run(env, PYTHON, "bench/reports.py", "--child", what, "--repeat", str(repeat))
    return json.loads(output.strip().splitlines()[-1])


# --- Child processes: Django set up in-process ---------------------------------------------
def _setup():
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    users = get_user_model().objects
    clients = {}
    for name in (SUPERUSER, COORDINATOR):
        client = Client()
        client.force_login(users.get(username=name))
        clients[name] = client
    return clients


def _timed(client, url, repeat) -> dict:
    client.get(url)  # warm: templates, content types, the session
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
    return {"median_ms": round(statistics.median(times) * 1000, 1)}


def child_pages(repeat: int) -> dict:
    clients = _setup()
    from django.urls import reverse

    from services.models import Consultation

    changelist = reverse("admin:services_consultation_changelist")
    report = reverse("reports:report", args=["konsultacje"])
    return {
        "consultations": Consultation.objects.count(),
        "changelist_superuser": _timed(clients[SUPERUSER], changelist, repeat),
        "changelist_coordinator": _timed(clients[COORDINATOR], changelist, repeat),
        "report_superuser": _timed(clients[SUPERUSER], report, repeat),
        "report_coordinator": _timed(clients[COORDINATOR], report, repeat),
    }


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _export(fmt: str) -> dict:
    clients = _setup()
    from django.urls import reverse

    url = reverse("reports:register-export", args=["konsultacje", fmt])
    rss_before = _peak_rss_mb()
    started = time.perf_counter()
    response = clients[SUPERUSER].get(url)
    size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "bytes": size,
        "peak_rss_mb": _peak_rss_mb(),
        "rss_before_mb": rss_before,
    }


def child_csv(repeat: int) -> dict:
    return _export("csv")


def child_xlsx(repeat: int) -> dict:
    return _export("xlsx")


def child_copy(repeat: int) -> dict:
    """PostgreSQL's COPY of exactly the export's query (same columns, joins and labels)."""
    import django

    django.setup()
    from django.db import connection
    from psycopg import ClientCursor

    from projects.models import Project
    from reports.exporters import consultation_queryset
    from reports.scope import ReportFilters

    filters = ReportFilters(tuple(Project.objects.values_list("pk", flat=True)))
    sql, params = consultation_queryset(filters).query.sql_with_params()
    connection.ensure_connection()
    raw = connection.connection
    query = ClientCursor(raw).mogrify(sql, params)
    started = time.perf_counter()
    size = 0
    with raw.cursor() as cursor, cursor.copy(f"COPY ({query}) TO STDOUT WITH CSV") as copy:
        for data in copy:
            size += len(data)
    return {"seconds": round(time.perf_counter() - started, 2), "bytes": size}


CHILDREN = {"pages": child_pages, "csv": child_csv, "xlsx": child_xlsx, "copy": child_copy}


# --- The run ----------------------------------------------------------------------------
def ratio(large: float, small: float) -> float:
    return round(large / small, 2) if small else float("inf")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--child", choices=sorted(CHILDREN))
    parser.add_argument(
        "--force", action="store_true", help="wipe the database even if its name lacks 'bench'"
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child](args.repeat)))
        return

    env = bench_env(args.database_url)
    started_at = datetime.now(UTC)
    machine = machine_description()
    database = args.database_url.rsplit("/", 1)[-1]
    print(f"wiping and preparing the bench database {database} …", flush=True)
    wipe(env, database, args.force)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_data", "--allow-demo-users")
    manage(env, "collectstatic", "--noinput", "-v0")  # the admin's pages need the manifest
    generated = {}
    t0 = time.perf_counter()
    output = manage(
        env, "generate_load_data",
        "--participants", str(SMALL[0]), "--consultations", str(SMALL[1]),
    )  # fmt: skip
    generated["small"] = (output.strip(), round(time.perf_counter() - t0, 1))
    print("measuring at 1 000 consultations …", flush=True)
    small = measure(env, "pages", args.repeat)

    print("generating up to 100 000 participants / 1 000 000 consultations …", flush=True)
    t0 = time.perf_counter()
    output = manage(
        env, "generate_load_data",
        "--participants", str(LARGE[0] - SMALL[0]),
        "--consultations", str(LARGE[1] - SMALL[1]),
    )  # fmt: skip
    generated["large"] = (output.strip(), round(time.perf_counter() - t0, 1))
    print("measuring at 1 000 000 consultations …", flush=True)
    large = measure(env, "pages", args.repeat)
    print("exports …", flush=True)
    copy = measure(env, "copy", 1)
    csv_export = measure(env, "csv", 1)
    xlsx_export = measure(env, "xlsx", 1)
    load_after = os.getloadavg()[0]

    pages = [
        (
            "Consultation changelist, superuser (unfiltered, estimated count)",
            "changelist_superuser",
        ),
        ("Consultation changelist, coordinator of one project (scoped)", "changelist_coordinator"),
        ("Consultations report, superuser (all projects)", "report_superuser"),
        ("Consultations report, coordinator of one project", "report_coordinator"),
    ]
    lines = [
        "## Reports at scale: `bench/reports.py` (`make bench`)",
        "",
        f"Run {started_at:%Y-%m-%d %H:%M} UTC on PostgreSQL (`{database}`), "
        "production settings, Django's test client in a fresh process per measurement, "
        f"median of {args.repeat} requests after one warm-up.",
        "",
        f"Machine: {machine}; load average at the end {load_after:.2f}.",
        "",
        f"Load data: {generated['small'][0]} ({generated['small'][1]} s wall); then "
        f"{generated['large'][0]} ({generated['large'][1]} s wall, target < 180 s: "
        f"{verdict(generated['large'][1] < 180)}).",
        "",
        f"| page | {small['consultations']:,} consultations | "
        f"{large['consultations']:,} consultations | ratio | target ≤ 2× |",
        "|---|---|---|---|---|",
    ]
    for label, key in pages:
        a, b = small[key]["median_ms"], large[key]["median_ms"]
        lines.append(
            f"| {label} | {a} ms | {b} ms | {ratio(b, a)}× | {verdict(ratio(b, a) <= 2)} |"
        )
    csv_ratio = ratio(csv_export["seconds"], copy["seconds"])
    lines += [
        "",
        "| export of 1 000 000 consultations | time | size | peak RSS | target |",
        "|---|---|---|---|---|",
        f"| PostgreSQL `COPY (…) TO STDOUT WITH CSV`, same query | {copy['seconds']} s | "
        f"{copy['bytes'] / 1e6:.1f} MB | — | baseline |",
        f"| CSV export (streamed view) | {csv_export['seconds']} s | "
        f"{csv_export['bytes'] / 1e6:.1f} MB | {csv_export['peak_rss_mb']} MB | "
        f"≤ 3× COPY: {csv_ratio}× {verdict(csv_ratio <= 3)} |",
        f"| XLSX export (openpyxl write-only) | {xlsx_export['seconds']} s | "
        f"{xlsx_export['bytes'] / 1e6:.1f} MB | {xlsx_export['peak_rss_mb']} MB | "
        f"< 200 MB: {verdict(xlsx_export['peak_rss_mb'] < 200)} |",
        "",
        "Peak RSS is the whole process's (Django loaded: "
        f"{xlsx_export['rss_before_mb']} MB before the export). "
        "Generator: `manage.py generate_load_data` (COPY; foreign keys and indexes recreated "
        "after the load); report page from the monthly totals (`ConsultationMonthlyTotal`).",
    ]
    write_section("reports", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

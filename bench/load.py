#!/usr/bin/env python
"""Load bench: gunicorn with production settings under wrk, on 127.0.0.1 only.

Three wrk runs of --duration seconds each at --connections connections, on one gunicorn:
  1. every public page (home, project pages, offer pages, in pl/uk/en), rotated by a Lua script;
  2. one project page alone;
  3. /bench/trivial, a Django view doing no work (routed only because BENCH_VIEWS=1).
Counts non-2xx/3xx answers and socket errors, compares 2. with 3. (target: >= 0.8x), and
writes bench/RESULTS.md's "load" section.  Run by `make bench-load` (DURATION=60 by default).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime

from _common import (
    DEFAULT_DATABASE_URL,
    HOST,
    OUT,
    Gunicorn,
    machine_description,
    prepare_database,
    production_env,
    public_urls,
    write_section,
    wrk_script,
)


def run_wrk(port: int, paths: list[str], duration: int, connections: int, name: str) -> dict:
    script = wrk_script(paths, name)
    command = [
        "wrk", f"--duration={duration}s", f"--connections={connections}", "--threads=2",
        "--timeout=10s", f"--script={script}", f"http://{HOST}:{port}{paths[0]}",
    ]  # fmt: skip
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=True
    ).stdout
    (OUT / f"{name}.txt").write_text(output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    requests = re.search(r"(\d+) requests in", output)
    latency = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", output)
    return {
        "name": name,
        "urls": len(paths),
        "requests": int(requests.group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "non_2xx_3xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "latency_avg": latency.group(1) if latency else "?",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--port", type=int, default=8130)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    if not 1 <= args.duration <= 600:
        sys.exit("--duration must be between 1 and 600 seconds")

    env = production_env(args.database_url)
    prepare_database(env)
    urls = public_urls(env)
    project_page = next(url for url in urls if "/projekty/" in url and "/oferty/" not in url)
    machine = machine_description()
    started = datetime.now(UTC)

    with Gunicorn(env, args.port, "load-gunicorn.log") as server:
        workers = server.env.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1) + 1)
        runs = []
        for name, paths in (
            ("public-pages", urls),
            ("project-page", [project_page]),
            ("trivial-view", ["/bench/trivial"]),
        ):
            runs.append(run_wrk(args.port, paths, args.duration, args.connections, name))
            time.sleep(1)

    by_name = {run["name"]: run for run in runs}
    ratio = by_name["project-page"]["rps"] / by_name["trivial-view"]["rps"]
    errors = sum(run["non_2xx_3xx"] + run["socket_errors"] for run in runs)
    rows = "\n".join(
        f"| {run['name']} | {run['urls']} | {run['requests']} | {run['rps']:.1f} | "
        f"{run['latency_avg']} | {run['non_2xx_3xx']} | {run['socket_errors']} |"
        for run in runs
    )
    verdict_errors = "PASS" if errors == 0 else "FAIL"
    verdict_ratio = "PASS" if ratio >= 0.8 else "FAIL"
    write_section(
        "load",
        f"""
## Load: `bench/load.py` (`make bench-load`)

Run {started:%Y-%m-%d %H:%M} UTC: {args.duration} s per wrk run (the default is 60 s; this run's
duration was chosen on the command line), {args.connections} connections, 2 wrk threads, one
gunicorn ({workers} sync workers) with production settings (DEBUG=0, throwaway SECRET_KEY,
ALLOWED_HOSTS=127.0.0.1, SECURE_SSL_REDIRECT=0, LOG_LEVEL=WARNING) on PostgreSQL, the demo
data loaded, wrk on the same machine.

Machine: {machine}.

| run | URLs | requests | req/s | avg latency | non-2xx/3xx | socket errors |
|---|---|---|---|---|---|---|
{rows}

- Non-2xx/3xx answers and socket errors, all runs: **{errors}** ({verdict_errors}; target 0).
- Project page ({project_page}) vs the trivial view: **{ratio:.2f}×** ({verdict_ratio};
  target ≥ 0.8×). Every request asks for gzip, as browsers do.
- Raw wrk output: `bench/out/*.txt` (git-ignored).
""",
    )
    print(f"errors={errors} ratio={ratio:.2f}; written to bench/RESULTS.md")


if __name__ == "__main__":
    main()

"""Shared helpers of the bench scripts: a gunicorn with production settings on 127.0.0.1 only.

Every process a script starts is remembered and stopped (by its own pid) when the script ends.
"""

import http.client
import json
import os
import platform
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"  # never anything else
DEFAULT_DATABASE_URL = "postgres://portal@127.0.0.1:5432/portal_bench"


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings, with only what a local http run needs changed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "REDIS_URL")
    }
    env.update(
        DEBUG="0",
        SECRET_KEY="bench-only-" + secrets.token_hex(24),  # throwaway, per run
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        BEHIND_TLS_PROXY="0",
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        STATIC_ROOT=str(OUT / "staticfiles"),
        BENCH_VIEWS="1",
        LOG_LEVEL="WARNING",
        HOST=HOST,
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare_database(env: dict[str, str]) -> None:
    """Migrated, with the demo data, and the static files collected (the manifest)."""
    OUT.mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_data")
    manage(env, "collectstatic", "--noinput", "-v0")


PUBLIC_URLS_SCRIPT = """
from django.utils import translation
from django.urls import reverse
from projects.models import Project
from services.models import SupportOffer
from django.conf import settings
for code, _ in settings.LANGUAGES:
    with translation.override(code):
        print(reverse("projects:home"))
        for project in Project.objects.order_by("pk"):
            print(project.get_absolute_url())
        for offer in SupportOffer.objects.for_listing().order_by("pk"):
            print(offer.get_absolute_url())
"""


def public_urls(env: dict[str, str]) -> list[str]:
    """Every public page, from the database and the URLconf, in every language."""
    output = manage(env, "shell", "-v0", "-c", PUBLIC_URLS_SCRIPT)
    return [line for line in output.split() if line.startswith("/")]


class Gunicorn:
    """A gunicorn on 127.0.0.1:port with the given environment, stopped on exit."""

    def __init__(self, env: dict[str, str], port: int, log_name: str):
        self.env = {**env, "PORT": str(port)}
        self.port = port
        self.log_path = OUT / log_name
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        OUT.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "gunicorn.conf.py"], cwd=ROOT, env=self.env, stdout=log, stderr=log
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn exited; see {self.log_path}")
            if get(self.port, "/healthz")[0] == 200:
                return self
            time.sleep(0.3)
        self.__exit__()
        sys.exit(f"gunicorn did not answer /healthz within 30 s; see {self.log_path}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                self.process.kill()


# wrk asks for the paths in turn, with gzip as browsers ask.
WRK_LUA = """
local paths = %s
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Accept-Encoding"] = "gzip"})
end
"""


def wrk_script(paths: list[str], name: str) -> Path:
    script = OUT / f"{name}.lua"
    script.write_text(WRK_LUA % ("{" + ", ".join(json.dumps(p) for p in paths) + "}"))
    return script


def get(port: int, path: str, headers: dict | None = None, timeout: float = 2.0):
    """(status, headers, body) or (0, {}, b"") when nothing answers."""
    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, response, body
    except OSError:
        return 0, None, b""


def machine_description() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"MemTotal:\s*(\d+) kB", meminfo.read_text())
        memory = f", {int(match.group(1)) / 1024 / 1024:.1f} GiB RAM" if match else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; load average at start {load:.2f} "
        "(the machine is shared with other engineers' test runs)"
    )


def write_section(name: str, body: str) -> None:
    """Replaces this benchmark's section of bench/RESULTS.md, leaving the others alone."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    text = RESULTS.read_text() if RESULTS.exists() else "# Bench results\n\n"
    section = f"{start}\n{body.strip()}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: section, text) if pattern.search(text) else text + f"\n{section}\n"
    RESULTS.write_text(text)

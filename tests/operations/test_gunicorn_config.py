"""gunicorn.conf.py, loaded the way gunicorn loads it: its own lines are JSON objects too."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Loads gunicorn.conf.py into gunicorn's Config exactly as gunicorn does (every module-level name
# that is a gunicorn setting is set), builds gunicorn's Logger from it and logs what the
# arbiter logs on boot and on a worker timeout, plus one access record.
PROBE = """
import logging, runpy, sys
from gunicorn.config import Config
from gunicorn.glogging import Logger

cfg = Config()
for name, value in runpy.run_path("gunicorn.conf.py").items():
    if name in cfg.settings:
        cfg.set(name, value)
log = Logger(cfg)
log.info("Booting worker with pid: %s", 4242)
log.error("WORKER TIMEOUT (pid:%s)", 4242)
logging.getLogger("gunicorn.access").info("GET /pl/ 200")
"""


def run_probe(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("GUNICORN_ACCESSLOG", "LOG_LEVEL")}
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_gunicorn_error_log_lines_are_json_objects_like_the_apps():
    result = run_probe()

    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(line["level"], line["logger"], line["message"]) for line in lines] == [
        ("INFO", "gunicorn.error", "Booting worker with pid: 4242"),
        ("ERROR", "gunicorn.error", "WORKER TIMEOUT (pid:4242)"),
    ]
    # The same keys as the app's lines (config.logging_json), so one parser reads both.
    assert all(set(line) == {"time", "level", "logger", "message", "request_id"} for line in lines)
    assert result.stdout == ""


def test_gunicorn_access_lines_only_when_asked_for_and_then_as_json():
    result = run_probe(GUNICORN_ACCESSLOG="-")

    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert [line["logger"] for line in lines] == [
        "gunicorn.error",
        "gunicorn.error",
        "gunicorn.access",
    ]
    assert lines[-1]["message"] == "GET /pl/ 200"

"""gunicorn settings, read from the environment (see the README's table)."""

import multiprocessing
import os
import sys
from pathlib import Path

# The JSON formatter below lives in the project's `config` package; gunicorn's own script does
# not put the project folder on sys.path before it configures logging.
ROOT = str(Path(__file__).resolve().parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# WEB_CONCURRENCY is the conventional name; 2 × cores + 1 is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Restart workers now and then so a slow leak can never take the site down. Workers under an
# even load reach the limit together; a wide jitter spreads their restarts out, and preloading
# (below) makes each restart a fork of the loaded app, milliseconds instead of a second of
# imports. Without both, bench/faults.py saw every worker restart within 0.7 s of the others
# and the whole site stop answering for 1.6 s.
max_requests = 2000
max_requests_jitter = 1000
# The app is imported once, in the master, before the workers fork. Django opens no database
# connection at import time, so none is shared across the fork. A deploy starts new containers
# (or restarts gunicorn): a HUP alone would not load new code.
preload_app = True
# Hardening: the access line is written by Django (config.request_id) as JSON with the request
# ID and without the client address or query string; gunicorn's own would repeat it with the IP.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "config.wsgi:application"

# --- Fuzz/hardening: gunicorn's own log lines (start, worker boot/exit, timeouts, errors) as JSON
# objects on stderr, like the app's lines (config.logging_json), so the collector parses one
# format. They do not propagate to the root logger: Django's LOGGING gives the root a JSON
# handler too, and every line would be written twice. With logconfig_dict set gunicorn always
# emits access records; they are dropped (level WARNING) unless GUNICORN_ACCESSLOG asks for them.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging_json.JsonFormatter"}},
    "handlers": {
        "json_stderr": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        },
    },
    "root": {"level": "INFO", "handlers": []},
    "loggers": {
        "gunicorn.error": {
            "level": os.environ.get("LOG_LEVEL", "INFO").upper(),
            "handlers": ["json_stderr"],
            "propagate": False,
        },
        "gunicorn.access": {
            "level": "INFO" if accesslog else "WARNING",
            "handlers": ["json_stderr"],
            "propagate": False,
        },
    },
}

"""gunicorn settings, read from the environment (see the README's table)."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# WEB_CONCURRENCY is the conventional name; 2 × cores + 1 is gunicorn's own advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Restart workers now and then so a slow leak can never take the site down.
max_requests = 2000
max_requests_jitter = 200
# Hardening: the access line is written by Django (config.request_id) as JSON with the request
# ID and without the client address or query string; gunicorn's own would repeat it with the IP.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "config.wsgi:application"

#!/usr/bin/env python
"""Two gunicorn instances on one PostgreSQL and one Redis: a staff session started on one is
valid on the other (`make bench-instances`).

Starts a throwaway redis-server on 127.0.0.1 (no persistence) unless REDIS_URL is given, two
gunicorns with REDIS_URL set (sessions: cached_db, see settings), creates a temporary superuser
with a random password and a confirmed TOTP device with a random key, signs in on instance A
with both factors (as production requires, OTP_REQUIRED), opens the admin on instance B with
the same cookie, signs out on B and checks A no longer knows the session. The user is deleted
at the end.
"""

import argparse
import binascii
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.parse
from datetime import UTC, datetime

from _common import (
    DEFAULT_DATABASE_URL,
    HOST,
    OUT,
    Gunicorn,
    manage,
    prepare_database,
    production_env,
    write_section,
)

CREATE_USER = """
import os
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
user = get_user_model().objects.create_superuser(
    "{username}", "bench@example.invalid", os.environ["BENCH_PASSWORD"]
)
TOTPDevice.objects.create(user=user, name="bench", key=os.environ["BENCH_TOTP_KEY"], confirmed=True)
"""


def totp_code(hex_key: str) -> str:
    """The current code of a TOTP device with that key (django-otp's own algorithm)."""
    from django_otp.oath import TOTP

    return f"{TOTP(binascii.unhexlify(hex_key)).token():06d}"


def csrf_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


OTP_VERIFY = "/pl/konto/logowanie-dwuetapowe/?next=/pl/admin/"
DELETE_USER = """
from django.contrib.auth import get_user_model
get_user_model().objects.filter(username="{username}").delete()
"""


class Browser:
    """Keeps cookies by name, whatever the host; sends them over plain http (local bench)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port, method, path, form=None):
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if value in ('""', "") or "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        conn.close()
        return response.status, response.getheader("Location", ""), content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ports", type=int, nargs=2, default=[8132, 8133])
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()

    redis = None
    redis_url = os.environ.get("REDIS_URL", "")
    if not redis_url:
        if not shutil.which("redis-server"):
            sys.exit(
                "redis-server is not installed (apt-get install redis-server) and no REDIS_URL"
            )
        OUT.mkdir(parents=True, exist_ok=True)
        redis = subprocess.Popen(
            ["redis-server", "--bind", HOST, "--port", str(args.redis_port), "--save", "",
             "--appendonly", "no"],
            stdout=(OUT / "redis.log").open("w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        redis_url = f"redis://{HOST}:{args.redis_port}/0"
        time.sleep(0.5)

    env = production_env(args.database_url, REDIS_URL=redis_url, WEB_CONCURRENCY="2")
    username, password = f"bench-{secrets.token_hex(4)}", secrets.token_urlsafe(18)
    totp_key = secrets.token_hex(20)
    results = {}
    try:
        prepare_database(env)
        # The secrets reach the child through its environment, not its command line.
        manage(
            {**env, "BENCH_PASSWORD": password, "BENCH_TOTP_KEY": totp_key},
            "shell", "-v0", "-c", CREATE_USER.format(username=username),
        )  # fmt: skip
        with (
            Gunicorn(env, args.ports[0], "instance-a.log"),
            Gunicorn(env, args.ports[1], "instance-b.log"),
        ):
            a, b = args.ports
            browser = Browser()
            status, _, page = browser.request(a, "GET", "/pl/admin/login/")
            status, location, _ = browser.request(
                a, "POST", "/pl/admin/login/",
                {"csrfmiddlewaretoken": csrf_token(page), "username": username,
                 "password": password, "next": "/pl/admin/"},
            )  # fmt: skip
            results["sign in on A (password)"] = (status, location)
            status, _, page = browser.request(a, "GET", OTP_VERIFY)
            status, location, _ = browser.request(
                a, "POST", OTP_VERIFY,
                {"csrfmiddlewaretoken": csrf_token(page), "token": totp_code(totp_key)},
            )  # fmt: skip
            results["sign in on A (code from the app)"] = (status, location)
            status, location, page = browser.request(b, "GET", "/pl/admin/")
            results["admin index on B"] = (status, location)
            signed_in_on_b = status == 200 and "logout" in page
            browser.request(
                b,
                "POST",
                "/pl/admin/logout/",
                {"csrfmiddlewaretoken": csrf_token(page)} if signed_in_on_b else {},
            )
            status, location, _ = browser.request(a, "GET", "/pl/admin/")
            results["admin index on A after sign-out on B"] = (status, location)
            signed_out_on_a = status == 302 and "/login/" in location
    finally:
        manage(env, "shell", "-v0", "-c", DELETE_USER.format(username=username))
        if redis:
            redis.terminate()
            redis.wait(timeout=10)

    rows = "\n".join(
        f"| {step} | {status} | {location or '—'} |" for step, (status, location) in results.items()
    )
    verdict = "PASS" if signed_in_on_b and signed_out_on_a else "FAIL"
    write_section(
        "instances",
        f"""
## Two instances: `bench/two_instances.py` (`make bench-instances`)

Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: two gunicorns (127.0.0.1:{a}, :{b}) with production settings,
one PostgreSQL, one Redis (`REDIS_URL`, Django's RedisCache; sessions `cached_db`), a temporary
superuser with a TOTP device (deleted afterwards), signed in with password and code as
production requires.

| step | status | redirect |
|---|---|---|
{rows}

Session started on A is valid on B, and a sign-out on B ends it on A: **{verdict}**.
""",  # noqa: E501
    )
    print(f"two instances: {verdict}")
    if verdict != "PASS":
        sys.exit(1)


if __name__ == "__main__":
    main()

"""SECRET_KEY_FALLBACKS from the environment: a rotated key keeps old signatures valid."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Signs a value with the OLD key, then checks it in a process configured with the NEW key and
# the old one as a fallback (and in one without the fallback): what a session cookie goes through
# during a key rotation.
CHECK = """
import json
from django.conf import settings
from django.core import signing
token = signing.dumps("session-data", key="{old}")
try:
    signing.loads(token)
    accepted = True
except signing.BadSignature:
    accepted = False
print(json.dumps({{"fallbacks": settings.SECRET_KEY_FALLBACKS, "accepted": accepted}}))
"""

OLD = "old-production-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"
NEW = "new-production-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"


def shell(**env: str) -> dict:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "SECRET_KEY_FALLBACKS", "DEBUG", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", CHECK.format(old=OLD)],
        cwd=ROOT,
        env={
            **clean,
            "DEBUG": "0",
            "SECRET_KEY": NEW,
            "ALLOWED_HOSTS": "rodziny.example.pl",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_old_keys_listed_in_secret_key_fallbacks_still_verify_signatures():
    answer = shell(SECRET_KEY_FALLBACKS=f" {OLD} , older-key-kept-for-a-while-0123456789abcdef ,")

    assert answer == {
        "fallbacks": [OLD, "older-key-kept-for-a-while-0123456789abcdef"],
        "accepted": True,
    }


def test_without_fallbacks_a_signature_of_the_old_key_is_refused():
    assert shell() == {"fallbacks": [], "accepted": False}

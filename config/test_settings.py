"""Settings for the test suite: production settings with only what makes tests fast changed."""

import os

# Tests run with DEBUG off, like production, but need a key; never used outside tests.
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from config.settings import *  # noqa: F403
from config.settings import DATABASES

# The test client speaks plain HTTP; HTTPS redirects would turn every answer into a 301.
SECURE_SSL_REDIRECT = False
SECURE_PROXY_SSL_HEADER = None

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# MD5 is insecure but hashes in microseconds; real hashers make each login take ~100 ms.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# One process-local cache, emptied between tests by a fixture; no Redis needed.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Mail goes to django.core.mail.outbox, where tests read it.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# The manifest needs `collectstatic` first; tests (and the browser tests' live server) serve
# the source files directly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Persistent connections outlive a test's transaction in live-server tests.
DATABASES["default"]["CONN_MAX_AGE"] = 0

# Quiet logs keep test output readable; errors still show.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Serve static files straight from the app and project folders; no collectstatic in tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# --- Enquiries and staff sign-in ---
# Two-factor and sign-in throttling are switched on by the tests that check them: other tests
# sign in with force_login() or client.login(), which passes no request (axes needs one).
OTP_REQUIRED = False
AXES_ENABLED = False

"""Settings for the family-support portal, read from the environment.

One module serves development, CI and production; `config.test_settings` overrides the few
things that make the test suite fast. Every variable is listed in the README.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: set the SECRET_KEY environment variable "
            "(or DEBUG=1 for local development)."
        )
    # Development only: a fixed, obviously insecure key so sessions survive restarts.
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # search: tsvector field and full-text expressions
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # One-time backup codes, for the day the phone with the authenticator app is not at hand.
    "django_otp.plugins.otp_static",
    "axes",
    # Our apps depend one way: projects <- participants <- services.
    "projects",
    "participants",
    "services",
    # Cross-cutting: the audit log of every app's writes and views; depends only on projects.
    "audit",
    # Operations: backups and restores (management commands); depends on no other app.
    "operations",
    # Staff sign-in: two-factor pages, idle expiry, no-store on the back office.
    "accounts",
    # Search over projects and offers; reads projects and services, nothing imports it.
    "search",
    # Reports and exports for coordinators; reads the apps above, none of them reads it.
    "reports",
    # The family portal's own content (accessibility statement, easy-to-read texts, page cache).
    "portal",
]

MIDDLEWARE = [
    # --- Hardening: a request ID and one JSON access-log line for every request (outermost). ---
    "config.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "accounts.middleware.AdminNoStoreMiddleware",
    # --- Hardening: CSP with nonces, and the headers Django has no setting for. ---
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.input_limits.InputLimitsMiddleware",
    "config.not_found.MissingRecordIs404Middleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The signed-in user becomes the actor of audited writes (after authentication).
    "audit.middleware.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # Hardening: {{ csp_nonce }} for the admin's (and any) inline script or style.
                "django.template.context_processors.csp",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite in a git-ignored folder is the embedded default (`make run`); production and CI use
# PostgreSQL through psycopg 3, e.g. DATABASE_URL=postgres://portal@db:5432/portal.
DEFAULT_DATABASE_URL = f"sqlite:///{DATA_DIR / 'portal.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_DATABASE_URL),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        # Reused connections are checked before use, so the portal recovers by itself
        # after a database restart.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL and a busy timeout let the development server write while a page reads.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    # SQLite connections are cheap, and a persistent one confuses file-based tools.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication ---------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# --- Languages and time -----------------------------------------------------------------------
LANGUAGE_CODE = env_str("LANGUAGE_CODE", "pl")
LANGUAGES = [
    ("pl", "Polski"),
    ("uk", "Українська"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Warsaw")
USE_I18N = True
USE_TZ = True

# django-modeltranslation: content is written in Polish first; a missing Ukrainian or English
# translation falls back to the Polish text.
MODELTRANSLATION_DEFAULT_LANGUAGE = "pl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("pl",)

# --- Static files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, pre-compressed files served by whitenoise with far-future cache headers.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}

# --- Forms ------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Cache ------------------------------------------------------------------------------------
# REDIS_URL selects a shared cache, needed when more than one app container runs.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Hardening: sessions ----------------------------------------------------------------------
# Sessions live in PostgreSQL, shared by every app container; with a shared Redis cache they are
# also cached there (write-through), so reads skip the database and survive a Redis restart.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# --- Security ---------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", not DEBUG) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# /healthz is probed over plain HTTP by the container runtime and the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# The preload directive only takes effect when the registrable domain itself is submitted.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# A form refused for its CSRF cookie or token gets a translated page with a way back.
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"

# --- Hardening: Content-Security-Policy, cookie names, Permissions-Policy ----------------------
# Strict policy: only our own origin, no 'unsafe-inline'. Inline <script>/<style> (the admin has
# a few) must carry nonce="{{ csp_nonce }}"; public pages have none, so they stay cacheable.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# `__Host-` cookies are only accepted by browsers over HTTPS, with Path=/ and no Domain, so
# they are used when the cookies are secure (DEBUG off); `make run` over http keeps plain names.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# Sent by config.headers.PermissionsPolicyMiddleware: the portal needs none of these features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# --- E-mail -----------------------------------------------------------------------------------
# Django 6.1's MAILERS replaces EMAIL_BACKEND/EMAIL_HOST. The demo prints mail to the console.
EMAIL_BACKEND_NAME = env_str("EMAIL_BACKEND", "console" if DEBUG else "smtp")
MAILERS = {
    "default": {
        "BACKEND": f"django.core.mail.backends.{EMAIL_BACKEND_NAME}.EmailBackend",
        "OPTIONS": (
            {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
                "timeout": 10,
            }
            if EMAIL_BACKEND_NAME == "smtp"
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")

# --- Hardening: logging -------------------------------------------------------------------------
# One JSON object per line on stderr (config.logging_json), with the request ID; the access line
# comes from config.request_id and carries the path without its query string, never a body or a
# user name. LOG_FORMAT=text gives plain lines for local reading.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.request_id.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "config.logging_json.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own request/server loggers repeat the access line, with the query string.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# --- GDPR (retention of participants' personal data) ------------------------------------------
# Whole years after the END of the last project a person or family took part in before
# `anonymise_expired_participants` removes their personal data. The default of 10 years covers
# the usual EFS/EFS+ archiving clauses of funding agreements (the CPR 2021/1060 art. 82 minimum
# of five years from 31 December of the year of the last payment, which often comes years after
# the project ends) with a margin. The controller (the city / the centre) MUST set it from its
# funding agreements and its archival rules (jednolity rzeczowy wykaz akt); a value below 1 is
# refused so a typo cannot wipe the records of a project that just ended.
PARTICIPANT_RETENTION_YEARS = env_int("PARTICIPANT_RETENTION_YEARS", 10)
if PARTICIPANT_RETENTION_YEARS < 1:
    raise ImproperlyConfigured("PARTICIPANT_RETENTION_YEARS must be at least 1.")
# --- Hardening: benchmark views ---------------------------------------------------------------
# BENCH_VIEWS=1 adds /bench/trivial (the baseline of bench/load.py). Never set in production.
BENCH_VIEWS = env_bool("BENCH_VIEWS", False)

# --- Enquiries and staff sign-in: enquiry form limits, links in e-mails, client IPs ---------
# Submissions of the public enquiry form per client (a keyed hash of the IP) per hour.
ENQUIRY_RATE_LIMIT = (env_int("ENQUIRY_RATE_LIMIT", 10), 3600)
# Answered enquiries (enrolled or closed) are deleted this long after their last change by
# `manage.py delete_expired_enquiries` (the record of processing: "until answered + 1 year").
ENQUIRY_RETENTION_DAYS = env_int("ENQUIRY_RETENTION_DAYS", 365)
# The portal's address for links in e-mails (the admin page of a new enquiry).
if CSRF_TRUSTED_ORIGINS:
    _default_portal_url = CSRF_TRUSTED_ORIGINS[0]
elif DEBUG:
    _default_portal_url = "http://127.0.0.1:8000"
else:
    _default_portal_url = f"https://{next(iter(ALLOWED_HOSTS), 'localhost')}"
PORTAL_BASE_URL = env_str("PORTAL_BASE_URL", _default_portal_url)
# Proxies in front of the app that append to X-Forwarded-For (1 behind one TLS proxy); 0 trusts
# only REMOTE_ADDR. Used by the enquiry rate limit and the sign-in throttling (config.client_ip).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# --- Enquiries and staff sign-in: passwords, two-factor, throttling, idle sessions ------------
# Argon2 first (new and re-saved passwords); the others still verify older hashes and upgrade them
# at the next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Two-factor sign-in (TOTP, django-otp) for the back office: on unless DEBUG (so `make run`'s
# demo sign-ins work with a password alone). accounts.middleware enforces it.
OTP_REQUIRED = env_bool("OTP_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = "Portal wsparcia rodzin"
# django-axes: failed sign-ins are counted per user name AND client address, so a stranger
# elsewhere cannot lock a member of staff out; the lock lifts by itself after the cool-off.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# Successful sign-ins are in the audit log already; axes keeps only the failed attempts.
AXES_DISABLE_ACCESS_LOG = True
# A signed-in session idle this long is signed out (accounts.IdleTimeoutMiddleware); the
# session itself expires a minute later at the latest, as a backstop.
STAFF_IDLE_TIMEOUT = env_int("STAFF_IDLE_TIMEOUT_MINUTES", 30) * 60
SESSION_COOKIE_AGE = STAFF_IDLE_TIMEOUT + 60

# --- Portal: public pages' cache ----------------------------------------------------------------
# Seconds a content version lives. With a shared Redis cache every process sees a change at
# once, so the version never expires; the process-local cache of other gunicorn workers shows
# a change after at most this long.
PORTAL_CONTENT_VERSION_TTL = None if REDIS_URL else 60
# --- Fuzz/hardening: key rotation and input limits ---------------------------------------------
# Old keys still accepted for signatures (sessions, CSRF, password-reset links) while a rotated
# SECRET_KEY takes over: comma-separated, newest first; remove them after the session lifetime.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")
# Every single GET or form value is capped (config.input_limits): fields without a max_length
# (notes, descriptions) would otherwise take anything up to DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
INPUT_MAX_FIELD_CHARS = env_int("INPUT_MAX_FIELD_CHARS", 20000)

# syntax=docker/dockerfile:1
# Two stages: build the virtualenv and static files with `make build` (the same target CI runs),
# then copy them into a slim runtime image that runs as an unprivileged user.

FROM python:3.13-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gettext \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN make build PYTHON=python3.13 VENV=/opt/venv

FROM python:3.13-slim AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings \
    PORT=8000
# pg_dump and pg_restore for `manage.py backup_database` / `restore_database` (runbook §5).
# Debian's client dumps servers up to its own major version; for a newer server, install that
# version's client from apt.postgresql.org instead.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=portal:portal /app /app
USER portal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
CMD ["gunicorn", "--config", "gunicorn.conf.py"]

# The two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
# Python 3.13 is picked by .python-version under pyenv; PYTHON=... overrides.
PYTHON ?= $(shell command -v python3.13 >/dev/null 2>&1 && echo python3.13 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` is the local demo: DEBUG on and the embedded SQLite database unless told otherwise.
RUN_ENV := DEBUG=$${DEBUG:-1}

.PHONY: run test build install install-dev lint migrations-check pytest collectstatic clean \
	bench-load bench-faults bench-instances bench-concurrency

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.12+ is needed (found %s); install 3.13 or set PYTHON=" % sys.version.split()[0]) if sys.version_info < (3, 12) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run the install only when pyproject.toml changes.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install compilemessages
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo_data
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

migrations-check: install-dev
	DJANGO_SETTINGS_MODULE=config.test_settings $(BIN)/python manage.py makemigrations --check --dry-run

# Two workers by default; one module stays on one worker (its module-scoped fixtures load once).
PYTEST_ARGS ?= -n 2 --dist loadscope

pytest: install-dev compilemessages
	$(BIN)/pytest $(PYTEST_ARGS)

test: lint migrations-check pytest

collectstatic: install
	DEBUG=0 SECRET_KEY=collectstatic-only $(BIN)/python manage.py collectstatic --noinput -v0

# What the Docker image's build stage runs; CI runs it too, so the image's steps stay tested.
build: install collectstatic compilemessages

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# --- Benchmarks (bench/; not part of `make test`). 127.0.0.1 only, bounded in time; figures go
# to bench/RESULTS.md. BENCH_DATABASE_URL defaults to the bench database portal_bench.
DURATION ?= 60
BENCH_DATABASE_URL ?= postgres://portal@127.0.0.1:5432/portal_bench

bench-load: install
	$(BIN)/python bench/load.py --duration $(DURATION) --database-url $(BENCH_DATABASE_URL)

# Stops and starts the local PostgreSQL cluster (root): refuses while other databases are in use.
bench-faults: install
	$(BIN)/python bench/faults.py --database-url $(BENCH_DATABASE_URL)

bench-instances: install
	$(BIN)/python bench/two_instances.py --database-url $(BENCH_DATABASE_URL)

# --- Reports: pages and exports at 1 000 vs 1 000 000 consultations (PostgreSQL; rewrites the
# bench database's load data; a few minutes). Figures in bench/RESULTS.md (bench:reports).
.PHONY: bench
bench: install
	$(BIN)/python bench/reports.py --database-url $(BENCH_DATABASE_URL)

# --- Portal: translations (locale/pl, uk, en). `messages` collects the strings of the code and
# templates into the .po catalogues; `compilemessages` builds the .mo files. The .mo files are
# committed too, so `make run` works on a machine without GNU gettext (msgfmt); CI checks that
# the committed ones are what the catalogues compile to.
MESSAGE_DIRS := --ignore=.venv --ignore=staticfiles --ignore=data --ignore=tests --ignore=bench

.PHONY: messages compilemessages
messages: install
	DJANGO_SETTINGS_MODULE=config.test_settings $(BIN)/python manage.py makemessages \
		-l pl -l uk -l en --no-obsolete $(MESSAGE_DIRS)

compilemessages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		DJANGO_SETTINGS_MODULE=config.test_settings $(BIN)/python manage.py compilemessages \
			--ignore=.venv -v0; \
	else echo "msgfmt (GNU gettext) not found: using the committed .mo files"; fi

# --- Fuzz/hardening: 200 concurrent submissions of one consultation form (+ distinct ones).
bench-concurrency: install
	$(BIN)/python bench/concurrent_submissions.py --database-url $(BENCH_DATABASE_URL)

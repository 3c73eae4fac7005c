# Developer entry points. `make run` serves the demo portal; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Stamp written after a successful install: reinstall only when a pinned file changes.
INSTALLED := $(VENV)/.installed
LOCK_VENV := /tmp/portal-lock-venv

export DJANGO_SETTINGS_MODULE ?= settings.dev
# load_demo and runserver share the port so that member-site URLs read http://<slug>.localhost:8000/.
PORTAL_PORT ?= 8000
RUN_ADDRESS ?= 127.0.0.1:$(PORTAL_PORT)
TEST_WORKERS ?= 2
# Extra pytest arguments, e.g. `make test PYTEST_ARGS=tests/core`.
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

help:
	@echo "make run       install, compile messages, migrate, load demo data if empty, serve on $(RUN_ADDRESS)"
	@echo "make test      install and run the whole test suite ($(TEST_WORKERS) workers, settings.test)"
	@echo "make install   create $(VENV) and install the pinned dependencies"
	@echo "make migrate   apply database migrations"
	@echo "make messages  compile translations in locale/"
	@echo "make lint      ruff check and format check"
	@echo "make lock      regenerate requirements.txt and requirements-dev.txt from the .in files"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required; set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $@

install: $(INSTALLED)

# Compile the translations; without GNU gettext's msgfmt, polib (installed with wagtail-localize) does it.
messages: $(INSTALLED)
	@if [ -z "$$(find locale -name '*.po' -print -quit 2>/dev/null)" ]; then \
		echo "No translations (.po files) to compile yet."; \
	elif command -v msgfmt >/dev/null; then \
		$(MANAGE) compilemessages --ignore=.venv --ignore=var -v 0; \
	else \
		$(BIN)/python -c 'import glob, polib; [polib.pofile(po).save_as_mofile(po[:-2] + "mo") for po in glob.glob("locale/*/LC_MESSAGES/*.po")]'; \
	fi

var:
	mkdir -p var

migrate: $(INSTALLED) | var
	$(MANAGE) migrate --noinput -v 0

# The demo data is loaded once, into an empty database; later runs keep what was edited.
demo: migrate
	@if $(MANAGE) portal_is_empty; then $(MANAGE) load_demo; fi

run demo: export PORTAL_PORT := $(PORTAL_PORT)
run: messages demo
	$(MANAGE) runserver $(RUN_ADDRESS)

test: messages
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/pytest -n $(TEST_WORKERS) -q $(PYTEST_ARGS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Resolve the top-level requirements in a throwaway venv and pin the whole tree.
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install -q -r requirements.in
	{ echo "# Pinned runtime dependencies, generated from requirements.in by \`make lock\`: do not edit by hand."; \
	  $(LOCK_VENV)/bin/pip freeze; } > requirements.txt
	$(LOCK_VENV)/bin/pip install -q -r requirements-dev.in
	{ echo "# Pinned test and lint tools, generated from requirements-dev.in by \`make lock\`: do not edit by hand."; \
	  echo "-r requirements.txt"; \
	  $(LOCK_VENV)/bin/pip freeze | grep -vxFf requirements.txt; } > requirements-dev.txt
	rm -rf $(LOCK_VENV)

.PHONY: help install messages migrate demo run test lint lock

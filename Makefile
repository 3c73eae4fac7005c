PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DJANGO_SETTINGS_MODULE ?= settings.dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt -r requirements-dev.txt
	$(BIN)/python manage.py compilemessages --ignore=.venv -v 0

test: install
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/pytest -n 2

.PHONY: install test

# Everyday commands. `make run` and `make test` need nothing but Python 3.11 and Node.js (npm).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# E-mail links, calendar and QR codes point at the port the portal runs on, unless given.
SITE_URL ?= http://127.0.0.1:$(PORT)
APPS := accounts centers partners events feedback api

.PHONY: build messages-project run test lint format messages bench bench-quick fuzz run-services clean

$(VENV)/bin/activate:
	$(shell command -v $(PYTHON) || echo python3) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/activate
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/activate
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: node_modules/.installed $(VENV)/.runtime
	$(PY) manage.py compile_translations

run: $(VENV)/.runtime
	$(MAKE) build
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev
	$(MAKE) build
	$(VENV)/bin/pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extracting strings needs GNU gettext (xgettext); compiling them needs only Python.
# `make messages` updates every catalogue; `make messages-centers` only that app's (run inside the
# app, whose locale/ comes first in LOCALE_PATHS); the project's catalogue takes templates/ and
# welcome_portal/.
messages: $(addprefix messages-,$(APPS)) messages-project

messages-%: $(VENV)/.dev
	mkdir -p $*/locale
	cd $* && ../$(PY) ../manage.py makemessages --locale de --locale en --no-obsolete \
		--extension html,txt,py

messages-project: $(VENV)/.dev
	$(PY) manage.py makemessages --locale de --locale en --no-obsolete --extension html,txt,py \
		$(foreach d,$(APPS) tests testing bench docs scripts static node_modules staticfiles var .venv,--ignore '$(d)/*')

# Every benchmark with its full load (figures for docs/benchmarks.md); bench-quick: a smoke run.
bench: $(VENV)/.dev
	$(MAKE) build
	$(PY) -m bench

bench-quick: $(VENV)/.dev
	$(MAKE) build
	$(PY) -m bench --quick

# The fuzz suite's long run: 100,800 generated cases (CI runs 2,700 of them in `make test`).
fuzz: $(VENV)/.dev
	$(MAKE) build
	HYPOTHESIS_PROFILE=long $(VENV)/bin/pytest tests/security/fuzz -p no:randomly \
		--hypothesis-show-statistics

run-services: $(VENV)/.dev
	$(MAKE) build
	$(VENV)/bin/honcho start

clean:
	rm -rf $(VENV) node_modules staticfiles var

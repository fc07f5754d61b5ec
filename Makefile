# Two commands for a fresh machine with Python 3.11 and git:  make run   and   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# pytest-xdist workers for make test (one per core by default; tests are mostly waiting on I/O).
TEST_WORKERS ?= auto

.PHONY: run test lint migrate messages worker beat clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	rm -rf build *.egg-info
	touch $(STAMP)

## run: the portal at http://127.0.0.1:8000 with the sample data and the carried public data loaded
run: export DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_sample_data
	$(BIN)/python manage.py load_public_data
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## test: the whole test suite (browser tests use Debian's chromium at /usr/bin/chromium)
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy .

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --noinput

## messages: extract UI strings into locale/ (needs GNU gettext) and compile them
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --locale es --locale zh_Hans --locale vi --locale tl --locale ko --locale ar --ignore '.venv/*' --ignore 'var/*' --ignore 'static/vendor/*' --no-obsolete
	$(BIN)/python manage.py compile_translations

worker: $(STAMP)
	$(BIN)/celery -A careerportal worker --loglevel INFO

beat: $(STAMP)
	$(BIN)/celery -A careerportal beat --loglevel INFO --schedule var/celerybeat-schedule

clean:
	rm -rf $(VENV) var build *.egg-info

# The two set-up commands of the README. Both work on a fresh machine with Python 3.11.
PY ?= python3
VENV ?= .venv

.PHONY: demo test

# Main job: install kg, build the graph from data/ and write the HTML view.
demo:
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e .
	$(VENV)/bin/kg build data --store kg-store
	$(VENV)/bin/kg view --store kg-store --out kg-view.html --force

# Whole test suite: system packages the browser and server tests need (when run as root, as CI
# does), the test extras, the lint and format checks (ruff), then pytest.
test:
	bash scripts/system-deps.sh
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[test]'
	$(VENV)/bin/ruff check kg tests scripts bench
	$(VENV)/bin/ruff format --check kg tests scripts bench
	$(VENV)/bin/python -m pytest -q

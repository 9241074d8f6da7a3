# Two entry points: `make run` (dashboard on the sample) and `make test` (every test).
# Each makes .venv/ with the pinned requirements the first time, and again when they change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

# ui.serve is `streamlit run dashboard.py` that also loads the models at once (see ui/serve.py).
run: $(VENV)/.runtime
	$(BIN)/python -m ui.serve

test: $(VENV)/.dev
	$(BIN)/python -m pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .

bench: $(VENV)/.dev
	$(BIN)/python bench/speed.py

$(VENV)/bin/python:
	@echo "Creating $(VENV) and installing the pinned requirements: a few minutes the first time."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --progress-bar off -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --progress-bar off -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(VENV)/.runtime $@

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts

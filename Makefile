# Two entry points: `make run` (dashboard on the sample) and `make test` (every test).
# Each makes .venv/ the first time, and installs into it again when a lock file changes.
#
# Installs are hash-checked: requirements.lock (runtime) and requirements-dev.lock (runtime
# + test tools) pin every package, the ones pulled in included, with the sha256 of each
# file PyPI serves for it, and pip installs them with --require-hashes, so it refuses any
# file whose hash differs and any package the lock does not name. The locks are generated
# from the human-edited requirements.txt and requirements-dev.txt:
#
#   make lock              # refresh both locks after editing requirements*.txt (needs PyPI)
#   make lock UPGRADE=1    # the same, taking the newest release of every unpinned package
#
# `make lock` keeps every pin the inputs still allow, so only what was edited moves.
# pip is not upgraded first: every package is named in the lock, so the pip a venv comes with
# (23.2.1 in Python 3.11.7) installs the same set as the newest pip, and the upgrade would be
# the one download without a hash.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# --no-deps: the lock names every package, so pip resolves nothing. Without it pip 23 reaches
# past a pin for a newer release that declares an extra a dependency asks for (justext wants
# lxml[html_clean]), and --require-hashes then refuses it as unpinned: a new upload to PyPI
# broke fresh installs that way on 2026-12-06.
INSTALL := $(BIN)/python -m pip install --progress-bar off --require-hashes --no-deps

# The lock tool (uv, pinned) lives in its own venv, used only by `make lock`.
UV_VERSION := 0.13.8
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
# --universal: one lock for every platform (markers say where a package applies), resolved
# for Python 3.11, the oldest that pyproject.toml allows; the hashes cover every wheel.
COMPILE := $(UV) pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	$(if $(UPGRADE),--upgrade )--custom-compile-command "make lock"

.PHONY: run test lint bench lock clean

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
	@echo "Creating $(VENV) and installing the locked requirements: a few minutes the first time."
	$(PYTHON) -m venv $(VENV)

# The project itself goes in editable (python -m analysis works from any folder). That step
# has no hash to check, so it downloads nothing: --no-deps (the lock brought everything),
# and --no-build-isolation builds it with the setuptools the lock installed instead of
# fetching one.
$(VENV)/.runtime: requirements.lock pyproject.toml | $(VENV)/bin/python
	$(INSTALL) -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.lock pyproject.toml | $(VENV)/bin/python
	$(INSTALL) -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-build-isolation --no-deps -e .
	touch $(VENV)/.runtime $@

# The dev lock is resolved within the runtime lock (-c), so both pin shared packages alike.
lock: $(TOOLS)/.uv-$(UV_VERSION)
	$(COMPILE) requirements.txt -o requirements.lock
	$(COMPILE) requirements-dev.txt -c requirements.lock -o requirements-dev.lock

$(TOOLS)/.uv-$(UV_VERSION):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	touch $@

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache test-artifacts

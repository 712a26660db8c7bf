# Front door of the project. `make help` lists the targets.
# Each target creates .venv from requirements.lock (exact versions, sha256 hashes) when it is
# missing or older than the lock: with uv when it can be had (seconds), else with pip (a minute).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# uv, pinned with hashes in requirements-uv.lock, lives beside the project in .cache/uv, not in
# .venv. `make UV=uv` uses a uv of your own instead.
UV_HOME := .cache/uv
UV ?= $(UV_HOME)/bin/uv
UV_PIN := $(shell sed -n 's/^uv==\([^ ;\\]*\).*/\1/p' requirements-uv.lock)
# Installs the pinned uv with the system's pip; PIP_ROOT_USER_ACTION quiets pip's warning as root.
UV_INSTALL := PIP_ROOT_USER_ACTION=ignore $(PYTHON) -m pip install -qq --disable-pip-version-check \
	--no-deps --require-hashes --upgrade --target $(UV_HOME) -r requirements-uv.lock
# Where PYTHONDONTWRITEBYTECODE is set, Python never caches the .pyc of what it imports, so uv
# compiles them all at install time, as pip always does (about 10 s); elsewhere Python writes the
# .pyc of what is used on first import, which costs less.
COMPILE := $(if $(PYTHONDONTWRITEBYTECODE),--compile-bytecode)
# uv must not download a Python of its own: the venv is made from $(PYTHON).
export UV_PYTHON_DOWNLOADS := never
LOCK_FLAGS := --universal --python-version 3.11.5 --generate-hashes --custom-compile-command 'make lock'

# The pages' message catalogue (gettext): each language's messages.po, compiled to messages.mo
# beside it by `make messages`, which every target that renders or tests goes through.
LOCALE := src/helpers/locale
MO := $(patsubst %.po,%.mo,$(wildcard $(LOCALE)/*/LC_MESSAGES/messages.po))

.DEFAULT_GOAL := help
.PHONY: help reports test test-all lab messages messages-extract lint format lock clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=/path/to/python3.11 ...'" >&2; exit 1; }
	@if [ "$(UV)" = "$(UV_HOME)/bin/uv" ] && ! $(UV) --version 2>/dev/null | grep -qF "uv $(UV_PIN)"; then \
	  echo "installing uv $(UV_PIN) into $(UV_HOME) (requirements-uv.lock)"; \
	  $(UV_INSTALL) || echo "uv could not be installed; pip will create $(VENV) instead"; \
	fi
	@if $(UV) --version >/dev/null 2>&1; then \
	  echo "setting up $(VENV) with $$($(UV) --version | cut -d' ' -f1-2) from requirements.lock (hashes checked)"; \
	  { [ -x $(BIN)/python ] || $(UV) venv --quiet --python $(PYTHON) $(VENV); } && \
	  $(UV) pip sync --quiet --python $(BIN)/python --require-hashes $(COMPILE) requirements.lock && \
	  $(UV) pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .; \
	else \
	  echo "setting up $(VENV) with pip from requirements.lock (hashes checked)"; \
	  $(PYTHON) -m venv $(VENV) && \
	  $(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock && \
	  $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .; \
	fi
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

messages: $(MO) ## Compile the message catalogue, src/helpers/locale/*/LC_MESSAGES/messages.po, to .mo

$(LOCALE)/%/LC_MESSAGES/messages.mo: $(LOCALE)/%/LC_MESSAGES/messages.po $(STAMP)
	$(BIN)/python -m reportbuild.messages compile $< $@

messages-extract: $(STAMP) ## Extract the code's messages into messages.pot and each .po (new ones: empty msgstr)
	$(BIN)/python -m reportbuild.messages extract

reports: $(STAMP) messages ## Render every report (HTML) into reports/ (options: ARGS="--jobs 4 --force")
	$(BIN)/render-reports $(ARGS)

test: $(STAMP) messages ## Run the quick tests, day to day (under a minute); slow ones run when named in ARGS
	$(BIN)/python -m pytest --quick $(ARGS)

test-all: $(STAMP) messages ## Run the whole test suite: also notebooks, every real report, the browser (CI)
	$(BIN)/python -m pytest $(ARGS)

lab: $(STAMP) messages ## Open JupyterLab on notebooks/ (options: ARGS="--no-browser --port 8890")
	$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) $(ARGS) notebooks/

lint: $(STAMP) ## Check style with ruff, and the GitHub workflows with actionlint and zizmor
	$(BIN)/ruff check src tests benchmarks notebooks
	$(BIN)/ruff format --check src tests benchmarks notebooks
	$(BIN)/actionlint -no-color .github/workflows/*.yml
	$(BIN)/zizmor --offline --no-progress .github/workflows

format: $(STAMP) ## Format code with ruff
	$(BIN)/ruff format src tests benchmarks notebooks
	$(BIN)/ruff check --fix src tests benchmarks notebooks

lock: ## Re-resolve the newest versions allowed by pyproject.toml into requirements.lock (and uv's)
	@$(UV) --version >/dev/null 2>&1 || $(UV_INSTALL)
	$(PYTHON) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
	  | $(UV) pip compile --quiet pyproject.toml - --extra dev $(LOCK_FLAGS) --upgrade -o requirements.lock
	echo uv | $(UV) pip compile --quiet - $(LOCK_FLAGS) --upgrade -o requirements-uv.lock
	@echo "now bring environment.yml to the same versions (make test checks it)"

clean: ## Remove the virtual environment, rendered reports and compiled messages
	rm -rf $(VENV) reports/*.html reports/executed $(MO)

# Two entry points, both usable on a fresh machine with only Python 3.11+ and make:
#   make run   - create .venv, install casetrack (runtime only), show the bundled timeline
#   make test  - create .venv, install casetrack with its test tools, run every check
# Both install the exact versions pinned in constraints.txt, so a build that passes today passes
# next month. Meeting new releases is deliberate:
#   make lock         - re-resolve constraints.txt from pyproject.toml's ranges (newest versions)
#   make test-latest  - the suite against the newest releases the ranges allow (.venv-latest)
#   make test-lowest  - the suite against the lowest versions the ranges allow (.venv-lowest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := constraints.txt
# uv resolves the lock and the lowest versions; pinned like everything else.
UV_VERSION := 0.13.9
TOOLS := .venv-tools
UV := $(TOOLS)/bin/uv
INSTALL = $(1)/bin/python -m pip install --quiet --disable-pip-version-check
# The build backend comes from the lock too: installed first, then used without build isolation
# (which would fetch the newest release). hatchling's editable install asks for `editables`.
BUILD_TOOLS := hatchling editables
BUILD_REQUIRES = $(PYTHON) -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['build-system']['requires']))"; echo editables
# The programs the tests put casetrack's exports through, TimelineJS3 (in Chromium) and
# yaml-language-server: test-only npm packages pinned in tests/js/package-lock.json and installed
# with `npm ci` when the lock changes. `make run` needs none of them. Without npm the tests that
# use them are skipped (CI=true fails them instead). To move to newer releases, change
# tests/js/package.json, run `npm install` in tests/js and commit both files.
NODE_DIR := tests/js
NODE_INSTALLED := $(NODE_DIR)/node_modules/.installed

.PHONY: run test lint typecheck pytest bench lock test-latest test-lowest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.run-installed: $(BIN)/python pyproject.toml $(LOCK)
	$(call INSTALL,$(VENV)) --constraint $(LOCK) $(BUILD_TOOLS)
	$(call INSTALL,$(VENV)) --constraint $(LOCK) --no-build-isolation -e .
	touch $@

$(VENV)/.test-installed: $(BIN)/python pyproject.toml $(LOCK)
	$(call INSTALL,$(VENV)) --constraint $(LOCK) $(BUILD_TOOLS)
	$(call INSTALL,$(VENV)) --constraint $(LOCK) --no-build-isolation -e '.[test]'
	touch $@

# npm ci empties node_modules first, so the stamp inside it goes with an interrupted install.
# Its EBADENGINE warning is expected: yaml-language-server 2.0.0 asks for Node.js 22.13, but runs
# on the Node.js 20 these machines have, as its tests show.
$(NODE_INSTALLED): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		echo "cd $(NODE_DIR) && npm ci"; \
		cd $(NODE_DIR) && npm ci --no-audit --no-fund && touch node_modules/.installed; \
	else \
		echo "npm not found: the TimelineJS3 and yaml-language-server tests will be skipped"; \
	fi

run: $(VENV)/.run-installed
	$(BIN)/casetrack timeline

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

pytest: $(VENV)/.test-installed $(NODE_INSTALLED)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(VENV)/.test-installed
	$(BIN)/python benchmarks/run.py

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(call INSTALL,$(TOOLS)) uv==$(UV_VERSION)

# Every extra and the build backend, for every Python the project supports (--universal).
lock: $(UV)
	($(BUILD_REQUIRES)) | $(UV) pip compile --quiet --universal --python-version 3.11 \
		--all-extras --custom-compile-command "make lock" pyproject.toml - -o $(LOCK)

test-latest: $(NODE_INSTALLED)
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	$(call INSTALL,.venv-latest) --upgrade -e '.[test]'
	.venv-latest/bin/python -m pip freeze --exclude-editable
	.venv-latest/bin/pytest

test-lowest: $(UV) $(NODE_INSTALLED)
	rm -rf .venv-lowest
	$(PYTHON) -m venv .venv-lowest
	($(BUILD_REQUIRES)) | $(UV) pip compile --quiet --resolution lowest-direct --all-extras \
		--python .venv-lowest/bin/python pyproject.toml - -o .venv-lowest/requirements.txt
	$(call INSTALL,.venv-lowest) -r .venv-lowest/requirements.txt
	$(call INSTALL,.venv-lowest) --no-deps --no-build-isolation -e .
	.venv-lowest/bin/python -m pip freeze --exclude-editable
	.venv-lowest/bin/pytest

clean:
	rm -rf $(VENV) .venv-latest .venv-lowest $(TOOLS) $(NODE_DIR)/node_modules build dist .pytest_cache .mypy_cache .ruff_cache

# dub-client: every verb a maintainer needs. Each target installs what it uses.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.installed-runtime
BENCH_STAMP := $(VENV)/.installed-bench
GEN_OUT := dub_client/_generated
# tools/generate.py runs the pinned generator (and its ruff post-hooks) from the venv.
GENERATE = $(BIN)/python tools/generate.py
PRISM_DIR := tools/prism
PRISM_STAMP := $(PRISM_DIR)/node_modules/.installed
# uv installs the venv from uv.lock (every dev, docs and bench dependency, pinned and
# hash-checked); uv itself comes from PyPI into .tools/, pinned here.
UV_VERSION := 0.13.9
TOOLS := .tools
UV ?= $(TOOLS)/bin/uv
export UV_PROJECT_ENVIRONMENT := $(abspath $(VENV))
UV_SYNC = $(UV) sync --locked --python $(PYTHON)
ENSURE_UV = test -x $(UV) || { $(PYTHON) -m venv $(TOOLS) && \
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); }
CHECK_PYTHON = $(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "dub-client needs Python >= 3.11 (set PYTHON=python3.11)"'

.PHONY: help install lock check-lock generate check-generated lint typecheck test test-fast demo docs bench bench-quick build publish soak clean upstream-check

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv from uv.lock: the package and its pinned dev and docs tools

$(STAMP): pyproject.toml uv.lock
	@$(CHECK_PYTHON)
	@$(ENSURE_UV)
	$(UV_SYNC)
	@touch $@

# `make demo` needs only the package itself (httpx, attrs): a quick install.
$(RUNTIME_STAMP): pyproject.toml uv.lock
	@$(CHECK_PYTHON)
	@$(ENSURE_UV)
	$(UV_SYNC) --no-default-groups --inexact
	@touch $@

$(BENCH_STAMP): $(STAMP)
	$(UV_SYNC) --all-groups
	@touch $@

$(PRISM_STAMP): $(PRISM_DIR)/package.json $(PRISM_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: Node 20 is needed for the Prism contract tests"; exit 1; }
	cd $(PRISM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

lock: ## refresh uv.lock after changing pyproject.toml's dependencies
	@$(ENSURE_UV)
	$(UV) lock

check-lock: ## fail when uv.lock is stale against pyproject.toml
	@$(ENSURE_UV)
	$(UV) lock --check

generate: $(STAMP) ## regenerate dub_client/_generated from openapi.yaml
	$(GENERATE) --output-path $(GEN_OUT)

check-generated: $(STAMP) ## fail if dub_client/_generated differs from what openapi.yaml produces
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(GENERATE) --output-path "$$tmp/_generated" >/dev/null; \
	if ! diff -r -q -x __pycache__ "$$tmp/_generated" $(GEN_OUT) >"$$tmp/diff.txt"; then \
		echo "check-generated: $(GEN_OUT) is out of date with openapi.yaml / generator-config.yaml / templates:"; \
		sed -e "s|$$tmp/_generated|(from spec)|g" "$$tmp/diff.txt"; \
		echo "Run 'make generate' and commit the result."; exit 1; \
	fi; echo "check-generated: $(GEN_OUT) matches openapi.yaml"

lint: $(STAMP) ## ruff on the hand-written code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) ## mypy --strict on the hand-written code
	$(BIN)/mypy

test: $(STAMP) $(PRISM_STAMP) check-lock check-generated lint typecheck docs ## everything CI runs: lock, drift, lint, types, docs, unit, integration, contract, publish
	$(BIN)/python -m pytest -q -ra -p no:cacheprovider

test-fast: $(STAMP) ## unit tests only (no Prism, no publish, no soak)
	$(BIN)/python -m pytest -q -m "not contract and not slow" -p no:cacheprovider

# UPSTREAM=<file|URL> reads Dub's API document from there (default: where Dub serves it,
# tools/upstream.py's LIVE_URL). BASE=<file|URL> compares with that document instead of
# upstream/snapshot.json; JSON=1 prints one JSON object; UPDATE=1 rewrites the snapshot (ORIGIN=<URL> records where
# a local copy came from); STRICT=1 also fails when the snapshot is behind (the weekly CI).
# docs/tracking-dub.md says what to do with the report.
upstream-check: $(STAMP) ## what Dub changed in its API document, what it means for users; exit 1 on unexplained drift (UPSTREAM=, BASE=, JSON=1, UPDATE=1)
	@$(BIN)/python tools/upstream.py check $(if $(UPSTREAM),--upstream "$(UPSTREAM)") \
		$(if $(BASE),--base "$(BASE)") $(if $(filter 1 yes true,$(JSON)),--json) \
		$(if $(filter 1 yes true,$(UPDATE)),--update) $(if $(ORIGIN),--origin "$(ORIGIN)") \
		$(if $(filter 1 yes true,$(STRICT)),--strict)

soak: $(STAMP) ## the long soak (SOAK_SECONDS=300 by default)
	SOAK_SECONDS=$${SOAK_SECONDS:-300} $(BIN)/python -m pytest -q -s tests/test_soak.py -p no:cacheprovider

demo: $(RUNTIME_STAMP) ## the quickstart: a local sandbox Dub when DUB_API_KEY is unset, the real API (read-only) when set
	$(BIN)/python examples/quickstart.py

docs: $(STAMP) ## build the reference site into site/ (mkdocs --strict: a warning or broken link fails)
	$(BIN)/mkdocs build --strict --quiet

bench: $(BENCH_STAMP) ## benchmarks against raw httpx and the official SDK (prints ratios)
	$(BIN)/python benchmarks/run.py

bench-quick: $(BENCH_STAMP) ## a reduced benchmark run (about 40 s once the bench group is installed)
	$(BIN)/python benchmarks/run.py --quick

build: $(STAMP) ## sdist + wheel in dist/, checked with twine --strict
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

# twine finds the index and the credentials itself: TWINE_REPOSITORY_URL or
# TWINE_REPOSITORY (~/.pypirc), TWINE_USERNAME/TWINE_PASSWORD or a token; default PyPI.
# An index refuses a version it has already (twine then fails).
publish: $(STAMP) ## upload dist/ with twine; refuses a dirty tree or stale generated code
	@test -z "$$(git status --porcelain)" || { echo "publish: REFUSED: the work tree has uncommitted changes (git status)"; exit 1; }
	@$(MAKE) -s check-generated || { echo "publish: REFUSED: the generated code is stale"; exit 1; }
	$(MAKE) build
	$(BIN)/twine upload --non-interactive --disable-progress-bar dist/*

clean: ## remove build and cache files (keeps .venv)
	rm -rf dist build site .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

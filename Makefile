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

.PHONY: help install generate check-generated lint typecheck test test-fast demo bench bench-quick build publish soak clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv and install the package with its pinned dev tools

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "dub-client needs Python >= 3.11 (set PYTHON=python3.11)"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# `make demo` needs only the package itself (httpx, attrs): a quick install.
$(RUNTIME_STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "dub-client needs Python >= 3.11 (set PYTHON=python3.11)"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

$(PRISM_STAMP): $(PRISM_DIR)/package.json $(PRISM_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: Node 20 is needed for the Prism contract tests"; exit 1; }
	cd $(PRISM_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

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

test: $(STAMP) $(PRISM_STAMP) check-generated lint typecheck ## everything CI runs: drift, lint, types, unit, integration, contract, publish
	$(BIN)/python -m pytest -q -ra -p no:cacheprovider

test-fast: $(STAMP) ## unit tests only (no Prism, no publish, no soak)
	$(BIN)/python -m pytest -q -m "not contract and not slow" -p no:cacheprovider

soak: $(STAMP) ## the long soak (SOAK_SECONDS=300 by default)
	SOAK_SECONDS=$${SOAK_SECONDS:-300} $(BIN)/python -m pytest -q -s tests/test_soak.py -p no:cacheprovider

demo: $(RUNTIME_STAMP) ## the quickstart: a local sandbox Dub when DUB_API_KEY is unset, the real API (read-only) when set
	$(BIN)/python examples/quickstart.py

bench: $(BENCH_STAMP) ## benchmarks against raw httpx and the official SDK (prints ratios)
	$(BIN)/python benchmarks/run.py

bench-quick: $(BENCH_STAMP) ## a reduced benchmark run (under a minute)
	$(BIN)/python benchmarks/run.py --quick

build: $(STAMP) ## sdist + wheel in dist/, checked with twine --strict
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

publish: $(STAMP) ## upload dist/ with twine (TWINE_REPOSITORY_URL / ~/.pypirc); refuses a dirty tree or stale generated code
	$(BIN)/python tools/publish.py $(PUBLISH_ARGS)

clean: ## remove build and cache files (keeps .venv)
	rm -rf dist build .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

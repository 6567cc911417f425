# dyad: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_STORE ?= .demo-store

.PHONY: demo test install lint bench train clean-demo web-assets

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## web-assets: the country outlines the web map serves (npm package world-atlas, pinned in package-lock.json)
WEB       := src/dyad/web
WEB_STAMP := $(WEB)/node_modules/.installed
$(WEB_STAMP): $(WEB)/package.json $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_STAMP)

web-assets: $(WEB_STAMP)

## demo: install, code the bundled sample articles and show the result
demo: $(STAMP) web-assets
	$(BIN)/dyad demo --store $(DEMO_STORE) samples

## test: install if needed and run the whole suite (slow tests included)
test: $(STAMP) web-assets
	bash tools/ensure-chromium.sh
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

## train: rebuild the event detector model from the training corpus
train: $(STAMP)
	$(BIN)/python -m dyad.detector.train training

clean-demo:
	rm -rf $(DEMO_STORE)

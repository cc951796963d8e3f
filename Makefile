# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench eval clean bench-corpus

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/presslens analyze examples/ -o out/ --summary

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/presslens eval tests/devset

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m presslens.bench

# ingest throughput at corpus scale: ARTICLES=500 make bench-corpus for a short run
ARTICLES ?= 10000
bench-corpus: $(STAMP)
	$(BIN)/python -m presslens.bench.corpus --articles $(ARTICLES)

clean:
	rm -rf $(VENV) out build dist src/*.egg-info

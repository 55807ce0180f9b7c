# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := redline/data/sample

.PHONY: demo test lint eval bench fuzz fuzz-api clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=25.1"

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[web]'
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e . --group dev
	touch $@ $(VENV)/.installed

## demo: install, analyse the bundled sample corpus into the default SQLite store, print the founding brief,
## then serve the dashboard in the foreground (Ctrl+C stops it; without a terminal it prints the command instead)
demo: $(VENV)/.installed
	$(BIN)/redline analyze $(SAMPLE)/voa_articles.jsonl --quiet
	$(BIN)/redline analyze $(SAMPLE)/ukraine-1000th-day.txt --published 2024-11-19
	@if [ -t 0 ]; then $(BIN)/redline serve; \
	else echo "not a terminal: skipping the dashboard; run $(BIN)/redline serve and open http://127.0.0.1:8000/"; fi

## test: install with dev tools, lint, type-check, run the whole suite (PostgreSQL tests need a server: .ci/pg.sh)
test: $(VENV)/.dev
	$(BIN)/ruff check redline tests tools bench
	$(BIN)/mypy
	REDLINE_TEST_PG_URL="$${REDLINE_TEST_PG_URL:-$$(bash .ci/pg.sh 2>/dev/null)}" $(BIN)/pytest -n 2 -q

lint: $(VENV)/.dev
	$(BIN)/ruff check redline tests
	$(BIN)/mypy

## eval: score the event coder and the extraction against every gold set, with the floors CI defends
## (split sets are scored per fixed half: NAME/tune, NAME/validation and their NAME/gap)
eval: $(VENV)/.installed
	$(BIN)/redline eval tests/data/realnews.jsonl tests/data/plover_gsr_dev.jsonl tests/data/petrarch2_unittest.jsonl \
		tests/data/redline_no_event.jsonl tests/data/dates.jsonl tests/data/threats.jsonl tests/gold --floors tests/gold_floors.json --by-type --baseline

## fuzz: the long property-based campaign over every reader, the date resolver and the settings loader
## (about 104,000 generated cases; CI runs 693 of them) and the API operations
fuzz: $(VENV)/.dev
	REDLINE_FUZZ_SCALE=$${REDLINE_FUZZ_SCALE:-150} $(BIN)/pytest -n 2 -q -p no:cacheprovider tests/test_fuzz_inputs.py \
		tests/test_web_fuzz.py

## fuzz-api: the long property-based campaign against the API and the pages: 23 targets (every API operation,
## every query parameter of API and pages, raw analyze bodies) x FUZZ_API_EXAMPLES cases each, 0 HTTP 500s allowed
FUZZ_API_EXAMPLES ?= 5000
fuzz-api: $(VENV)/.dev
	REDLINE_FUZZ_EXAMPLES=$(FUZZ_API_EXAMPLES) $(BIN)/pytest -q -s -p no:cacheprovider tests/test_web_fuzz.py

## bench: throughput beside its baseline (bare en_core_web_sm; 1 vs 2 workers); the machine's load is printed
bench: $(VENV)/.dev
	$(BIN)/python bench/bench_analyze.py
	$(BIN)/python bench/bench_ingest.py --articles 600
	$(BIN)/python bench/bench_ingest.py --articles 600 --mode batch
	$(BIN)/python bench/bench_api.py
	$(BIN)/python bench/bench_wcep.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache

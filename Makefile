# Relais — the front door. `make run` starts everything; `make test` proves it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV      := python3 -m uv
PY      := $(UV) run --frozen
PKGS    := relais_common relais_gateway relais_ambassadors relais_editorial relais_aggregator
PG_URL  ?= postgresql://postgres@127.0.0.1:5432/postgres
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- installation
.venv/.synced: pyproject.toml uv.lock services/*/pyproject.toml
	@python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install -q 'uv>=0.5'
	$(UV) sync --frozen
	@touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: .venv/.synced frontend/node_modules/.installed ## install Python and Node dependencies (locked)

chromium: ## install Debian's Chromium for the browser tests when missing
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser journeys"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi

spa: frontend/node_modules/.installed ## build the SPA into frontend/dist
	cd frontend && npm run build --silent

# ---------------------------------------------------------------- running
run: install spa ## install, migrate, load the demo (RELAIS_DEMO=0 to skip) and start the stack
	$(PY) python scripts/run_stack.py

migrate: install ## apply every service's migrations to its database
	$(PY) python -m relais_common.migrations_cli ambassadors
	$(PY) python -m relais_common.migrations_cli editorial
	$(PY) python -m relais_common.migrations_cli aggregator

demo: migrate ## load the demo company into the embedded databases
	$(PY) python -m relais_ambassadors.demo

openapi: install events ## regenerate the committed OpenAPI documents, event schemas and the SPA's client
	$(PY) python -m relais_ambassadors.openapi
	$(PY) python -m relais_editorial.openapi
	$(PY) python -m relais_aggregator.openapi
	$(PY) python -m relais_gateway.openapi
	@$(MAKE) --no-print-directory client

client: frontend/node_modules/.installed ## regenerate the SPA's typed client (frontend/src/client) from the gateway's OpenAPI (make openapi runs it)
	cd frontend && npm run client --silent

events: install ## regenerate the committed JSON Schema of the ambassadors' events
	$(PY) python -m relais_ambassadors.outbox

# ---------------------------------------------------------------- quality
lint: install ## ruff (format + lint), mypy --strict, SQL only in repositories, no import cycles, TypeScript
	$(PY) ruff format --check services scripts bench
	$(PY) ruff check services scripts bench
	$(PY) mypy $(addprefix -p ,$(PKGS))
	$(PY) python scripts/check_sql_placement.py
	$(PY) python scripts/check_import_cycles.py
	cd frontend && npm run lint --silent

fmt: install ## format the Python code
	$(PY) ruff format services scripts bench
	$(PY) ruff check --fix services scripts bench

pg-check:
	@$(PY) python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=5).close()" 2>/dev/null || \
	  { echo "PostgreSQL is not reachable at $(PG_URL): the suite needs it (start it, or set PG_URL)."; exit 1; }

test-py: install ## Python tests on SQLite
	RELAIS_TEST_DB=sqlite $(PY) pytest services -q

test-pg: install pg-check ## Python tests on PostgreSQL (throwaway databases)
	RELAIS_TEST_DB=postgresql RELAIS_TEST_PG_URL=$(PG_URL) $(PY) pytest services -q

test-frontend: install ## SPA unit tests (Vitest)
	cd frontend && npm test --silent

e2e: install chromium spa-bundle ## browser journeys in headless Chromium against the whole stack
	cd frontend/e2e && npm ci --no-audit --no-fund --loglevel=error && npm test --silent

# The journeys need the bundle only: `make lint` type-checks (tsc), `make spa` does both.
spa-bundle: frontend/node_modules/.installed
	cd frontend && npx vite build --logLevel warn

test-python: install pg-check ## the Python suite on SQLite and on PostgreSQL side by side (one core each; each output printed whole when it ends)
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-py test-pg

# Three lanes at once, each output printed whole when it ends: the SQLite suite, the PostgreSQL
# suite, and lint -> Vitest -> journeys. The suites wait on subprocess stacks and timeouts, the
# journeys on the browser and the stack's polls: run one after the other, the 2 cores idled.
test: install chromium pg-check ## everything CI runs
	@$(MAKE) --no-print-directory -j3 --output-sync=target test-py test-pg test-web

test-web: install chromium ## lint, then the SPA's unit tests, then the browser journeys (one lane of make test)
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-frontend
	@$(MAKE) --no-print-directory e2e

# Every Python process of the tests (pytest, the stacks' services) keeps its compiled bytecode
# between runs even where the environment says PYTHONDONTWRITEBYTECODE: each would otherwise
# compile FastAPI, pydantic, SQLAlchemy and the services from source (~1.5 s of CPU a process).
test test-web test-python test-py test-pg lint e2e: export PYTHONDONTWRITEBYTECODE :=

bench: bench-gateway bench-hop bench-stack bench-spa bench-db bench-100k bench-feeds bench-editorial-count bench-public bench-editorial ## every benchmark (prints BENCH lines)

bench-tools:
	@command -v wrk >/dev/null && command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk nginx-light >/dev/null; }

bench-gateway: install bench-tools ## gateway hop vs direct: BENCH gateway ratio= p99_ms= rss_mb=
	$(PY) python bench/gateway_bench.py

bench-hop: install bench-tools ## one FastAPI threadpool hop: BENCH thread_hop async_rps= sync_rps= ...
	cd bench && $(PY) python thread_hop_bench.py

bench-stack: install spa bench-tools ## whole stack with the demo: BENCH public_page ..., BENCH memory ...
	cd bench && $(PY) python stack_bench.py

bench-db: install bench-tools pg-check ## /me and directory via the gateway, SQLite and PostgreSQL: BENCH db_endpoints db= ...
	cd bench && PG_URL=$(PG_URL) $(PY) python db_bench.py

bench-100k: install pg-check ## 100,000 people on PostgreSQL: BENCH company_100k search_p99_ms= export_ms= erase_ms=
	cd bench && PG_URL=$(PG_URL) $(PY) python company_bench.py

bench-feeds: install ## 1,000 feeds through the refresh round, hostile mix, parse, sanitise: BENCH feeds cold_s= warm_s= peak_mb= parse_ms= sanitize_us=
	cd bench && $(PY) python feeds_bench.py

bench-editorial-count: install bench-tools ## POST /api/editorial/text-length via the gateway, 16 connections: BENCH editorial_count count_rps= count_p99_ms=
	cd bench && $(PY) python editorial_count_bench.py

bench-editorial: install bench-tools ## month view (60 entries and their grids) via the gateway, 16 connections: BENCH editorial calendar_rps= calendar_p99_ms=
	cd bench && $(PY) python editorial_bench.py

bench-public: install bench-tools ## the public page and its JSON vs nginx and a minimal app: BENCH public_page ..., BENCH public_page_cached ...
	cd bench && $(PY) python public_page_bench.py

bench-spa: chromium spa ## the SPA's first load (sign-in screen) in headless Chromium: BENCH spa first_load_kb= entry_kb=
	node bench/spa_bench.mjs

.PHONY: help install chromium spa spa-bundle test-web run migrate demo openapi client events lint fmt pg-check test-py test-pg test-python test-frontend e2e test bench bench-tools bench-gateway bench-hop bench-stack bench-spa bench-db bench-100k bench-feeds bench-editorial-count bench-public bench-editorial

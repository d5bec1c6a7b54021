# Job Market Warehouse. Two commands matter (see README):
#   make build   set up, generate the default data, dbt build on DuckDB, print the comparison
#   make build-spark  the same on Apache Spark (installs it first: make setup-spark)
#   make test    set up, sqlfluff, generate, dbt build with every test + docs, the same on Spark
#                compared mart by mart (test-spark), pytest
#   make docs    the static docs site of the test warehouse (built first if missing)
#   make site    the report page of every role pair and an index (`make build` first if nothing is published)
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
LOCK_HASH := $(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)
STAMP := $(VENV)/.installed-$(LOCK_HASH)

export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

# The test command always works on its own warehouse file and on freshly generated data.
TEST_DATA := $(CURDIR)/data/test
TEST_DB := $(CURDIR)/warehouse/test.duckdb
TEST_ENV := JOB_MARKET_DB=$(TEST_DB) JOB_MARKET_RAW='$(TEST_DATA)/raw/*.jsonl*'

.PHONY: setup setup-spark build build-spark test lint test-warehouse dbt-test test-spark spark-parity warehouse-tests pytest docs site bench clean

$(STAMP): requirements.lock pyproject.toml
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

setup: $(STAMP)

# Optional: Apache Spark through dbt-spark's session method (local PySpark, Java 17), on top of the
# base venv; `make setup` and the DuckDB path never install it. See docs/spark_port.md.
SPARK_LOCK_HASH := $(shell cat requirements-spark.lock | sha1sum | cut -c1-12)
SPARK_STAMP := $(VENV)/.installed-spark-$(SPARK_LOCK_HASH)

$(SPARK_STAMP): $(STAMP) requirements-spark.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-spark.lock
	$(BIN)/pip check
	touch $@

setup-spark: $(SPARK_STAMP)

build: setup
	$(BIN)/job-market run

# The main job on Spark (local PySpark, Java 17): tables as Parquet under JOB_MARKET_SPARK_WAREHOUSE
# (default warehouse/spark), the marts copied into warehouse/spark.marts.duckdb for the report.
build-spark: setup-spark
	JOB_MARKET_TARGET=spark $(BIN)/job-market run

# Lint against an empty warehouse file, so incremental models are always linted as a first build
# (their incremental branch only renders when the table already exists).
LINT_DB := $(CURDIR)/warehouse/lint.duckdb

# sqlfluff only warns when dbt cannot compile a file, and lints the rest: that must fail here.
LINT_LOG := $(CURDIR)/warehouse/lint.log

lint: setup
	rm -f $(LINT_DB) $(LINT_DB).wal
	JOB_MARKET_DB=$(LINT_DB) JOB_MARKET_RAW='$(TEST_DATA)/raw/*.jsonl*' $(BIN)/sqlfluff lint models tests analyses 2>&1 | tee $(LINT_LOG)
	@if grep -q "fatal exception during compilation" $(LINT_LOG); then \
		echo "lint: sqlfluff skipped files dbt could not compile on an empty warehouse (see above)" >&2; exit 1; fi

# the test warehouse: test data generated, every model built, every dbt test run
test-warehouse: setup
	$(BIN)/job-market generate --seed 42 --out $(TEST_DATA)
	$(TEST_ENV) $(BIN)/dbt build --full-refresh --vars '{check_article_figures: true}'

# dbt docs generate --static, the page made safe for any text (src/job_market/docs_site.py)
dbt-test: test-warehouse
	$(TEST_ENV) $(BIN)/job-market docs

# the docs site of the test warehouse (built first when missing): target/static_index.html
docs: setup
	@if [ ! -f $(TEST_DB) ]; then $(MAKE) --no-print-directory test-warehouse; fi
	$(TEST_ENV) $(BIN)/job-market docs

# the role-pair pages of the published marts (JOB_MARKET_DB's; by default `make build`'s, built
# first when nothing is published): target/site/index.html
PUBLISHED_DB := $(CURDIR)/warehouse/job_market.marts.duckdb

site: setup
	@if [ -z "$${JOB_MARKET_DB:-}" ] && [ ! -f $(PUBLISHED_DB) ]; then $(MAKE) --no-print-directory build; fi
	$(BIN)/job-market site --output $(CURDIR)/target/site

pytest: setup
	$(BIN)/pytest

# Engine parity: the same test data built on Spark (dbt-spark, local session; data tests included,
# unit tests stay on DuckDB), then every mart compared with the DuckDB build's (job-market parity:
# exact counts and medians, other floats within 1e-9, the same rows in any order)
SPARK_TEST_WAREHOUSE := $(CURDIR)/warehouse/spark_test

test-spark: setup-spark test-warehouse
	$(MAKE) --no-print-directory spark-parity

# test-spark's own work, without its prerequisites (the test warehouse must be built)
spark-parity:
	rm -rf $(SPARK_TEST_WAREHOUSE) $(SPARK_TEST_WAREHOUSE).marts.duckdb
	$(TEST_ENV) JOB_MARKET_TARGET=spark JOB_MARKET_SPARK_WAREHOUSE=$(SPARK_TEST_WAREHOUSE) \
		DBT_TARGET_PATH=$(CURDIR)/target/spark_test \
		$(BIN)/job-market build -- --full-refresh --vars '{check_article_figures: true}'
	$(BIN)/job-market parity --db $(TEST_DB) --spark-warehouse $(SPARK_TEST_WAREHOUSE)

# Two jobs on the two cores, each one's output printed when it ends: sqlfluff, the test warehouse
# with its docs, then the Spark build and parity check, one after the other; and beside them
# pytest, which shares no files with them (it builds its own warehouses in temporary folders).
test: setup setup-spark
	$(MAKE) --no-print-directory -j2 --output-sync=target warehouse-tests pytest

warehouse-tests:
	$(MAKE) --no-print-directory -j1 lint dbt-test spark-parity

clean:
	rm -rf target logs data warehouse/*.duckdb* $(VENV)

# Benchmark (a command, not a test): dbt build / run, incremental and no-op builds vs the
# hand-written DuckDB script in bench/baseline.sql (and pandas at 1M), per data size. Data is
# generated once per size under data/bench/; results go to bench/RESULTS.md. See bench/run.py.
BENCH_SIZES ?= 100k,1m,10m
BENCH_RUNS ?= 3

bench: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	BENCH_SIZES=$(BENCH_SIZES) BENCH_RUNS=$(BENCH_RUNS) $(BIN)/python bench/run.py

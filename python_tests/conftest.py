"""Shared fixtures: generated raw data built into a throw-away DuckDB warehouse with dbt.

Each warehouse is built once per session in a child process (dbt keeps global state), into its
own DuckDB file and target folder, so these tests never touch the user's warehouse.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from job_market import generator
from job_market.project import PROJECT_DIR, dbt_executable

SHARED_DATA = PROJECT_DIR.parent / "shared" / "data"


@dataclass
class BuiltWarehouse:
    data_dir: Path
    db_path: Path
    seed: int
    calibration: str
    build_log: str

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.db_path))

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        con = self.connect()
        try:
            cursor = con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        finally:
            con.close()

    def truth(self) -> list[dict]:
        with open(self.data_dir / "truth" / "postings_truth.jsonl", encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]


def dbt(
    args: list[str],
    *,
    db_path: Path,
    raw_glob: str,
    target_path: Path,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(
        JOB_MARKET_DB=str(db_path),
        JOB_MARKET_RAW=raw_glob,
        DBT_PROFILES_DIR=str(PROJECT_DIR),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    env.update(extra_env or {})
    command = [
        dbt_executable(), *args,
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--target-path", str(target_path),
        "--log-path", str(target_path / "logs"),
    ]
    return subprocess.run(command, env=env, cwd=PROJECT_DIR, capture_output=True, text=True)


def build_warehouse(base: Path, *, seed: int, calibration: str, vars_: str | None = None) -> BuiltWarehouse:
    data_dir = base / "data"
    generator.generate(data_dir, seed=seed, calibration=calibration)
    db_path = base / "warehouse.duckdb"
    args = ["build"] + (["--vars", vars_] if vars_ else [])
    result = dbt(args, db_path=db_path, raw_glob=str(data_dir / "raw" / "*.jsonl*"), target_path=base / "target")
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"dbt build failed for seed {seed} ({calibration}):\n{log[-6000:]}")
    return BuiltWarehouse(data_dir, db_path, seed, calibration, log)


@pytest.fixture(scope="session")
def article_warehouse(tmp_path_factory) -> BuiltWarehouse:
    """The default data (seed 42, calibrated to the reference article), fully built and tested."""
    return build_warehouse(
        tmp_path_factory.mktemp("article"), seed=42, calibration="article", vars_="{check_article_figures: true}"
    )


@pytest.fixture(scope="session")
def random_warehouse(tmp_path_factory) -> BuiltWarehouse:
    """A second seed whose proportions are drawn at random: checked only against its own truth."""
    return build_warehouse(tmp_path_factory.mktemp("random"), seed=7, calibration="random")


@pytest.fixture(params=["article", "random"])
def any_warehouse(request) -> BuiltWarehouse:
    return request.getfixturevalue(f"{request.param}_warehouse")


@dataclass
class PublishedMarts:
    path: Path  # the published DuckDB file
    export_dir: Path  # its marts as Parquet
    warehouse: BuiltWarehouse


@pytest.fixture(scope="session")
def published_article(article_warehouse, tmp_path_factory) -> PublishedMarts:
    """The article warehouse's marts published as readers get them (`job-market publish --force`
    in a child process): the published DuckDB file and the Parquet export beside it."""
    base = tmp_path_factory.mktemp("published")
    path, export_dir = base / "job_market.marts.duckdb", base / "export"
    env = dict(os.environ, JOB_MARKET_DB=str(article_warehouse.db_path), JOB_MARKET_PUBLISHED_DB=str(path),
               JOB_MARKET_EXPORT_DIR=str(export_dir))
    result = subprocess.run([sys.executable, "-m", "job_market.cli", "publish", "--force"], env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"job-market publish failed:\n{result.stdout}\n{result.stderr}")
    return PublishedMarts(path, export_dir, article_warehouse)

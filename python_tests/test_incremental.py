"""Incremental builds: landing the scrape batches a few days at a time and building after each
step gives exactly the marts (and per-posting outputs) of one full refresh over all the files."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from conftest import dbt
from job_market import generator

pytestmark = pytest.mark.e2e

# Tables compared after the last step; columns that record *when* a row was computed are left out.
COMPARED = {
    "marts.role_metrics": "*",
    "marts.role_skill_shares": "*",
    "marts.role_skill_premiums": "*",
    "marts.role_pair_overlap": "*",
    "marts.role_pair_comparison": "*",
    "marts.role_monthly_postings": "*",
    "marts.role_countries": "*",
    "marts.role_employers": "*",
    "intermediate.int_posting_skills_extracted": "posting_key, skill, is_tagged, is_in_description, description_mentions",
    "intermediate.int_postings_classified": "* exclude (scraped_at)",
}


def _contents(db_path, table: str, columns: str) -> list[tuple]:
    con = duckdb.connect(str(db_path))
    try:
        return con.execute(f"select {columns} from {table} order by all").fetchall()
    finally:
        con.close()


def _build(raw_dir, db_path, target, *extra) -> None:
    # seeds and models only: the data tests run in the other e2e builds; here the contents matter
    result = dbt(["build", "--exclude", "test_type:data", "test_type:unit", *extra], db_path=db_path, raw_glob=str(raw_dir / "*.jsonl*"), target_path=target)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def test_stepwise_incremental_builds_equal_a_full_refresh(tmp_path):
    data = tmp_path / "data"
    generator.generate(data, seed=11, calibration="random", scale=0.3)
    batches = sorted((data / "raw").glob("batch_*.jsonl*"))
    assert len(batches) >= 6
    # land the batches in three steps: most history first, then two small late deliveries
    cut_1, cut_2 = int(len(batches) * 0.6), int(len(batches) * 0.85)
    steps = [batches[:cut_1], batches[cut_1:cut_2], batches[cut_2:]]

    landing = tmp_path / "landing"
    landing.mkdir()
    stepwise_db = tmp_path / "stepwise.duckdb"
    for step in steps:
        for path in step:
            shutil.copy(path, landing / path.name)
        _build(landing, stepwise_db, tmp_path / "target_stepwise")
    # a no-op build after the last step changes nothing either
    _build(landing, stepwise_db, tmp_path / "target_stepwise")

    full_db = tmp_path / "full.duckdb"
    _build(data / "raw", full_db, tmp_path / "target_full", "--full-refresh")

    for table, columns in COMPARED.items():
        stepwise, full = _contents(stepwise_db, table, columns), _contents(full_db, table, columns)
        assert len(stepwise) == len(full), table
        assert stepwise == full, f"{table} differs between stepwise incremental builds and a full refresh"

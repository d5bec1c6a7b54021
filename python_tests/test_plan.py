"""The build plan of `job-market build`: nothing, incremental or full refresh (no dbt runs here)."""

from __future__ import annotations

import os

from job_market import generator
from job_market.plan import INCREMENTAL_SELECTION, NEW_ROWS_ONLY_ENV, landing_fingerprint, plan_build, project_fingerprint
from job_market.project import WarehouseSettings

DB_FINGERPRINT = {"size": 1, "mtime_ns": 1, "wal": None}


def _settings(tmp_path) -> WarehouseSettings:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    (raw / "batch_1.jsonl").write_text('{"posting_id": "a"}\n')
    return WarehouseSettings(db_path=tmp_path / "w.duckdb", raw_glob=str(raw / "*.jsonl*"))


def _success(settings, args=()) -> dict:
    return {"build_id": "b1", "finished_at": "t", "project_fingerprint": project_fingerprint(settings, list(args)),
            "landing_fingerprint": landing_fingerprint(settings), "working_db_fingerprint": DB_FINGERPRINT}


def test_first_build_is_a_full_refresh(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, [], None, None, published_exists=False)
    assert plan.mode == "full" and plan.dbt_args[0] == "--full-refresh"
    # unit tests belong to development and CI (make test), not to the warehouse's builds
    assert plan.dbt_args == ("--full-refresh", "--exclude-resource-type", "unit_test")


def test_same_project_and_files_is_nothing_to_do(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, [], _success(settings), DB_FINGERPRINT, published_exists=True)
    assert plan.mode == "nothing" and plan.dbt_args == ()


def test_a_new_file_is_an_incremental_build_with_scoped_tests(tmp_path):
    settings = _settings(tmp_path)
    success = _success(settings)
    (tmp_path / "raw" / "batch_2.jsonl").write_text('{"posting_id": "b"}\n')
    plan = plan_build(settings, [], success, DB_FINGERPRINT, published_exists=True)
    assert plan.mode == "incremental"
    assert plan.dbt_args[: len(INCREMENTAL_SELECTION)] == INCREMENTAL_SELECTION
    assert dict(plan.env) == {NEW_ROWS_ONLY_ENV: "true"}


def test_a_rewritten_file_or_a_touched_warehouse_is_not_nothing(tmp_path):
    settings = _settings(tmp_path)
    success = _success(settings)
    path = tmp_path / "raw" / "batch_1.jsonl"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert plan_build(settings, [], success, DB_FINGERPRINT, published_exists=True).mode == "incremental"
    success = _success(settings)
    assert plan_build(settings, [], success, {"size": 2, "mtime_ns": 1, "wal": None},
                      published_exists=True).mode == "incremental"


def test_other_vars_or_an_unpublished_build_change_the_plan(tmp_path):
    settings = _settings(tmp_path)
    success = _success(settings)
    plan = plan_build(settings, ["--vars", "{top_n_skills: 20}"], success, DB_FINGERPRINT, published_exists=True)
    assert plan.mode == "full"
    assert plan_build(settings, [], success, DB_FINGERPRINT, published_exists=False).mode == "incremental"


def test_explicit_dbt_arguments_run_as_given(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, ["--select", "role_metrics"], _success(settings), DB_FINGERPRINT, published_exists=True)
    assert plan.mode == "explicit" and plan.dbt_args == ("--select", "role_metrics")


def test_generating_the_same_seed_again_rewrites_no_file(tmp_path):
    generator.generate(tmp_path / "out", seed=3, scale=0.05)
    raw = tmp_path / "out" / "raw"
    before = {p.name: p.stat().st_mtime_ns for p in raw.iterdir()}
    folder = raw.stat().st_mtime_ns
    generator.generate(tmp_path / "out", seed=3, scale=0.05)
    assert {p.name: p.stat().st_mtime_ns for p in raw.iterdir()} == before
    assert raw.stat().st_mtime_ns == folder
    generator.generate(tmp_path / "out", seed=4, scale=0.05)
    assert {p.name: p.stat().st_mtime_ns for p in raw.iterdir()} != before

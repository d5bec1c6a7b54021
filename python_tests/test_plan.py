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
    plan = plan_build(settings, [], None, None, published_build_id=None)
    assert plan.mode == "full" and plan.dbt_args[0] == "--full-refresh"
    # unit tests belong to development and CI (make test), not to the warehouse's builds
    assert plan.dbt_args == ("--full-refresh", "--exclude-resource-type", "unit_test")


def test_same_project_and_files_is_nothing_to_do(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, [], _success(settings), DB_FINGERPRINT, published_build_id="b1")
    assert plan.mode == "nothing" and plan.dbt_args == ()


def test_a_new_file_is_an_incremental_build_with_scoped_tests(tmp_path):
    settings = _settings(tmp_path)
    success = _success(settings)
    (tmp_path / "raw" / "batch_2.jsonl").write_text('{"posting_id": "b"}\n')
    plan = plan_build(settings, [], success, DB_FINGERPRINT, published_build_id="b1")
    assert plan.mode == "incremental"
    assert plan.dbt_args[: len(INCREMENTAL_SELECTION)] == INCREMENTAL_SELECTION
    assert dict(plan.env) == {NEW_ROWS_ONLY_ENV: "true"}


def test_a_rewritten_file_or_a_touched_warehouse_is_not_nothing(tmp_path):
    settings = _settings(tmp_path)
    success = _success(settings)
    path = tmp_path / "raw" / "batch_1.jsonl"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert plan_build(settings, [], success, DB_FINGERPRINT, published_build_id="b1").mode == "incremental"
    success = _success(settings)
    assert plan_build(settings, [], success, {"size": 2, "mtime_ns": 1, "wal": None},
                      published_build_id="b1").mode == "incremental"


def test_other_vars_change_the_plan(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, ["--vars", "{top_n_skills: 20}"], _success(settings), DB_FINGERPRINT,
                      published_build_id="b1")
    assert plan.mode == "full"


def test_an_unpublished_build_is_published_without_dbt(tmp_path):
    # its publish failed or was killed (the published file holds an older build, or none)
    settings = _settings(tmp_path)
    success = _success(settings)
    for published in ("b0", None):
        plan = plan_build(settings, [], success, DB_FINGERPRINT, published_build_id=published)
        assert plan.mode == "publish" and plan.dbt_args == ()
        assert plan.reason.endswith(f"the published marts are {'build b0' if published else 'no build'}")
    # a build with --no-publish does not care what is published
    assert plan_build(settings, [], success, DB_FINGERPRINT, published_build_id=None, publish=False).mode == "nothing"


def test_an_unpublished_build_behind_a_failed_one_is_rebuilt(tmp_path):
    # `job-market publish` refuses a record whose newest build failed, so publishing alone would
    # fail on every build: an incremental build brings the record back to a success
    settings = _settings(tmp_path)
    plan = plan_build(settings, [], _success(settings), DB_FINGERPRINT, published_build_id="b0",
                      last_build_succeeded=False)
    assert plan.mode == "incremental"
    assert plan.dbt_args[: len(INCREMENTAL_SELECTION)] == INCREMENTAL_SELECTION
    # nothing to publish either: nothing to do
    assert plan_build(settings, [], _success(settings), DB_FINGERPRINT, published_build_id="b1",
                      last_build_succeeded=False).mode == "nothing"


def test_explicit_dbt_arguments_run_as_given(tmp_path):
    settings = _settings(tmp_path)
    plan = plan_build(settings, ["--select", "role_metrics"], _success(settings), DB_FINGERPRINT,
                      published_build_id="b1")
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

"""The benchmark's hand-written baseline (bench/baseline.sql, then bench/baseline_history.sql for
the trend marts) builds the same marts as dbt, row for row: run on the generated data of the test
warehouses and compared with their marts the way `bench/run.py` verifies (compare_marts). A model
whose rules change without the baseline fails here, not only in the next benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from benchkit.commands import baseline_scripts, compare_marts, run_baseline  # noqa: E402
from benchkit.common import MARTS  # noqa: E402


def test_the_baseline_runs_its_history_script_after_the_main_one(tmp_path):
    assert [p.name for p in baseline_scripts(ROOT / "bench" / "baseline.sql")] == [
        "baseline.sql", "baseline_history.sql"]
    # an older project state (e.g. a --git-ref from before the trend marts) has baseline.sql alone
    (tmp_path / "baseline.sql").write_text("select 1;")
    assert baseline_scripts(tmp_path / "baseline.sql") == [tmp_path / "baseline.sql"]


def test_baseline_marts_equal_dbt_marts(any_warehouse, tmp_path):
    baseline_db = tmp_path / "baseline.duckdb"
    run_baseline(str(baseline_db), str(any_warehouse.data_dir / "raw" / "*.jsonl*"), str(ROOT / "seeds"),
                 threads=None, memory_limit=None)
    verify = compare_marts(any_warehouse.db_path, baseline_db)
    assert sorted(verify) == sorted(MARTS)
    different = {mart: v for mart, v in verify.items() if v.get("error") or v["only_in_dbt"] or v["only_in_baseline"]}
    assert not different
    assert all(v["rows"] > 0 for v in verify.values())

"""The loss budget: files that cannot be read count against it, and a build that stages nothing
usable never publishes. Through the real CLI (`job-market build`) in a child process, with its own
working and published files:

* a landing zone whose every file is unreadable (not gzip though named .gz, a directory, a link to
  nothing) fails the build with a one-line reason naming the failed test, and publishes nothing:
  files rejected are 100 % of what landed, far above the error threshold;
* with the threshold lifted (an operator who accepts any loss), the build still fails: no usable
  posting was staged, so there is nothing to publish (assert_int_postings_unioned_is_not_empty);
* one unreadable file among good ones is a warning, the rest builds and publishes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from job_market import generator
from job_market.project import PROJECT_DIR

pytestmark = pytest.mark.e2e

FAST = ["--exclude", "resource_type:unit_test", "test_type:generic"]  # singular tests run


def _build(base: Path, raw_glob: str, dbt_args: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.update(
        JOB_MARKET_DB=str(base / "working.duckdb"),
        JOB_MARKET_RAW=raw_glob,
        JOB_MARKET_PUBLISHED_DB=str(base / "published" / "job_market.duckdb"),
        DBT_PROFILES_DIR=str(PROJECT_DIR),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    args = [sys.executable, "-m", "job_market.cli", "build", *dbt_args,
            "--target-path", str(base / "target"), "--log-path", str(base / "target" / "logs")]
    return subprocess.run(args, env=env, cwd=base, capture_output=True, text=True, timeout=600)


def _unreadable_landing(raw: Path) -> None:
    raw.mkdir(parents=True)
    (raw / "a.jsonl.gz").write_text('{"posting_id": "1", "source": "s"}\n')  # not gzip
    (raw / "b.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00truncated")
    (raw / "c.jsonl").mkdir()
    (raw / "d.jsonl").symlink_to(raw / "never-landed.jsonl")


def _last_line(text: str) -> str:
    return [line for line in text.splitlines() if line.strip()][-1]


def test_every_file_unreadable_fails_the_build_and_publishes_nothing(tmp_path):
    _unreadable_landing(tmp_path / "raw")
    result = _build(tmp_path, str(tmp_path / "raw" / "*.jsonl*"), FAST)
    assert result.returncode != 0, result.stdout[-3000:]
    reason = _last_line(result.stderr)
    assert reason.startswith("job-market: dbt build failed (exit 1): assert_job_board_quarantined_share_is_low")
    assert "nothing published" in reason
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "published" / "job_market.duckdb").exists()

    con = duckdb.connect(str(tmp_path / "working.duckdb"), read_only=True)
    try:
        statuses = dict(con.execute(
            "select regexp_extract(source_file, '[^/]+$'), file_status from staging.base_job_board__posting_files"
        ).fetchall())
    finally:
        con.close()
    assert statuses == {"a.jsonl.gz": "unreadable", "b.jsonl.gz": "unreadable",
                        "c.jsonl": "not_a_file", "d.jsonl": "not_a_file"}


def test_no_usable_posting_fails_the_build_even_when_any_loss_is_accepted(tmp_path):
    _unreadable_landing(tmp_path / "raw")
    result = _build(tmp_path, str(tmp_path / "raw" / "*.jsonl*"),
                    [*FAST, "--vars", "{job_board_quarantined_share_error: 1.01}"])
    assert result.returncode != 0, result.stdout[-3000:]
    reason = _last_line(result.stderr)
    assert "assert_int_postings_unioned_is_not_empty" in reason and "nothing published" in reason
    assert "assert_job_board_quarantined_share_is_low" not in reason
    assert not (tmp_path / "published" / "job_market.duckdb").exists()


def test_one_unreadable_file_among_good_ones_warns_and_publishes(tmp_path):
    generator.generate(tmp_path / "data", seed=5, scale=0.02)
    raw = tmp_path / "data" / "raw"
    (raw / "zz_broken.jsonl.gz").write_text("not gzip\n")
    result = _build(tmp_path, str(raw / "*.jsonl*"), FAST)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert (tmp_path / "published" / "job_market.duckdb").exists()
    con = duckdb.connect(str(tmp_path / "published" / "job_market.duckdb"), read_only=True)
    try:
        assert con.execute("select sum(active_postings) from marts.role_metrics").fetchone()[0] > 0
    finally:
        con.close()

"""The `job-market report` command against a built warehouse, including hostile input."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.e2e


def run_cli(args: list[str], db_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, JOB_MARKET_DB=str(db_path))
    return subprocess.run(
        [sys.executable, "-m", "job_market.cli", *args], env=env, capture_output=True, text=True
    )


def test_report_prints_the_headline_table(article_warehouse):
    result = run_cli(["report"], article_warehouse.db_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "AI Engineer vs Machine Learning Engineer" in out
    assert "4,091" in out and "4,781" in out
    assert "$145,000 (n=680" in out and "$165,000 (n=1,087" in out
    assert "24 shared of 36" in out
    assert "LangChain" in out and "scikit-learn" in out


def test_report_rejects_unknown_and_hostile_roles(article_warehouse):
    hostile = "AI Engineer'; drop table marts.role_metrics; --"
    result = run_cli(["report", "--role-a", hostile], article_warehouse.db_path)
    assert result.returncode == 2
    assert "unknown role" in result.stderr
    # the value was a bound parameter, never SQL: the mart is still there
    assert article_warehouse.query("select count(*) as n from marts.role_metrics")[0]["n"] > 0


def test_report_on_a_missing_warehouse_says_so(tmp_path):
    result = run_cli(["report"], tmp_path / "nothing.duckdb")
    assert result.returncode == 2
    assert "no warehouse" in result.stderr


def test_report_refuses_the_same_role_twice(article_warehouse):
    result = run_cli(["report", "--role-a", "AI Engineer", "--role-b", "AI Engineer"], article_warehouse.db_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    # (the line before it, if any, says that nothing is published and the working file is read)
    assert result.stderr.strip().splitlines()[-1] == (
        "job-market: role A and role B are both 'AI Engineer': pick two different roles to compare")

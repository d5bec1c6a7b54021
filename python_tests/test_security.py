"""Security: no credentials in the repository, every connection setting from the environment with a
safe default, and values from the command line or the environment (raw paths, role names) never
pasted into SQL: hostile values either work as plain data or fail cleanly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import dbt
from job_market.project import PROJECT_DIR, WarehouseSettings
from job_market.report import ReportError, load_role_pair

# --- credentials ----------------------------------------------------------------------------------

SECRET_PATTERNS = {
    "AWS access key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "MotherDuck / JWT token": re.compile(r"\beyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}\."),
    # a quoted literal assigned to a secret-sounding name, or a bare YAML / env value
    "assigned secret": re.compile(
        r"""(?im)\b(password|passwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|token)\b["']?\s*[:=]\s*"""
        r"""(["'](?!\{\{|\$\{)[^"'\s]{8,}["']|[A-Za-z0-9/+_\-]{8,}\s*$)"""
    ),
    "credentials in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"]+:[^/\s@'\"]+@"),
}


def _repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=PROJECT_DIR, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    return [PROJECT_DIR / name for name in listed if (PROJECT_DIR / name).is_file()]


def test_no_credentials_in_the_repository():
    files = _repository_files()
    assert len(files) > 20
    findings = []
    for path in files:
        if path.stat().st_size > 5_000_000:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for name, pattern in SECRET_PATTERNS.items():
            for match in pattern.finditer(text):
                findings.append(f"{path.relative_to(PROJECT_DIR)}: {name}: {match.group(0)[:40]}")
    assert not findings, "\n".join(findings)


def test_secret_scanner_sees_a_planted_secret():
    # assembled at run time so this file itself holds no secret-looking literal
    planted = "\n".join([
        "pass" + 'word: "hunter2hunter2"',
        "api_key = " + "'" + "x" * 12 + "'",
        "aws = " + "AKIA" + "ABCDEFGHIJKLMNOP",
        "postgres" + "://user:" + "s3cret@db/x",
    ])
    hits = {name for name, pattern in SECRET_PATTERNS.items() if pattern.search(planted)}
    assert {"assigned secret", "AWS access key", "credentials in a URL"} <= hits
    harmless = "token = text_patterns.first_token\npath: \"{{ env_var('JOB_MARKET_DB', 'x.duckdb') }}\""
    assert not any(pattern.search(harmless) for pattern in SECRET_PATTERNS.values())


def test_every_connection_setting_comes_from_the_environment():
    text = (PROJECT_DIR / "profiles.yml").read_text()
    settings = re.findall(r"^\s+(path|threads|memory_limit|password|user|host|token|database):\s*(.+)$", text, re.M)
    assert {name for name, _ in settings} >= {"path", "threads", "memory_limit"}
    for name, value in settings:
        assert "env_var(" in value, f"profiles.yml {name} is not read from the environment: {value}"
        assert re.search(r"env_var\('[A-Z_]+',\s*'[^']+'\)", value), f"profiles.yml {name} has no default"
    sources = (PROJECT_DIR / "models/staging/job_board/_job_board__sources.yml").read_text()
    assert "env_var('JOB_MARKET_RAW', 'data/generated/raw/*.jsonl*')" in sources


# --- hostile values -------------------------------------------------------------------------------

HOSTILE_DIR = "raw it's $HOME %s {x}; select 42; --"


def _postings(prefix: str, n: int) -> str:
    return "".join(
        json.dumps({"posting_id": f"{prefix}-{i}", "source": "lever", "scraped_at": "2026-05-01T10:00:00Z",
                    "title": "Machine Learning Engineer", "description": "Python"}) + "\n"
        for i in range(n)
    )


STAGING = [
    "--select", "base_job_board__posting_files base_job_board__raw_lines base_job_board__observation_lines "
    "base_job_board__observations_parsed base_job_board__observations_cleaned base_job_board__observations "
    "stg_job_board__postings stg_job_board__quarantined_observations",
    "--indirect-selection", "cautious",
]


def test_hostile_raw_path_and_db_path_work_as_plain_paths(tmp_path):
    """A raw folder (and a DuckDB file) whose path holds a quote, $, %, braces, ; and -- is read
    like any other: the glob and file names reach SQL escaped, never as SQL."""
    hostile = tmp_path / HOSTILE_DIR
    hostile.mkdir()
    (hostile / "batch_1.jsonl").write_text(_postings("a", 3))
    (hostile / "batch 'two'; drop table x.jsonl").write_text(_postings("b", 2))
    # the directory is hostile; the file's stem stays plain: dbt-duckdb itself pastes the stem (its
    # catalog name) into its metadata queries, an upstream limitation
    db_path = hostile / "warehouse.duckdb"
    glob = str(hostile / "*.jsonl*")
    result = dbt(["build", *STAGING], db_path=db_path, raw_glob=glob, target_path=tmp_path / "target")
    assert result.returncode == 0, result.stdout[-5000:]
    con = duckdb.connect(str(db_path))
    try:
        ids = {r[0] for r in con.execute("select posting_id from staging.stg_job_board__postings").fetchall()}
        files = {Path(r[0]).name for r in con.execute(
            "select source_file from staging.base_job_board__posting_files where file_status = 'loaded'").fetchall()}
    finally:
        con.close()
    assert ids == {"a-0", "a-1", "a-2", "b-0", "b-1"}
    assert files == {"batch_1.jsonl", "batch 'two'; drop table x.jsonl"}
    freshness = dbt(["source", "freshness", "--select", "source:job_board"],
                    db_path=db_path, raw_glob=glob, target_path=tmp_path / "target")
    assert freshness.returncode == 0, freshness.stdout[-3000:]
    assert "PASS" in freshness.stdout


@pytest.mark.parametrize("relative, reason", [
    ("c#/warehouse.duckdb", "holds '#'"),
    ("what?/warehouse.duckdb", "holds '?'"),
    ("system.duckdb", "DuckDB names this file's catalog 'system_db'"),
    ("Temp.warehouse.duckdb", "DuckDB names this file's catalog 'Temp_db'"),
    ("o'brien.duckdb", "rename the file without '"),
    ('say "hi".duckdb', 'rename the file without "'),
])
def test_a_warehouse_path_dbt_duckdb_cannot_use_is_refused_before_dbt_runs(tmp_path, relative, reason):
    """dbt-duckdb derives the catalog name from JOB_MARKET_DB (reading it as a URL) and pastes it
    into SQL: these paths fail inside dbt with DuckDB's "is not a catalog or schema", "Cannot create
    schema in system catalog" or a parser error. `job-market build` names the problem instead,
    before dbt starts: nothing is created."""
    db_path = tmp_path / relative
    db_path.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, JOB_MARKET_DB=str(db_path), JOB_MARKET_RAW=str(tmp_path / "raw" / "*.jsonl"))
    result = subprocess.run([sys.executable, "-m", "job_market.cli", "build", "--no-publish"],
                            env=env, capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert reason in result.stderr
    assert "Running with dbt" not in result.stdout
    assert not db_path.exists()


@pytest.mark.parametrize("relative", [
    "my.warehouse.duckdb",              # catalog "my" for DuckDB and dbt-duckdb alike
    "raw it's $HOME/warehouse.duckdb",  # a quote in a folder is only a path (see the test above)
    "mains.duckdb",
])
def test_warehouse_paths_dbt_duckdb_can_use_pass_the_check(tmp_path, relative):
    settings = WarehouseSettings(db_path=tmp_path / relative, raw_glob="x")
    assert settings.dbt_path_problem() is None


def test_injection_attempt_in_the_raw_path_fails_cleanly(tmp_path):
    """A value written to break out of the string literal is only a glob that matches nothing: the
    landing check stops the build with that message, not a SQL syntax error, and nothing runs."""
    db_path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db_path))
    con.execute("create schema marts; create table marts.sentinel as select 1 as kept")
    con.close()
    glob = str(tmp_path / "nothing") + "*.jsonl'); drop table marts.sentinel; select ('"
    result = dbt(["run", "--select", "base_job_board__posting_files"],
                 db_path=db_path, raw_glob=glob, target_path=tmp_path / "target")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no raw file matches JOB_MARKET_RAW" in log
    assert "Parser Error" not in log and "syntax error" not in log.lower()
    con = duckdb.connect(str(db_path))
    try:
        assert con.execute("select kept from marts.sentinel").fetchone() == (1,)
    finally:
        con.close()


@pytest.mark.parametrize("role", [
    "AI Engineer'; drop table marts.role_metrics; --",
    "x' or '1'='1",
    "Robert\"); drop table marts.role_metrics; --",
])
def test_hostile_role_names_are_bound_parameters(tmp_path, role):
    db_path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db_path))
    con.execute("create schema marts; create table marts.role_metrics as select 'AI Engineer' as role")
    con.close()
    with pytest.raises(ReportError, match="unknown role"):
        load_role_pair(db_path, role, "AI Engineer")
    con = duckdb.connect(str(db_path))
    try:
        assert con.execute("select count(*) from marts.role_metrics").fetchone() == (1,)
    finally:
        con.close()

"""Incremental builds: landing the scrape batches a few at a time and running `job-market build`
after each step (full refresh first, then incremental builds that load only the new files and
process only the postings they touch) gives exactly the tables of one full refresh over all the
files. Late re-scrapes of old postings and a withdrawn file are handled too, and a build with
nothing new does not run dbt at all."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import dbt
from job_market import generator
from job_market.project import PROJECT_DIR

pytestmark = pytest.mark.e2e

# Tables compared with a full refresh; columns that record *when* a row was processed are left out.
COMPARED = {
    "staging.base_job_board__observations": "* exclude (loaded_at)",
    "staging.stg_job_board__postings": "* exclude (staged_at, observation_loaded_at)",
    "staging.stg_job_board__posting_descriptions": "* exclude (staged_at)",
    "staging.stg_job_board__quarantined_observations": "* exclude (quarantined_at)",
    "intermediate.int_postings_classified": "* exclude (staged_at)",
    "intermediate.int_posting_skills_extracted": "* exclude (staged_at)",
    "intermediate.int_posting_arrangements_exploded": "* exclude (staged_at)",
    "intermediate.int_titles_classified": "*",
    "intermediate.int_seniorities_classified": "*",
    "intermediate.int_locations_parsed": "*",
    "intermediate.int_posting_versions_derived": "* exclude (staged_at)",
    "marts.role_metrics": "*",
    "marts.role_skill_shares": "*",
    "marts.role_skill_premiums": "*",
    "marts.role_pair_overlap": "*",
    "marts.role_pair_exclusive_skills": "*",
    "marts.role_pair_comparison": "*",
    "marts.role_monthly_postings": "*",
    "marts.role_countries": "*",
    "marts.role_employers": "*",
    "marts.role_weekly_open_postings": "*",
    "marts.role_skill_monthly_demand": "*",
    "marts.role_skill_movers": "*",
}


def _contents(db_path, table: str, columns: str) -> list[tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(f"select {columns} from {table} order by all").fetchall()
    finally:
        con.close()


def _job_market_build(landing, db_path, work) -> subprocess.CompletedProcess:
    """`job-market build --no-publish` as a user runs it (the build plan decides the mode)."""
    env = dict(os.environ)
    env.update(
        JOB_MARKET_DB=str(db_path),
        JOB_MARKET_RAW=str(landing / "*.jsonl*"),
        DBT_TARGET_PATH=str(work / "target"),
        DBT_LOG_PATH=str(work / "logs"),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    result = subprocess.run(
        [str(Path(sys.executable).with_name("job-market")), "build", "--no-publish"],
        env=env, cwd=PROJECT_DIR, capture_output=True, text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return result


def _mode(db_path) -> str:
    record = json.loads((db_path.parent / (db_path.name + ".last_build.json")).read_text())
    return record["last_success"]["mode"]


def _full_refresh(landing, db_path, target) -> None:
    result = dbt(["build", "--full-refresh", "--exclude-resource-type", "unit_test", "--exclude", "test_type:data"],
                 db_path=db_path, raw_glob=str(landing / "*.jsonl*"), target_path=target)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]


def _assert_same_as_full_refresh(stepwise_db, landing, tmp_path, label: str) -> None:
    full_db = tmp_path / f"full_{label}.duckdb"
    _full_refresh(landing, full_db, tmp_path / f"target_full_{label}")
    for table, columns in COMPARED.items():
        stepwise, full = _contents(stepwise_db, table, columns), _contents(full_db, table, columns)
        assert len(stepwise) == len(full), f"{label}: {table} has {len(stepwise)} rows, full refresh {len(full)}"
        assert stepwise == full, f"{label}: {table} differs between incremental builds and a full refresh"


def _late_rescrapes(batches, out_path, count: int = 40, stale: int = 10) -> tuple[set[str], set[str]]:
    """A late batch re-scraping `count` postings of the first batch. Most are newer (another title
    and salary, one closed); the last `stale` are older than anything seen (a scraper's backlog
    delivered late), so their earlier observation stays the latest. Returns the posting ids of
    both groups."""
    with gzip.open(batches[0], "rt", encoding="utf-8") if batches[0].suffix == ".gz" else open(
            batches[0], encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle if line.strip()]
    picked, newer, older = [], set(), set()
    for obs in lines:
        if obs["posting_id"] in newer | older:
            continue
        if len(picked) < count - stale:
            newer.add(obs["posting_id"])
            obs = dict(obs, scraped_at="2026-11-20T08:00:00Z", title="Senior Machine Learning Engineer",
                       salary="$150,000 - $190,000 a year", description="Python, PyTorch and Kubernetes.")
            if len(picked) == 0:
                obs["status"] = "closed"
        else:
            older.add(obs["posting_id"])
            obs = dict(obs, scraped_at="2020-01-01T08:00:00Z", title="Stale Backlog Title")
        picked.append(obs)
        if len(picked) == count:
            break
    out_path.write_text("".join(json.dumps(o) + "\n" for o in picked), encoding="utf-8")
    return newer, older


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
    work = tmp_path / "work"
    modes = []
    for step in steps:
        for path in step:
            shutil.copy2(path, landing / path.name)
        _job_market_build(landing, stepwise_db, work)
        modes.append(_mode(stepwise_db))
    assert modes == ["full", "incremental", "incremental"]

    # nothing new: dbt does not run, nothing changes
    result = _job_market_build(landing, stepwise_db, work)
    assert "nothing new" in result.stdout and "dbt not run" in result.stdout

    con = duckdb.connect(str(stepwise_db), read_only=True)
    try:
        loads = con.execute(
            "select count(distinct loaded_at) from staging.base_job_board__observations").fetchone()[0]
    finally:
        con.close()
    assert loads == 3, "each file is loaded once, in the build after it landed"
    _assert_same_as_full_refresh(stepwise_db, landing, tmp_path, "steps")

    # late re-scrapes of old postings: newer ones are staged again and win over their older
    # observations; older ones (a late backlog) are staged again but keep their earlier latest
    # observation, which comes from an earlier load
    rescraped, backlog = _late_rescrapes(steps[0], landing / "batch_2026-11-20_999.jsonl")
    _job_market_build(landing, stepwise_db, work)
    assert _mode(stepwise_db) == "incremental"
    con = duckdb.connect(str(stepwise_db), read_only=True)
    try:
        titles = con.execute(
            "select distinct title from staging.stg_job_board__postings where posting_id in (select unnest(?))",
            [sorted(rescraped)],
        ).fetchall()
        backlog_rows = con.execute(
            "select count(*), count(*) filter (where title = 'Stale Backlog Title'), min(observation_count),"
            " count(*) filter (where staged_at = (select max(staged_at) from staging.stg_job_board__postings))"
            " from staging.stg_job_board__postings where posting_id in (select unnest(?))",
            [sorted(backlog)],
        ).fetchone()
    finally:
        con.close()
    assert titles == [("Senior Machine Learning Engineer",)]
    assert backlog_rows == (len(backlog), 0, 2, len(backlog)), backlog_rows
    _assert_same_as_full_refresh(stepwise_db, landing, tmp_path, "rescrapes")

    # a withdrawn file: everything is loaded again and its postings leave
    (landing / steps[1][0].name).unlink()
    _job_market_build(landing, stepwise_db, work)
    _assert_same_as_full_refresh(stepwise_db, landing, tmp_path, "withdrawn")


def test_incremental_build_tests_only_new_rows(tmp_path):
    """The generic tests of an incremental build read the rows it processed; a full build all."""
    data = tmp_path / "data"
    generator.generate(data, seed=5, calibration="random", scale=0.1)
    batches = sorted((data / "raw").glob("batch_*.jsonl*"))
    landing = tmp_path / "landing"
    landing.mkdir()
    for path in batches[:-1]:
        shutil.copy2(path, landing / path.name)
    db = tmp_path / "w.duckdb"
    work = tmp_path / "work"
    _job_market_build(landing, db, work)
    shutil.copy2(batches[-1], landing / batches[-1].name)
    _job_market_build(landing, db, work)
    compiled = next((work / "target" / "compiled").rglob("unique_stg_job_board__postings_posting_key.sql"))
    sql = compiled.read_text()
    assert "where staged_at >= cast(" in sql, sql
    run_results = json.loads((work / "target" / "run_results.json").read_text())
    ids = {r["unique_id"] for r in run_results["results"]}
    assert not any(i.startswith("unit_test.") for i in ids)
    assert not any(i.startswith("seed.") for i in ids)
    assert any(i.startswith("test.") and "stg_job_board__postings" in i for i in ids)


def test_full_refresh_checks_unchanged_files_again(tmp_path):
    """The landing check keeps the results of files whose path, size and modification time did not
    change; a full refresh reads every file again. A file rewritten in place with the same size
    and time (one line's byte made invalid UTF-8) shows the difference."""
    landing = tmp_path / "landing"
    landing.mkdir()
    lines = [json.dumps({"posting_id": str(i), "source": "linkedin", "scraped_at": "2026-05-01T08:00:00Z",
                         "title": "Data Engineer xx"}) for i in range(3)]
    path = landing / "batch_2026-05-01_001.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    db, target = tmp_path / "w.duckdb", tmp_path / "target"

    def check(*flags: str) -> tuple:
        result = dbt(["run", "--select", "base_job_board__posting_files", *flags],
                     db_path=db, raw_glob=str(landing / "*.jsonl*"), target_path=target)
        assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(
                "select accepted_line_count, rejected_line_count, "
                "[r.reject_reason for r in coalesce(rejected_lines, [])] "
                "from staging.base_job_board__posting_files"
            ).fetchone()
        finally:
            con.close()

    assert check() == (3, 0, [])
    stat = path.stat()
    data = bytearray(path.read_bytes())
    second = data.index(b"xx", data.index(b"\n"))  # in line 2
    data[second] = 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns

    assert check() == (3, 0, [])  # same path, size and time: the previous result is kept
    assert check("--full-refresh") == (2, 1, ["invalid_encoding"])


def test_changed_rules_reprocess_every_posting_in_a_plain_dbt_build(tmp_path):
    """The rules a per-posting model was computed with are fingerprinted (int_rules_fingerprints);
    a plain incremental `dbt build` after a rule changed (here the plausible-salary ceiling, a var
    of the posting_classification rule set) processes every posting again, so the table equals a
    full refresh under the new rule. Nothing in the landed files changed, so only the fingerprint
    can trigger it."""
    data = tmp_path / "data"
    generator.generate(data, seed=7, calibration="random", scale=0.1)
    raw_glob = str(data / "raw" / "*.jsonl*")
    db, target = tmp_path / "rules.duckdb", tmp_path / "target"
    lower_ceiling = ["--vars", "{plausible_salary_usd_annual_max: 120000}"]
    table, columns = "intermediate.int_postings_classified", COMPARED["intermediate.int_postings_classified"]

    def run(args: list[str], db_path=db, target_path=target) -> None:
        result = dbt(["build", "--exclude-resource-type", "unit_test", "--exclude", "test_type:data", *args],
                     db_path=db_path, raw_glob=raw_glob, target_path=target_path)
        assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]

    run(["--full-refresh"])
    before = _contents(db, table, columns)
    run(lower_ceiling)  # incremental: no new posting, but the rule changed
    full_db = tmp_path / "full.duckdb"
    run(["--full-refresh", *lower_ceiling], db_path=full_db, target_path=tmp_path / "target_full")
    after, full = _contents(db, table, columns), _contents(full_db, table, columns)
    assert after == full, "an incremental build after a rule change equals a full refresh under the new rule"
    assert after != before, "the lower salary ceiling changes some postings' salary flags"

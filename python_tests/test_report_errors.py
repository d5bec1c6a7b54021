"""`job-market report` on questions the marts cannot answer: one line on stderr and exit 2, never a
traceback. Fast: hand-made DuckDB files stand in for the marts (no dbt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from job_market import cli


def _marts(path: Path, roles: list[str], pairs: list[tuple[str, str]]) -> Path:
    """A file with marts.role_metrics (the roles) and marts.role_pair_comparison (the pairs)."""
    con = duckdb.connect(str(path))
    try:
        con.execute("create schema marts")
        con.execute("create table marts.role_metrics as select unnest(?::varchar[]) as role", [roles])
        con.execute("create table marts.role_pair_comparison (role_a varchar, role_b varchar)")
        for pair in pairs:
            con.execute("insert into marts.role_pair_comparison values (?, ?)", list(pair))
    finally:
        con.close()
    return path


def report(capsys, db: Path, role_a: str = "AI Engineer", role_b: str = "Data Scientist") -> tuple[int, str]:
    """Exit code and stderr of `job-market report --db DB --role-a A --role-b B`; stderr must be one line."""
    code = cli.main(["report", "--role-a", role_a, "--role-b", role_b, "--db", str(db)])
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    return code, err


def test_the_same_role_twice_is_refused(tmp_path, capsys):
    db = _marts(tmp_path / "w.duckdb", ["AI Engineer", "Data Scientist"], [])
    code, err = report(capsys, db, "AI Engineer", "AI Engineer")
    assert code == 2 and "two different roles" in err


def test_a_pair_missing_from_role_pair_comparison_is_named(tmp_path, capsys):
    # both roles are in role_metrics, but the comparison mart has no row for them (marts built at
    # different times, e.g. a partial build published with --force)
    db = _marts(tmp_path / "w.duckdb", ["AI Engineer", "Data Scientist"], [("Data Scientist", "AI Engineer")])
    code, err = report(capsys, db)
    assert code == 2 and "no row for 'AI Engineer' vs 'Data Scientist'" in err


def test_marts_without_roles_say_so(tmp_path, capsys):
    code, err = report(capsys, _marts(tmp_path / "w.duckdb", [], []))
    assert code == 2 and "no roles with active postings" in err


def test_a_file_without_marts_is_named(tmp_path, capsys):
    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()
    code, err = report(capsys, db)
    assert code == 2 and f"cannot read the marts of {db}" in err and "role_metrics" in err


def test_a_file_that_is_not_duckdb_is_named(tmp_path, capsys):
    db = tmp_path / "notes.duckdb"
    db.write_text("not a database\n")
    code, err = report(capsys, db)
    assert code == 2 and f"cannot open {db} read-only" in err


def test_a_file_locked_by_a_writer_is_named(tmp_path, capsys):
    # e.g. nothing is published yet, and the report falls back to the working file while dbt builds it
    db = _marts(tmp_path / "w.duckdb", ["AI Engineer", "Data Scientist"], [])
    writer = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('open', flush=True); "
         "sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "open"
        code, err = report(capsys, db)
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)
    assert code == 2 and f"cannot open {db} read-only" in err and "lock" in err

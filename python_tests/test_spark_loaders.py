"""The Spark side of the loaders (issue #17): JOB_MARKET_TARGET in the CLI, the copy of the Spark
marts for the report, and (with Spark installed and JOB_MARKET_SPARK_TESTS=1, ~4 min) the SQL
landing check on Spark against the DuckDB one over a corpus of awkward files.

The Spark run reads its tables back as Parquet with DuckDB (Spark writes `<schema>.db/<table>/`),
so no second Spark session is needed.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import duckdb
import pytest

from conftest import dbt
from job_market import cli, spark_build
from job_market.project import WarehouseSettings


def test_unknown_target_is_refused(monkeypatch, capsys):
    monkeypatch.setenv("JOB_MARKET_TARGET", "oracle")
    assert cli.main(["build"]) == 2
    assert "JOB_MARKET_TARGET='oracle'" in capsys.readouterr().err


def test_spark_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("JOB_MARKET_TARGET", "spark")
    monkeypatch.setenv("JOB_MARKET_SPARK_WAREHOUSE", str(tmp_path / "sw"))
    monkeypatch.delenv("SPARK_LOCAL_IP", raising=False)
    settings = WarehouseSettings.from_env()
    assert settings.target == "spark" and settings.target_problem() is None
    env = settings.env()
    assert env["JOB_MARKET_SPARK_WAREHOUSE"] == str(tmp_path / "sw")
    assert env["SPARK_LOCAL_IP"] == "127.0.0.1"
    assert spark_build.marts_copy_path(settings) == tmp_path / "sw.marts.duckdb"


def test_copy_marts(tmp_path):
    settings = WarehouseSettings(db_path=tmp_path / "w.duckdb", raw_glob="x", target="spark",
                                 spark_warehouse=tmp_path / "spark")
    with pytest.raises(RuntimeError, match="no Spark marts"):
        spark_build.copy_marts(settings)
    con = duckdb.connect()
    for table, rows in (("role_metrics", 3), ("role_pair_overlap", 5)):
        folder = tmp_path / "spark" / "marts.db" / table
        folder.mkdir(parents=True)
        con.execute(f"copy (select range as n, 'it''s' as label from range({rows})) "
                    f"to '{folder / 'part-00000.snappy.parquet'}' (format parquet)")
    (tmp_path / "spark" / "marts.db" / "no_parquet_yet").mkdir()
    path = spark_build.copy_marts(settings)
    copy = duckdb.connect(str(path), read_only=True)
    try:
        tables = copy.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()
        assert tables == [("role_metrics",), ("role_pair_overlap",)]
        assert copy.execute("select count(*), max(label) from marts.role_pair_overlap").fetchone() == (5, "it's")
    finally:
        copy.close()
    assert not path.with_name(path.name + ".partial").exists()


# --- the landing check on both engines ----------------------------------------------------------

GOOD = '{"posting_id": "%s", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", "title": "AI Engineer"}'
MAX_LINE_BYTES = 400

CORPUS = {
    "clean.jsonl": ("\n".join(GOOD % f"c-{i}" for i in range(5)) + "\n").encode(),
    "clean.jsonl.gz": gzip.compress(("\n".join(GOOD % f"g-{i}" for i in range(4)) + "\n").encode(), mtime=0),
    "bom_crlf.jsonl": b"\xef\xbb\xbf" + "\r\n".join([GOOD % "b-1", "", GOOD % "b-3"]).encode() + b"\r\n",
    "mixed_ends.jsonl": (GOOD % "m-1" + "\r\n" + GOOD % "m-2" + "\n" + GOOD % "m-3").encode(),
    "lone_cr.jsonl": (GOOD % "cr-1" + "\r\n").encode()
    + b'{"posting_id": "cr-2", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", "title": "ML\rEngineer"}\n',
    "bad_lines.jsonl": b"\n".join([(GOOD % "e-1").encode(), b'{"posting_id": "e-2", "title": "Ing\xe9nieur"}',
                                   b'{"posting_id": "e-3", "title": "ML\x00x"}', b"x" * (MAX_LINE_BYTES + 1),
                                   (GOOD % "e-5").encode()]) + b"\n",
    "not_gzip.jsonl.gz": (GOOD % "n-1" + "\n").encode(),
    "truncated.jsonl.gz": gzip.compress(("\n".join(GOOD % f"t-{i}" for i in range(200)) + "\n").encode())[:300],
    "empty.jsonl.gz": gzip.compress(b"", mtime=0),
    "json_edges.jsonl": "\n".join(['{"posting_id": "j-1"} and then some', '[1, 2]', (GOOD % "j-3").replace('"AI Engineer"', "null"),
                                   GOOD % "j-4"]).encode() + b"\n",
}
# what only DuckDB's check can see or says differently (docs/spark_port.md, "Loaders on Spark")
ENGINE_COLUMNS = ("read_error", "read_path", "landing_note")


def _rows(con, sql: str) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in con.execute(sql).fetchall())


@pytest.mark.skipif(os.environ.get("JOB_MARKET_SPARK_TESTS") != "1", reason="set JOB_MARKET_SPARK_TESTS=1 (needs make setup-spark)")
def test_spark_landing_check_matches_duckdb(tmp_path):
    pytest.importorskip("pyspark")
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in CORPUS.items():
        (raw / name).write_bytes(data)
    select = ["--select", "+base_job_board__observations", "+stg_job_board__quarantined_observations",
              "--vars", f"{{job_board_max_line_bytes: {MAX_LINE_BYTES}}}"]
    glob = str(raw / "*.jsonl*")
    duck = dbt(["run", *select], db_path=tmp_path / "w.duckdb", raw_glob=glob, target_path=tmp_path / "t1")
    assert duck.returncode == 0, (duck.stdout + duck.stderr)[-4000:]
    spark_dir = tmp_path / "spark"
    spark = dbt(["run", "--target", "spark", *select], db_path=tmp_path / "unused.duckdb", raw_glob=glob,
                target_path=tmp_path / "t2",
                extra_env={"JOB_MARKET_SPARK_WAREHOUSE": str(spark_dir), "SPARK_LOCAL_IP": "127.0.0.1"})
    assert spark.returncode == 0, (spark.stdout + spark.stderr)[-4000:]

    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    files = "select source_file, file_size_bytes, file_modified_at, file_status, line_count, accepted_line_count, " \
            "rejected_line_count, cast(rejected_lines as varchar) from {}"
    lines = "select source_file, line_number, quarantine_reason, posting_id, title, raw_line from {}"
    parquet = "read_parquet('{}/staging.db/{}/*.parquet')"
    assert _rows(con, files.format("staging.base_job_board__posting_files")) == _rows(
        con, files.format(parquet.format(spark_dir, "base_job_board__posting_files")))
    duck_lines = _rows(con, lines.format("staging.base_job_board__observations"))
    assert duck_lines == _rows(con, lines.format(parquet.format(spark_dir, "base_job_board__observations")))
    # the corpus is read as the landing check promises (true line numbers, reasons)
    reasons = {(Path(f).name, int(n)): r for f, n, r, *_ in duck_lines if r != "None"}
    assert reasons[("bad_lines.jsonl", 2)] == "invalid_encoding"
    assert reasons[("bad_lines.jsonl", 3)] == "nul_byte"
    assert reasons[("bad_lines.jsonl", 4)] == "line_too_long"
    assert reasons[("bom_crlf.jsonl", 2)] == "blank_line"
    assert reasons[("json_edges.jsonl", 1)] == "invalid_json"
    assert reasons[("json_edges.jsonl", 2)] == "not_a_json_object"
    assert reasons[("json_edges.jsonl", 3)] == "missing_title"
    statuses = {Path(row[0]).name: row[3] for row in _rows(con, files.format("staging.base_job_board__posting_files"))}
    assert statuses["not_gzip.jsonl.gz"] == statuses["truncated.jsonl.gz"] == "unreadable"
    assert statuses["empty.jsonl.gz"] == "empty"
    assert statuses["lone_cr.jsonl"] == statuses["mixed_ends.jsonl"] == "loaded"
    con.close()

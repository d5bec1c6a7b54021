"""The engine-parity comparison (job_market.parity) itself: what it accepts as equal and what it
reports, on small marts written the way dbt-spark lays them out (Parquet under marts.db/<table>/)."""

from __future__ import annotations

import duckdb
import pytest

from job_market import parity, spark_build

ROWS = [
    ("AI Engineer", "Python", 120, 0.5123456789012, 150000.5),
    ("AI Engineer", "PyTorch", 80, 0.3333333333333, 160000.0),
    ("Machine Learning Engineer", "Python", 200, 0.7, None),
]


def _warehouses(tmp_path, spark_rows):
    db = tmp_path / "built.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    schema = "role varchar, skill varchar, postings bigint, share double, median_salary_usd double"
    con.execute(f"create table marts.role_skill_shares ({schema})")
    con.executemany("insert into marts.role_skill_shares values (?, ?, ?, ?, ?)", ROWS)
    con.close()
    spark = tmp_path / "spark"
    folder = spark_build.mart_folder(spark, "role_skill_shares")
    folder.mkdir(parents=True)
    con = duckdb.connect()
    con.execute(f"create table t ({schema})")
    if spark_rows:
        con.executemany("insert into t values (?, ?, ?, ?, ?)", spark_rows)
    con.execute(f"copy t to '{folder}/part-00000.snappy.parquet' (format parquet)")
    con.close()
    return db, spark


def _changed(index, column, value):
    rows = [list(r) for r in ROWS]
    rows[index][column] = value
    return [tuple(r) for r in rows]


def test_equal_marts_in_another_row_order_and_within_tolerance(tmp_path):
    rows = list(reversed(_changed(0, 3, ROWS[0][3] + 1e-12)))
    marts, differences = parity.compare(*_warehouses(tmp_path, rows))
    assert marts == ["role_skill_shares"] and differences == []


@pytest.mark.parametrize(("rows", "expected"), [
    (_changed(0, 3, ROWS[0][3] + 1e-6), "share"),  # a share off by more than 1e-9
    (_changed(0, 4, 150000.5 + 1e-9), "median_salary_usd"),  # medians are exact
    (_changed(1, 2, 81), "postings"),  # counts are exact
    (_changed(2, 4, 1.0), "median_salary_usd"),  # null against a value
    (ROWS[:2], "3 rows on DuckDB, 2 on Spark"),
    (_changed(1, 1, "Torch"), "postings"),  # another top-N set: rows pair up differently
])
def test_differences_are_reported(tmp_path, rows, expected):
    _, differences = parity.compare(*_warehouses(tmp_path, rows))
    assert len(differences) == 1 and expected in str(differences[0]), differences


def test_a_mart_missing_on_spark_is_a_difference(tmp_path):
    db, spark = _warehouses(tmp_path, ROWS)
    for part in spark_build.mart_folder(spark, "role_skill_shares").iterdir():
        part.unlink()
    _, differences = parity.compare(db, spark)
    assert "no Parquet files" in str(differences[0])

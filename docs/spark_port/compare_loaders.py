"""Compare the loaders' rows of a DuckDB build and a Spark build of the same raw files, as text
(the way map_models.py compares), every column but the run's clock and engine hashes.

    python docs/spark_port/compare_loaders.py WAREHOUSE.duckdb SPARK_WAREHOUSE_DIR [RELATION ...]

The Spark side is read through a PySpark session on the Spark warehouse's metastore (views such
as base_job_board__raw_lines included), so run it with no dbt-spark build running there.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import duckdb

RELATIONS = sys.argv[3:] or [
    "staging.base_job_board__posting_files",
    "staging.base_job_board__raw_lines",
    "staging.base_job_board__observation_lines",
    "staging.base_job_board__observations",
    "staging.stg_job_board__quarantined_observations",
]
VOLATILE = {"loaded_at", "staged_at", "observation_loaded_at", "quarantined_at", "rules_hash", "taxonomy_hash",
            "observation_hash"}


def as_text(value) -> str:
    if value is None:
        return "<null>"
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "asDict"):  # a Spark Row (a tuple too): as a struct
        return as_text(value.asDict())
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(as_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {as_text(v)}" for k, v in value.items()) + "}"
    if hasattr(value, "isoformat"):
        return str(value)
    return str(value)


def main() -> None:
    duck_path, spark_dir = sys.argv[1], Path(sys.argv[2]).absolute()
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.warehouse.dir", str(spark_dir))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={spark_dir}")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false")
        .enableHiveSupport()
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    duck = duckdb.connect(duck_path, read_only=True)
    for relation in RELATIONS:
        duck_cols = [r[0] for r in duck.execute(f"describe {relation}").fetchall()]
        spark_cols = spark.table(relation).columns
        cols = [c for c in duck_cols if c in spark_cols and c not in VOLATILE]
        only = sorted(set(duck_cols) ^ set(spark_cols))
        select = ", ".join(cols)
        duck_rows = Counter(tuple(as_text(v) for v in row) for row in duck.execute(f"select {select} from {relation}").fetchall())
        spark_rows = Counter(tuple(as_text(v) for v in row) for row in spark.sql(f"select {select} from {relation}").collect())
        equal = sum((duck_rows & spark_rows).values())
        print(f"{relation}: duckdb {sum(duck_rows.values()):,} rows, spark {sum(spark_rows.values()):,}, "
              f"equal {equal:,} on {len(cols)} columns" + (f" (in one engine only: {only})" if only else ""))
        duck_only, spark_only = duck_rows - spark_rows, spark_rows - duck_rows
        spark_by_key = {row[:2]: row for row in spark_only}
        for row in list(duck_only)[:12]:
            other = spark_by_key.pop(row[:2], None)
            if other is None:
                print(f"  duckdb only: {dict(zip(cols[:2], row[:2]))}")
                continue
            differing = {c: (a[:150], b[:150]) for c, a, b in zip(cols, row, other) if a != b}
            print(f"  {dict(zip(cols[:2], row[:2]))}: (duckdb, spark) {differing}")
        for key in list(spark_by_key)[:6]:
            print(f"  spark only: {dict(zip(cols[:2], key))}")
    spark.stop()


if __name__ == "__main__":
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    main()

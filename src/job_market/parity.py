"""Engine parity: the marts a Spark build wrote (Parquet under the Spark warehouse folder) equal the
marts of a DuckDB build of the same data.

Every table of the DuckDB file's `marts` schema is compared with `<spark_warehouse>/marts.db/<table>/`
(read with DuckDB's Parquet reader): the same columns, the same number of rows, and row for row the
same values. Text, integer, boolean and date values must be equal; so must medians (both engines
compute the exact median, so a column named `*median*` is compared exactly); every other
floating-point value (shares, Jaccard, means) may differ by at most 1e-9. Rows are matched after
sorting on their exact columns, then on their floating-point columns rounded to 9 decimals, so
the same top-N sets compare equal whatever order an engine produced them in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import duckdb

from job_market.spark_build import mart_folder

TOLERANCE = 1e-9
FLOAT_TYPES = ("DOUBLE", "FLOAT", "REAL", "DECIMAL")


@dataclass(frozen=True)
class MartDifference:
    mart: str
    problem: str

    def __str__(self) -> str:
        return f"marts.{self.mart}: {self.problem}"


def _is_float(data_type: str) -> bool:
    return data_type.upper().startswith(FLOAT_TYPES)


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    return {name: str(data_type) for name, data_type, *_ in con.execute(f"describe select * from {relation}").fetchall()}


def _sorted_rows(con, relation: str, exact: list[str], floats: list[str]) -> list[tuple]:
    order = [f'"{c}"' for c in exact] + [f'round("{c}", 9)' for c in floats]
    select = ", ".join(f'"{c}"' for c in exact + floats)
    return con.execute(f"select {select} from {relation} order by {', '.join(order) or '1'} nulls first").fetchall()


def _values_differ(a, b, exact: bool) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    if exact:
        return a != b
    a, b = float(a), float(b)  # an engine may type a share DECIMAL where the other has DOUBLE
    if math.isnan(a) or math.isnan(b):
        return not (math.isnan(a) and math.isnan(b))
    return abs(a - b) > TOLERANCE


def compare_mart(con, mart: str, duckdb_relation: str, spark_relation: str) -> list[MartDifference]:
    """The differences between one mart's DuckDB table and its Spark Parquet files."""
    left, right = _columns(con, duckdb_relation), _columns(con, spark_relation)
    if set(left) != set(right):
        return [MartDifference(mart, f"columns differ: only DuckDB {sorted(set(left) - set(right))}, "
                                     f"only Spark {sorted(set(right) - set(left))}")]
    floats = [c for c in left if _is_float(left[c]) and "median" not in c]
    exact = [c for c in left if c not in floats]
    rows_left, rows_right = (_sorted_rows(con, r, exact, floats) for r in (duckdb_relation, spark_relation))
    if len(rows_left) != len(rows_right):
        return [MartDifference(mart, f"{len(rows_left)} rows on DuckDB, {len(rows_right)} on Spark")]
    columns = exact + floats
    for row_left, row_right in zip(rows_left, rows_right):
        for i, column in enumerate(columns):
            if _values_differ(row_left[i], row_right[i], column in exact):
                key = dict(zip(exact, row_left))
                return [MartDifference(mart, f"{column}: DuckDB {row_left[i]!r}, Spark {row_right[i]!r} (row {key})")]
    return []


def compare(duckdb_path: Path, spark_warehouse: Path) -> tuple[list[str], list[MartDifference]]:
    """(marts compared, differences) between a DuckDB warehouse file and a Spark warehouse folder."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{duckdb_path}' as built (read_only)")
        marts = [name for (name,) in con.execute(
            "select table_name from duckdb_tables() where database_name = 'built' and schema_name = 'marts'"
            " order by table_name").fetchall()]
        differences = []
        for mart in marts:
            folder = mart_folder(spark_warehouse, mart)
            if not any(folder.glob("*.parquet")):
                differences.append(MartDifference(mart, f"no Parquet files in {folder}"))
                continue
            spark_relation = f"read_parquet('{folder}/*.parquet')"
            differences += compare_mart(con, mart, f"built.marts.{mart}", spark_relation)
        return marts, differences
    finally:
        con.close()


def parity_command(duckdb_path: Path, spark_warehouse: Path) -> int:
    """`job-market parity`: print one line per mart; exit 1 when any mart differs."""
    marts, differences = compare(duckdb_path, spark_warehouse)
    if not marts:
        print(f"job-market parity: no marts in {duckdb_path}")
        return 1
    differing = {d.mart for d in differences}
    for mart in marts:
        print(f"  marts.{mart:<30} {'DIFFERS' if mart in differing else 'equal'}")
    for difference in differences:
        print(f"job-market parity: {difference}")
    print(f"job-market parity: {len(marts) - len(differing)} of {len(marts)} marts equal on DuckDB and Spark")
    return 1 if differences else 0

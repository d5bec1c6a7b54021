"""`JOB_MARKET_TARGET=spark job-market build | run`: the build on Apache Spark (dbt-spark's session
method, local PySpark; `make setup-spark` installs it, profiles.yml target `spark`).

dbt writes every table as Parquet under JOB_MARKET_SPARK_WAREHOUSE (`<schema>.db/<table>/`), which
any Parquet reader opens. After a build whose every model and test passed, the marts are copied
into a DuckDB file beside that folder (`<folder>.marts.duckdb`, written aside and renamed into
place, so a reader never sees half of it); `job-market report --db` and `job-market run` read it
like the DuckDB build's published marts. The DuckDB build's record, plan and publish step
(job_market.publish) are not used: a Spark build is the dbt command as given, without the unit
tests (their fixtures are DuckDB-typed; they run on DuckDB).
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from job_market.project import WarehouseSettings, run_dbt

MARTS_SCHEMA = "marts"


def marts_schema_folder(spark_warehouse: Path) -> Path:
    """Where dbt-spark writes the marts schema: Spark's `<schema>.db/` layout."""
    return Path(spark_warehouse) / f"{MARTS_SCHEMA}.db"


def mart_folder(spark_warehouse: Path, mart: str) -> Path:
    """The folder of one mart's Parquet part files: `<schema>.db/<table>/`."""
    return marts_schema_folder(spark_warehouse) / mart


def marts_copy_path(settings: WarehouseSettings) -> Path:
    """The DuckDB file the Spark build's marts are copied into."""
    folder = settings.spark_warehouse
    return folder.with_name(f"{folder.name}.marts.duckdb")


def mart_folders(settings: WarehouseSettings) -> list[Path]:
    """The folders of the Spark marts (one per table, Parquet part files inside), sorted."""
    schema_dir = marts_schema_folder(settings.spark_warehouse)
    if not schema_dir.is_dir():
        return []
    return sorted(p for p in schema_dir.iterdir() if p.is_dir() and any(p.glob("*.parquet")))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def copy_marts(settings: WarehouseSettings) -> Path:
    """Copy every Spark mart into marts_copy_path (replaced whole); returns that path."""
    folders = mart_folders(settings)
    if not folders:
        raise RuntimeError(f"no Spark marts under {marts_schema_folder(settings.spark_warehouse)}")
    target = marts_copy_path(settings)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    con = duckdb.connect(str(partial))
    try:
        con.execute(f"create schema {MARTS_SCHEMA}")
        for folder in folders:
            files = _literal(str(folder / "*.parquet"))
            con.execute(f'create table {MARTS_SCHEMA}."{folder.name}" as select * from read_parquet({files})')
    finally:
        con.close()
    os.replace(partial, target)
    return target


def build(settings: WarehouseSettings, dbt_args: list[str], *, publish_after: bool = True) -> int:
    """`dbt build --target spark` with dbt_args; then (exit 0 only) copy the marts. Returns dbt's
    exit code, or 3 when the copy fails."""
    settings.spark_warehouse.mkdir(parents=True, exist_ok=True)
    print(f"job-market: building on Spark into {settings.spark_warehouse}", flush=True)
    # unit tests stay on DuckDB: their fixtures are written in DuckDB's types (docs/spark_port.md)
    code = run_dbt(["build", "--target", "spark", "--exclude-resource-type", "unit_test", *dbt_args], settings)
    if code != 0 or not publish_after:
        return code
    try:
        path = copy_marts(settings)
    except (OSError, RuntimeError, duckdb.Error) as exc:
        print(f"job-market: the Spark build succeeded but its marts were not copied: {exc}", flush=True)
        return 3
    print(f"job-market: copied {len(mart_folders(settings))} Spark marts to {path}", flush=True)
    return 0

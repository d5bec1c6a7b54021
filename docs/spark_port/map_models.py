"""Model-by-model map of the Spark port (docs/spark_port.md), measured, not guessed.

Every model is run on the `spark` target in DAG order, one `dbt run --select <model>` at a time,
inside one Python process (dbtRunner), so Spark starts once. Each model reads its parents as the
DuckDB build made them: a parent that failed on Spark (or whose Spark rows differ from DuckDB's) is
replaced by an external Parquet table over the DuckDB build's export, so every model's verdict is
about its own SQL. For a model whose materialization fails (dbt-spark has no delete+insert), its
compiled SELECT is run once more as a plain CREATE TABLE ... AS to tell the SQL's errors apart;
when those rows equal DuckDB's, children read them (not the export: their load-clock columns,
which joins use, then match the Spark-built parents').

    # a DuckDB build of the same data, exported as <ref>/<schema>/<table>/data.parquet, then
    DBT_PROFILES_DIR=. SPARK_LOCAL_IP=127.0.0.1 .venv/bin/python docs/spark_port/map_models.py <ref> [out.json]

Needs `make setup-spark`, the seeds loaded (`dbt seed --target spark`, or MAP_SEED=1 here) and
JOB_MARKET_RAW set as for the DuckDB build. Run it from the project folder (or from a modified
copy of it, to measure a change). Writes a JSON list (one entry per model) and prints one line per
model.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
os.environ.setdefault("DBT_PROFILES_DIR", ".")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

from dbt.cli.main import dbtRunner  # noqa: E402

TARGET_PATH = "target/spark_port"
# columns whose values are this build's clock or an engine's hash function, not the model's logic
VOLATILE = {"loaded_at", "staged_at", "observation_loaded_at", "quarantined_at", "rules_hash", "taxonomy_hash", "observation_hash"}
ERROR_CLASS = re.compile(r"\[[A-Z_.]+\][^\n]*")


def short(message: str) -> str:
    """The first Spark error class line of a message, else its first meaningful line."""
    match = ERROR_CLASS.search(message or "")
    if match:
        return match.group(0).strip()[:300]
    lines = [line.strip() for line in (message or "").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith(("Runtime Error", "Compilation Error", "Database Error"))]
    return (lines[0] if lines else message or "")[:300]


def main() -> None:
    ref = Path(sys.argv[1]).absolute()
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "spark_port_map.json")
    runner = dbtRunner()
    quiet = ["--log-level", "none"]
    if os.environ.get("MAP_SEED"):
        runner.invoke(["seed", "--target", "spark", "--target-path", TARGET_PATH, *quiet])
    runner.invoke(["parse", "--target", "spark", "--target-path", TARGET_PATH, *quiet])
    manifest = json.loads(Path(TARGET_PATH, "manifest.json").read_text())
    models = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}

    order, seen = [], set()

    def visit(uid):
        if uid in seen or uid not in models:
            return
        seen.add(uid)
        for parent in models[uid]["depends_on"]["nodes"]:
            visit(parent)
        order.append(uid)

    for uid in sorted(models):
        visit(uid)

    spark = None
    results = []
    for uid in order:
        node = models[uid]
        name, schema = node["name"], node["schema"]
        entry = {"model": name, "schema": schema, "path": node["original_file_path"],
                 "materialized": node["config"]["materialized"], "language": node["language"]}
        started = time.time()
        res = runner.invoke(["run", "--target", "spark", "--target-path", TARGET_PATH, "--select", name, *quiet])
        entry["seconds"] = round(time.time() - started, 1)
        run_results = list(getattr(res.result, "results", []) or [])
        if run_results:
            status, message = str(run_results[0].status), run_results[0].message or ""
        else:
            status, message = "error", str(res.exception)
        entry["dbt_status"], entry["dbt_error"], entry["dbt_message"] = status, short(message), message[:4000]
        if spark is None:
            from pyspark.sql import SparkSession
            spark = SparkSession.builder.getOrCreate()
        ref_dir = ref / schema / name
        relation = f"{schema}.{name}"

        if status == "success":
            entry.update(compare(spark, relation, ref_dir))
        elif node["language"] == "sql":
            compiled = Path(TARGET_PATH, "compiled", node["package_name"], node["original_file_path"])
            if compiled.exists():
                entry.update(select_only(spark, compiled.read_text(), name, ref_dir))
        if status != "success" and entry.get("select_differing_rows") == 0:
            # the SELECT is right, only the materialization failed (incremental strategy): the
            # children read its Spark rows, whose clock columns match the Spark-built parents'
            stub(spark, relation, f"port_probe.{name}")
            entry["parent_for_children"] = "spark select alone"
        elif status != "success" or entry.get("differing_rows"):
            stub(spark, relation, ref_dir)
            entry["parent_for_children"] = "duckdb export"
        results.append(entry)
        verdict = entry["dbt_status"] + ("" if status == "success" else f" ({entry['dbt_error'][:110]})")
        extra = ""
        if "differing_rows" in entry:
            extra = f" rows spark/duckdb {entry['spark_rows']}/{entry['duckdb_rows']} differing {entry['differing_rows']}"
        if "select_only" in entry:
            extra += f" | select alone: {entry['select_only']}"
        print(f"{name:45s} {entry['seconds']:6.1f}s {verdict}{extra}", flush=True)
        out.write_text(json.dumps(results, indent=2, default=str))


def compare(spark, relation: str, ref_dir: Path) -> dict:
    """Rows of the Spark relation vs the DuckDB export: counts and the symmetric difference of
    the shared columns (volatile ones left out), each compared as text."""
    try:
        ref = spark.read.parquet(str(ref_dir))
        built = spark.table(relation)
        columns = [c for c in built.columns if c in ref.columns and c not in VOLATILE]
        missing = sorted(set(ref.columns) - set(built.columns))
        as_text = ", ".join(f"cast(`{c}` as string) as `{c}`" for c in columns)
        ref.createOrReplaceTempView("port_ref")
        built.createOrReplaceTempView("port_built")
        diff = spark.sql(
            f"select count(*) from ((select {as_text} from port_built except all select {as_text} from port_ref)"
            f" union all (select {as_text} from port_ref except all select {as_text} from port_built))"
        ).collect()[0][0]
        result = {"spark_rows": built.count(), "duckdb_rows": ref.count(), "differing_rows": diff,
                  "compared_columns": len(columns)}
        if missing:
            result["missing_columns"] = missing
        if diff:
            result["difference_sample"] = [
                row.asDict() for row in spark.sql(
                    f"(select 'spark' as side, {as_text} from port_built except all select 'spark', {as_text} from port_ref)"
                    f" union all (select 'duckdb', {as_text} from port_ref except all select 'duckdb', {as_text} from port_built)"
                    " order by 2, 1 limit 6"
                ).collect()
            ]
        return result
    except Exception as exc:  # noqa: BLE001 - reported, not fatal
        return {"compare_error": short(str(exc))}


def select_only(spark, compiled_sql: str, name: str, ref_dir: Path) -> dict:
    """Run the compiled SELECT alone (no materialization, no hooks) as CREATE TABLE ... AS."""
    table = f"port_probe.{name}"
    try:
        spark.sql("create database if not exists port_probe")
        spark.sql(f"drop table if exists {table}")
        spark.sql(f"create table {table} using parquet as {compiled_sql}")
    except Exception as exc:  # noqa: BLE001
        return {"select_only": "error", "select_error": short(str(exc))}
    result = {"select_only": "ok"}
    comparison = compare(spark, table, ref_dir)
    result.update({f"select_{k}": v for k, v in comparison.items()})
    if "differing_rows" in comparison:
        result["select_only"] = f"ok, rows {comparison['spark_rows']}/{comparison['duckdb_rows']} differing {comparison['differing_rows']}"
    return result


def stub(spark, relation: str, rows) -> None:
    """The rows children read as the relation: the DuckDB build's export (a folder), or a Spark
    table (a name, e.g. the select-alone table of a model whose materialization failed)."""
    for kind in ("view", "table"):
        try:
            spark.sql(f"drop {kind} if exists {relation}")
        except Exception:  # noqa: BLE001 - the other kind
            pass
    spark.sql(f"create database if not exists {relation.split('.')[0]}")
    if isinstance(rows, Path):
        spark.sql(f"create table {relation} using parquet location '{rows}'")
    else:
        spark.sql(f"create view {relation} as select * from {rows}")


if __name__ == "__main__":
    main()

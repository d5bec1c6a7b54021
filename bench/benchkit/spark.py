"""The Spark column: `JOB_MARKET_TARGET=spark job-market build` (dbt-spark, local PySpark session,
tables as Parquet) on the same data as the DuckDB build, full and after the +1 % delivery.

Steps `spark` (a full build into a fresh Spark warehouse folder) and `spark_incremental` (the
delta files landed, then a plain build: observations append the new files; the per-posting models
are rebuilt in full on Spark, see per_posting_materialization). Needs `make setup-spark`.

CPU: the JVM is a child of dbt's Python process that PySpark stops rather than waits for, so its
CPU time may be missing from the wrapper's RUSAGE_CHILDREN: compare Spark by wall time.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchkit.commands import timed_job_market_build
from benchkit.data import add_delta, remove_delta

SPARK_STEPS = {"spark", "spark_incremental"}


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
        import dbt.adapters.spark  # noqa: F401
    except ImportError:
        return False
    return True


def _timed_spark_build(project: Path, env: dict, target: Path, log_file: Path, extra: tuple[str, ...]) -> dict:
    env = dict(env, JOB_MARKET_TARGET="spark", SPARK_LOCAL_IP=env.get("SPARK_LOCAL_IP", "127.0.0.1"))
    return timed_job_market_build(project, target, env, log_file, extra)


def spark_steps(args, project: Path, data: dict, work: Path, env: dict, logs: Path, i: int, report) -> dict:
    """The Spark steps of one run, as {step: measurement}."""
    if not spark_available():
        report_missing = {"wall_s": 0.0, "rc": 127, "peak_rss_mib": 0.0, "cpu_s": 0.0, "load1_before": 0.0,
                          "load1_after": 0.0, "ok": False, "error": "pyspark / dbt-spark not installed: make setup-spark"}
        report("spark build", report_missing)
        return {"spark": report_missing}
    warehouse, target = work / "spark", work / "target_spark"
    shutil.rmtree(warehouse, ignore_errors=True)
    shutil.rmtree(target, ignore_errors=True)
    env = dict(env, JOB_MARKET_SPARK_WAREHOUSE=str(warehouse))
    out = {"spark": _timed_spark_build(project, env, target, logs / f"run{i}_spark.log", ("--full-refresh",))}
    report("spark build", out["spark"])
    if out["spark"]["models_ok"] and "spark_incremental" in args.steps:
        add_delta(data)
        try:
            out["spark_incremental"] = _timed_spark_build(project, env, target, logs / f"run{i}_spark_incremental.log", ())
        finally:
            remove_delta(data)
        report("spark incr.", out["spark_incremental"])
    shutil.rmtree(warehouse, ignore_errors=True)
    return out

#!/usr/bin/env python3
"""CPU and wall time of single models' compiled SQL, run by DuckDB alone (no dbt), optionally
for two compilations of the same model (before / after a change) with a check that both give
the same rows. CPU time (user + system of this process) is what to compare on a shared machine.

    python bench/profile/model_cpu.py --db built.duckdb --target A/target [--target B/target] \
        [--repeat 2] [--profile] MODEL [MODEL ...]

--db: a warehouse built by dbt (the models' inputs must exist in it; it is opened read-only and
results go to temp tables). --target: a dbt target folder holding compiled/ (database names in
the compiled SQL are rewritten to the --db file's). --profile writes DuckDB's JSON profile of
each run next to the script's working folder and prints the slowest operators.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import resource
import time
from pathlib import Path

import duckdb


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def compiled_sql(target: Path, model: str, db_name: str) -> str:
    paths = glob.glob(str(target / "compiled" / "*" / "models" / "**" / f"{model}.sql"), recursive=True)
    if not paths:
        raise SystemExit(f"no compiled SQL for {model} under {target}")
    sql = Path(paths[0]).read_text()
    # "otherdb"."schema"."table" -> "db_name"."schema"."table"
    return re.sub(r'"[^"]+"\.("[^"]+"\."[^"]+")', f'"{db_name}".\\1', sql)


def top_operators(profile_file: Path, n: int = 8) -> list[str]:
    p = json.loads(profile_file.read_text())
    ops = []

    def walk(node):
        extra = node.get("extra_info", {})
        desc = " ".join(f"{k}={str(extra[k])[:120]}" for k in ("Conditions", "Projections", "Table") if k in extra)
        ops.append((node.get("timing", 0.0), node.get("intermediate_rows", 0), node.get("name"), desc))
        for child in node.get("children", []):
            walk(child)

    for op in p.get("operator", []):
        walk(op)
    return [f"    {t:7.2f}s {rows:>12,} {name} {desc}" for t, rows, name, desc in sorted(ops, key=lambda o: -o[0])[:n]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--target", action="append", required=True, type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--memory-limit", default="8GB")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("models", nargs="+")
    a = ap.parse_args()
    db_name = Path(a.db).stem
    con = duckdb.connect(a.db, read_only=True)
    con.execute(f"set threads = {a.threads}; set memory_limit = '{a.memory_limit}'; "
                "set preserve_insertion_order = false; set TimeZone = 'UTC'")
    for model in a.models:
        tables = []
        for rep in range(a.repeat):
            for k, target in enumerate(a.target):
                table = f"_m{k}"
                sql = compiled_sql(target, model, db_name)
                if a.profile and rep == 0:
                    out = Path(f"profile_{model}_{k}.json").resolve()
                    con.execute("pragma enable_profiling = 'json'")
                    con.execute(f"pragma profiling_output = '{out}'")
                t0, c0 = time.perf_counter(), cpu()
                con.execute(f"create or replace temp table {table} as {sql}")
                wall, used = time.perf_counter() - t0, cpu() - c0
                if a.profile and rep == 0:
                    con.execute("pragma disable_profiling")
                rows = con.execute(f"select count(*) from {table}").fetchone()[0]
                print(f"{model:36s} [{k}] {target}  cpu {used:7.2f} s  wall {wall:7.2f} s  rows {rows:,}", flush=True)
                if a.profile and rep == 0:
                    print("\n".join(top_operators(out)))
                if rep == 0:
                    tables.append(table)
        if len(tables) == 2:
            cols = [c for (c,) in con.execute(
                "select column_name from duckdb_columns() where table_name = '_m0' "
                "and column_name not in ('staged_at', 'taxonomy_hash')").fetchall()]
            cl = ", ".join(f'"{c}"' for c in cols)
            a_only = con.execute(f"select count(*) from (select {cl} from _m0 except all select {cl} from _m1)").fetchone()[0]
            b_only = con.execute(f"select count(*) from (select {cl} from _m1 except all select {cl} from _m0)").fetchone()[0]
            print(f"{model:36s} same rows: {'yes' if not a_only and not b_only else f'NO ({a_only} / {b_only})'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

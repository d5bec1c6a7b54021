#!/usr/bin/env python3
"""Benchmark of the warehouse build: dbt vs a hand-written DuckDB script (and pandas at 1M).

    python bench/run.py [--sizes 100k,1m,10m] [--runs 3] [--steps build,run,baseline,noop,incremental,floor]
                        [--git-ref REF | --project-dir DIR [--no-snapshot]] [--no-pandas]
    python bench/run.py baseline --db FILE --raw GLOB    # the hand-written script alone
    python bench/run.py report bench/results/raw/<size>/<time>   # RESULTS.md from an earlier run

`make bench` runs the first form with BENCH_SIZES / BENCH_RUNS. For every size it

1. generates the raw data once (cached in data/bench/<size>/: the calibrated generator at the
   scale giving that many postings, descriptions of about 2,000 characters; sizes above one
   generator run's limit in several runs with prefixed ids) and a delta of 1 % new postings (same
   generator, another seed, scraped a month later, ids prefixed "delta-");
2. runs --runs times, each on fresh DuckDB files, the --steps:
     build        `job-market build` into an empty warehouse: a full-refresh `dbt build` (seeds,
                  models, data tests; unit tests are left out, as in every warehouse build);
     run          `dbt seed` (not timed), then `dbt run` (models only) into another empty one;
     baseline     bench/baseline.sql, then bench/baseline_history.sql (the trend marts; absent
                  from states before them), into an empty DuckDB file (the same marts without dbt);
     noop         `job-market build` again, nothing new (the build plan runs no dbt);
     incremental  `job-market build` after the delta files land next to the others (an
                  incremental `dbt build` of the nodes fed by raw data, tests on the new rows);
     floor        the incremental build's dbt command with `--empty` (every ref and source reads
                  zero rows) in the incremental build's warehouse file, put back afterwards: what
                  dbt's own work costs an incremental build (start-up, parsing, every node's
                  compilation, events, transactions), with no data at all. No incremental build
                  of the same nodes can be faster;
     spark        (not in the default) `JOB_MARKET_TARGET=spark job-market build --full-refresh`:
                  the same models on a local Spark session (dbt-spark, 2 cores), Parquet tables in
                  a fresh folder; spark_incremental: the delta landed, then a plain Spark build
                  (bench/benchkit/spark.py; needs make setup-spark). Compared by wall time with
                  the DuckDB build and incremental build of the same run;
3. checks once that the baseline's marts equal dbt's, row for row;
4. at --pandas-size (1m) runs bench/pandas_reference.py (--pandas-runs, default --runs times);
5. prints the results table and rewrites bench/RESULTS.md (every size measured so far, from
   bench/results/latest.json, plus bench/NOTES.md); per-run data and logs go to
   bench/results/raw/<size>/<time>/ (git-ignored).

Every measured command runs under a fresh wrapper process that reports its own
RUSAGE_CHILDREN: peak RSS of that command alone, and its CPU time. Wall time is
time.perf_counter() around the wrapper. The project (models, macros, seeds, tests, profile, and
the job_market package in src/, which plans the builds) is copied to data/bench/_project before
the first measurement, from the working tree or from a commit (--git-ref), so that every run of one
invocation builds the same code even while models/ is being edited; `job-market` imports the
copied package (PYTHONPATH); dbt runs from the real project folder, so relative paths resolve as
in a normal build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from benchkit.common import BENCH_DIR, LATEST_JSON, PROJECT_DIR, RESULTS_DIR, log, parse_size
from benchkit.commands import project_state, run_baseline, snapshot_project
from benchkit.runs import bench_size, result_from_raw
from benchkit.summary import machine, slim, table, write_results_md



def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["report"]:
        ap = argparse.ArgumentParser(prog="bench/run.py report",
                                     description="rebuild latest.json / RESULTS.md from the raw results of an "
                                                 "interrupted or earlier run (bench/results/raw/<size>/<time>)")
        ap.add_argument("runs_dir", type=Path)
        ap.add_argument("--memory-limit", default=os.environ.get("JOB_MARKET_MEMORY_LIMIT", "8GB"))
        ap.add_argument("--threads", type=int, default=int(os.environ.get("JOB_MARKET_THREADS", "2")))
        a = ap.parse_args(argv[1:])
        result = result_from_raw(a.runs_dir.resolve())
        all_results = json.loads(LATEST_JSON.read_text()) if LATEST_JSON.exists() else {}
        all_results[result["size"]] = slim(result)
        LATEST_JSON.write_text(json.dumps(all_results, indent=1))
        write_results_md(all_results, machine(), {"threads": a.threads, "memory_limit": a.memory_limit})
        print(table(sorted(all_results.values(), key=lambda r: r["requested_postings"])))
        return 0
    if argv[:1] == ["baseline"]:
        ap = argparse.ArgumentParser(prog="bench/run.py baseline")
        ap.add_argument("--db", required=True)
        ap.add_argument("--raw", required=True, help="glob of raw JSON Lines files")
        ap.add_argument("--seeds", default=str(PROJECT_DIR / "seeds"))
        ap.add_argument("--sql", type=Path, default=BENCH_DIR / "baseline.sql",
                        help="the baseline script (baseline_history.sql beside it runs after it)")
        ap.add_argument("--threads", type=int, default=0, help="0: DuckDB's default (all cores)")
        ap.add_argument("--memory-limit", default=os.environ.get("JOB_MARKET_MEMORY_LIMIT", "8GB"))
        a = ap.parse_args(argv[1:])
        run_baseline(a.db, a.raw, a.seeds, a.threads, a.memory_limit, a.sql)
        return 0

    ap = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "100k,1m,10m"))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    ap.add_argument("--data-dir", type=Path, default=Path(os.environ.get("BENCH_DATA", PROJECT_DIR / "data" / "bench")))
    ap.add_argument("--project-dir", type=Path, default=PROJECT_DIR,
                    help="dbt project to build (e.g. a scratch copy with changed models)")
    ap.add_argument("--no-snapshot", dest="snapshot", action="store_false",
                    help="build the project in place instead of a copy taken at start")
    ap.add_argument("--git-ref", default=os.environ.get("BENCH_GIT_REF"),
                    help="build the committed state of this ref (e.g. HEAD) instead of the working tree")
    ap.add_argument("--threads", type=int, default=int(os.environ.get("JOB_MARKET_THREADS", "2")))
    ap.add_argument("--memory-limit", default=os.environ.get("JOB_MARKET_MEMORY_LIMIT", "8GB"))
    ap.add_argument("--steps", default=os.environ.get("BENCH_STEPS", "build,run,baseline,noop,incremental,floor"),
                    help="which measurements to take per run (comma-separated subset of the default, "
                         "plus spark,spark_incremental: the Spark column, needs make setup-spark)")
    ap.add_argument("--replicate-from", default=os.environ.get("BENCH_REPLICATE_FROM"),
                    help="build sizes above this one from its generated files plus id-prefixed copies "
                         "instead of generating them (e.g. 1m: 10m = the 1m files x 10)")
    ap.add_argument("--no-pandas", dest="pandas", action="store_false")
    ap.add_argument("--pandas-size", default=os.environ.get("BENCH_PANDAS_SIZE", "1m"))
    ap.add_argument("--pandas-runs", type=int, default=int(os.environ.get("BENCH_PANDAS_RUNS", "0")),
                    help="runs of the pandas reference (default: --runs)")
    ap.add_argument("--no-results-md", dest="results_md", action="store_false",
                    help="do not touch bench/RESULTS.md and results/latest.json (experiments)")
    args = ap.parse_args(argv)

    args.steps = {x.strip() for x in args.steps.split(",") if x.strip()}
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for s in sizes:
        parse_size(s)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    project = args.project_dir.resolve()
    if args.snapshot or args.git_ref:
        project = snapshot_project(project, args.data_dir / "_project", args.git_ref)
    state = project_state(args.project_dir.resolve(), args.git_ref)
    log(f"project {args.project_dir} ({state}), building "
        f"{'a snapshot in ' + str(project) if args.snapshot or args.git_ref else 'in place'}")
    mach = machine()
    all_results = json.loads(LATEST_JSON.read_text()) if LATEST_JSON.exists() and args.results_md else {}
    done = []
    for label in sizes:
        try:
            r = bench_size(label, args, project, args.data_dir, state)
        except SystemExit as exc:
            log(str(exc))
            continue
        r["project"] = state
        done.append(r)
        if args.results_md:
            all_results[label] = slim(r)
            RESULTS_DIR.mkdir(parents=True, exist_ok=True)
            LATEST_JSON.write_text(json.dumps(all_results, indent=1))
            write_results_md(all_results, mach, {"threads": args.threads, "memory_limit": args.memory_limit})
    if done:
        print("\n" + table(done), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One size: the --runs repetitions of the --steps on fresh warehouse files, the mart check, the pandas reference, and rebuilding a result from raw run logs."""


from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path
from benchkit.common import BENCH_DIR, PROJECT_DIR, RAW_RESULTS_DIR, dir_bytes, log, measure, parse_size, rm_db
from benchkit.data import _manifest, add_delta, prepare_data, prepare_replicated_data, remove_delta
from benchkit.commands import baseline_sql, compare_marts, dbt_cmd, dbt_env, timed_dbt, timed_floor, timed_job_market_build
from benchkit.spark import SPARK_STEPS, spark_steps
from benchkit.summary import summarize


def report(name: str, m: dict) -> None:
    extra = "" if m.get("ok", m["rc"] == 0) else "  FAILED"
    if m.get("failed_tests"):
        extra += f"  ({m['failed_tests']} tests failed or errored)"
    log(f"  {name:<14} {m['wall_s']:8.1f} s  cpu {m['cpu_s']:7.1f} s  peak {m['peak_rss_mib']:6.0f} MiB  "
        f"load {m['load1_before']:.1f}{extra}")


def bench_size(label: str, args, project: Path, data_root: Path, state: dict | None = None) -> dict:
    n = parse_size(label)
    if args.replicate_from and n > parse_size(args.replicate_from):
        data = prepare_replicated_data(label, n, data_root, args.replicate_from)
    else:
        data = prepare_data(label, n, data_root)
    raw_glob = str(data["landing"] / "*.jsonl*")
    work = data["root"] / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db_build, db_run, db_base = work / "build.duckdb", work / "run.duckdb", work / "baseline.duckdb"
    logs = RAW_RESULTS_DIR / label / dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "project.json").write_text(json.dumps(state or {}, indent=1))
    runs = []
    verify = None
    for i in range(1, args.runs + 1):
        log(f"{label}: run {i}/{args.runs}")
        run: dict = {}
        tgt_build, tgt_run = work / "target_build", work / "target_run"

        env = dbt_env(db_build, raw_glob, project, args)
        if "build" in args.steps:
            rm_db(db_build)
            shutil.rmtree(tgt_build, ignore_errors=True)
            # `job-market build` on an empty warehouse: a full-refresh `dbt build` (every data test)
            run["build"] = timed_job_market_build(project, tgt_build, env, logs / f"run{i}_build.log")
            report("dbt build", run["build"])

        if "run" in args.steps:
            rm_db(db_run)
            env_run = dbt_env(db_run, raw_glob, project, args)
            seed = measure(dbt_cmd("seed", project, tgt_run), env=env_run, cwd=PROJECT_DIR, log_file=logs / f"run{i}_run.log")
            run["run"] = timed_dbt("run", project, tgt_run, env_run, logs / f"run{i}_run.log")
            run["run"]["seed_wall_s"] = seed["wall_s"]
            report("dbt run", run["run"])
            rm_db(db_run)

        if "baseline" in args.steps:
            rm_db(db_base)
            base_cmd = [sys.executable, str(BENCH_DIR / "run.py"), "baseline", "--db", str(db_base), "--raw", raw_glob,
                        "--seeds", str(project / "seeds"), "--sql", str(baseline_sql(project)),
                        "--threads", "0", "--memory-limit", args.memory_limit]
            run["baseline"] = measure(base_cmd, env=dict(os.environ), cwd=PROJECT_DIR, log_file=logs / f"run{i}_baseline.log")
            run["baseline"]["ok"] = run["baseline"]["rc"] == 0
            report("baseline", run["baseline"])

        if verify is None and run.get("build", {}).get("models_ok") and run.get("baseline", {}).get("ok"):
            verify = compare_marts(db_build, db_base)
            bad = {m: v for m, v in verify.items() if v.get("error") or v["only_in_dbt"] or v["only_in_baseline"]}
            log(f"  marts equal    {'yes, all ' + str(len(verify)) if not bad else 'NO: ' + json.dumps(bad)}")

        # no-op and incremental steps need a built warehouse: after a failed full build the
        # build plan would just start another full refresh
        built = run.get("build", {}).get("models_ok", False)
        if "build" in args.steps and not built and {"noop", "incremental", "floor"} & set(args.steps):
            log("  no-op, incremental and floor steps skipped: the full build failed")
        if built and "noop" in args.steps:
            run["noop"] = timed_job_market_build(project, tgt_build, env, logs / f"run{i}_noop.log")
            report("no-op build", run["noop"])

        if built and "incremental" in args.steps:
            add_delta(data)
            try:
                run["incremental"] = timed_job_market_build(project, tgt_build, env, logs / f"run{i}_incremental.log")
            finally:
                remove_delta(data)
            report("incremental", run["incremental"])

        if built and "floor" in args.steps:
            run["floor"] = timed_floor(project, db_build, tgt_build, env, logs / f"run{i}_floor.log")
            report("floor (empty)", run["floor"])
        if SPARK_STEPS & args.steps:
            run.update(spark_steps(args, project, data, work, env, logs, i, report))
        rm_db(db_build)
        runs.append(run)
        (logs / "runs.json").write_text(json.dumps(runs, indent=1))
        (logs / "verify.json").write_text(json.dumps(verify, indent=1))
        (logs / "data.json").write_text(json.dumps({k: (str(v) if isinstance(v, Path) else v) for k, v in data.items()}, indent=1))

    pandas = None
    if args.pandas and label == args.pandas_size:
        pandas = bench_pandas(label, args, project, work, logs)
    rm_db(db_base)
    result = {
        "size": label, "requested_postings": n,
        "data": {k: (str(v) if isinstance(v, Path) else v) for k, v in data.items()},
        "runs": runs, "verify": verify, "pandas": pandas, "logs": str(logs.relative_to(BENCH_DIR)), "project": state or {},
        "finished_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    result["summary"] = summarize(result)
    (logs / "result.json").write_text(json.dumps(result, indent=1))
    return result


def result_from_raw(runs_dir: Path) -> dict:
    """A result (as bench_size returns it) from the files one run of bench_size left behind."""
    if (runs_dir / "result.json").exists():
        result = json.loads((runs_dir / "result.json").read_text())
        if not result.get("project") and (runs_dir / "project.json").exists():
            result["project"] = json.loads((runs_dir / "project.json").read_text())
        return result
    label = runs_dir.parent.name
    runs = json.loads((runs_dir / "runs.json").read_text())
    verify = json.loads((runs_dir / "verify.json").read_text()) if (runs_dir / "verify.json").exists() else None
    if (runs_dir / "data.json").exists():
        data = json.loads((runs_dir / "data.json").read_text())
    else:  # older runs: read the generator manifests
        root = PROJECT_DIR / "data" / "bench" / label
        base, delta = _manifest(root / "base"), _manifest(root / "delta_gen")
        data = {"scale": base["scale"], "generator_runs": 1, "postings": base["counts"]["postings"],
                "observations": base["counts"]["observations"], "active_postings": base["counts"]["active_postings"],
                "raw_bytes": dir_bytes(root / "base" / "raw"), "raw_files": len(base["files"]),
                "generation_wall_s": base.get("bench_generation_wall_s"),
                "delta_postings": delta["counts"]["postings"],
                "delta_lines": int((root / "delta" / ".complete").read_text())}
    pandas = json.loads((runs_dir / "pandas.json").read_text()) if (runs_dir / "pandas.json").exists() else None
    result = {"size": label, "requested_postings": parse_size(label), "data": data, "runs": runs, "verify": verify,
              "pandas": pandas, "logs": str(runs_dir.relative_to(BENCH_DIR)),
              "finished_at": dt.datetime.fromtimestamp((runs_dir / "runs.json").stat().st_mtime).isoformat(timespec="seconds")}
    if (runs_dir / "project.json").exists():
        result["project"] = json.loads((runs_dir / "project.json").read_text())
    result["summary"] = summarize(result)
    return result


def bench_pandas(label: str, args, project: Path, work: Path, logs: Path) -> dict:
    """pandas reference on the staged postings the baseline wrote (work.postings)."""
    req = BENCH_DIR / "requirements.txt"
    try:
        import pandas  # noqa: F401
    except ImportError:
        log("pandas is not installed: pip install -r bench/requirements.txt (make bench does it)")
        return {"error": "pandas not installed"}
    db_base = work / "baseline.duckdb"
    staged = work / "staged_postings.parquet"
    import duckdb
    con = duckdb.connect(str(db_base))
    con.execute(f"copy (select posting_key, is_active, title, board_seniority_text, location_text, "
                f"workplace_type_text, description_text, skill_tags, salary_min_amount, salary_max_amount, "
                f"salary_currency_code, salary_period, salary_source from work.postings) to '{staged}' (format parquet)")
    con.close()
    out = []
    for i in range(1, (args.pandas_runs or args.runs) + 1):
        result_json = work / "pandas_result.json"
        cmd = [sys.executable, str(BENCH_DIR / "pandas_reference.py"), "--staged", str(staged),
               "--seeds", str(project / "seeds"), "--check-db", str(db_base), "--out", str(result_json)]
        m = measure(cmd, env=dict(os.environ), cwd=PROJECT_DIR, log_file=logs / f"pandas{i}.log")
        try:
            m.update(json.loads(result_json.read_text()))
        except (OSError, ValueError):
            pass
        m["ok"] = m["rc"] == 0
        report("pandas", m)
        out.append(m)
    staged.unlink(missing_ok=True)
    result = {"runs": out, "requirements": str(req.relative_to(PROJECT_DIR))}
    (logs / "pandas.json").write_text(json.dumps(result, indent=1))
    return result

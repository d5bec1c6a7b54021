"""What is measured: the project snapshot (working tree or a git ref), the dbt and `job-market build` commands, the floor (`--empty`) run, the hand-written baseline, and the row-for-row comparison of its marts with dbt's."""


from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from pathlib import Path
from benchkit.common import BENCH_DIR, MARTS, PROJECT_DIR, measure, rm_db, venv_bin


# bench/baseline.sql (and its history part, where the ref has one) too: a run of an older ref
# compares its dbt build with that ref's baseline (the baseline mirrors the models' rules, so it
# changes with them)
SNAPSHOT_PATHS = ["dbt_project.yml", "profiles.yml", "packages.yml", "models", "macros", "seeds", "tests",
                  "analyses", "snapshots", "src", "bench/baseline.sql", "bench/baseline_history.sql"]

# the baseline's second script (the trend marts), run after baseline.sql in the same connection
HISTORY_SQL_NAME = "baseline_history.sql"


def snapshot_project(src: Path, dst: Path, git_ref: str | None = None) -> Path:
    """Copy what dbt reads (working tree, or a committed state with git_ref) to dst."""
    shutil.rmtree(dst, ignore_errors=True)
    keep = SNAPSHOT_PATHS
    dst.mkdir(parents=True)
    if git_ref:
        listed = subprocess.run(["git", "ls-tree", "--name-only", git_ref, *keep], cwd=src,
                                capture_output=True, text=True, check=True).stdout.split()
        archive = subprocess.run(["git", "archive", "--format=tar", git_ref, *listed], cwd=src,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-xf", "-", "-C", str(dst)], input=archive, check=True)
        return dst
    for name in keep:
        p = src / name
        if p.is_dir():
            shutil.copytree(p, dst / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif p.exists():
            (dst / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, dst / name)
    return dst


def project_state(project: Path, git_ref: str | None = None) -> dict:
    def git(*args):
        r = subprocess.run(["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else None
    if project.resolve() != PROJECT_DIR.resolve():
        return {"project_dir": str(project), "git": "not this repository's working tree"}
    dirty = git("status", "--short", "--", "models", "macros", "seeds", "tests", "dbt_project.yml", "src")
    if git_ref:
        return {"project_dir": str(project), "git_ref": git_ref, "git_commit": git("rev-parse", "--short", git_ref)}
    return {"project_dir": str(project), "git_head": git("rev-parse", "--short", "HEAD"),
            "uncommitted_files": len(dirty.splitlines()) if dirty else 0}


def dbt_env(db: Path, raw_glob: str, project: Path, args) -> dict:
    env = dict(os.environ)
    env.update(JOB_MARKET_DB=str(db), JOB_MARKET_RAW=raw_glob, DBT_PROFILES_DIR=str(project),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", JOB_MARKET_THREADS=str(args.threads),
               JOB_MARKET_MEMORY_LIMIT=args.memory_limit)
    return env


def dbt_cmd(verb: str, project: Path, target: Path) -> list[str]:
    return [venv_bin("dbt"), verb, "--project-dir", str(project), "--profiles-dir", str(project),
            "--target-path", str(target), "--log-path", str(target / "logs")]


def node_times(target: Path) -> dict:
    try:
        results = json.loads((target / "run_results.json").read_text())["results"]
    except (OSError, ValueError, KeyError):
        return {}
    return {r["unique_id"]: round(r.get("execution_time") or 0.0, 3) for r in results}


def node_status(target: Path) -> dict:
    """Counts of node statuses by resource type ("model:success", "test:fail", ...)."""
    try:
        results = json.loads((target / "run_results.json").read_text())["results"]
    except (OSError, ValueError, KeyError):
        return {}
    counts: dict = {}
    for r in results:
        key = r["unique_id"].split(".")[0] + ":" + r["status"]
        counts[key] = counts.get(key, 0) + 1
    return counts


def timed_dbt(verb: str, project: Path, target: Path, env: dict, log_file: Path, extra: tuple[str, ...] = ()) -> dict:
    """One measured dbt command. It counts as a valid timing when every seed and model built
    (a failing or erroring data test is reported, not a reason to drop the timing)."""
    m = measure(dbt_cmd(verb, project, target) + list(extra), env=env, cwd=PROJECT_DIR, log_file=log_file)
    m["nodes"] = node_times(target)
    m["status"] = node_status(target)
    built = [k for k in m["status"] if k.startswith(("model:", "seed:"))]
    m["models_ok"] = bool(built) and all(k.endswith((":success", ":pass")) for k in built)
    m["ok"] = m["rc"] == 0 or m["models_ok"]
    m["failed_tests"] = sum(v for k, v in m["status"].items()
                            if k.startswith(("test:", "unit_test:")) and not k.endswith(":pass"))
    return m


def timed_job_market_build(project: Path, target: Path, env: dict, log_file: Path, extra: tuple[str, ...] = ()) -> dict:
    """One measured `job-market build --no-publish [extra dbt args]` (on DuckDB the build plan
    decides: full refresh, incremental, or nothing to do; JOB_MARKET_TARGET=spark in env builds on
    Spark)."""
    env = dict(env, JOB_MARKET_PROJECT_DIR=str(project), DBT_TARGET_PATH=str(target),
               DBT_LOG_PATH=str(target / "logs"))
    if (project / "src" / "job_market").is_dir():
        # the build plan of the measured code, not of the installed (editable) package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(project / "src"), env.get("PYTHONPATH")) if p)
    results = target / "run_results.json"
    before = results.stat().st_mtime_ns if results.exists() else None
    m = measure([venv_bin("job-market"), "build", "--no-publish", *extra], env=env, cwd=PROJECT_DIR, log_file=log_file)
    ran_dbt = results.exists() and results.stat().st_mtime_ns != before
    m["nodes"] = node_times(target) if ran_dbt else {}
    m["status"] = node_status(target) if ran_dbt else {}
    m["dbt_ran"] = ran_dbt
    built = [k for k in m["status"] if k.startswith(("model:", "seed:"))]
    m["models_ok"] = (not ran_dbt and m["rc"] == 0) or (bool(built) and all(k.endswith((":success", ":pass")) for k in built))
    m["ok"] = m["rc"] == 0 or m["models_ok"]
    m["failed_tests"] = sum(v for k, v in m["status"].items()
                            if k.startswith(("test:", "unit_test:")) and not k.endswith(":pass"))
    try:
        record = json.loads((Path(env["JOB_MARKET_DB"]).parent / (Path(env["JOB_MARKET_DB"]).name + ".last_build.json")).read_text())
        m["mode"] = record.get("mode") if ran_dbt else "nothing"
    except (OSError, ValueError):
        m["mode"] = None
    return m


def timed_floor(project: Path, db_build: Path, tgt_build: Path, env: dict, log_file: Path) -> dict:
    """The incremental build's node set with `dbt build --empty`, in the same warehouse file and
    target folder as the incremental build, so that dbt's partial parse is as warm as there (the
    file's path is part of the profile: another path would make dbt parse everything again). An
    empty run replaces the tables it builds, so the file is copied first and put back after."""
    from job_market.plan import INCREMENTAL_SELECTION, NEW_ROWS_ONLY_ENV

    saved = db_build.with_name("before_floor.duckdb")
    rm_db(saved)
    shutil.copyfile(db_build, saved)
    if Path(f"{db_build}.wal").exists():
        shutil.copyfile(f"{db_build}.wal", f"{saved}.wal")
    try:
        return timed_dbt("build", project, tgt_build, dict(env, **{NEW_ROWS_ONLY_ENV: "true"}), log_file,
                         extra=(*INCREMENTAL_SELECTION, "--empty"))
    finally:
        rm_db(db_build)
        os.replace(saved, db_build)
        if Path(f"{saved}.wal").exists():
            os.replace(f"{saved}.wal", f"{db_build}.wal")


def baseline_sql(project: Path) -> Path:
    """The baseline of the project being measured (a snapshot's own), else this checkout's."""
    own = project / "bench" / "baseline.sql"
    return own if own.exists() else BENCH_DIR / "baseline.sql"


def baseline_scripts(sql: Path) -> list[Path]:
    """The baseline script, then the history script beside it when there is one (a project state
    from before the trend marts, e.g. an older --git-ref, has none: its baseline is baseline.sql alone)."""
    history = Path(sql).with_name(HISTORY_SQL_NAME)
    return [Path(sql), history] if history.exists() else [Path(sql)]


def run_baseline(db: str, raw_glob: str, seeds_dir: str, threads: int | None, memory_limit: str | None,
                 sql: Path = BENCH_DIR / "baseline.sql") -> None:
    """Runs `sql` and the history script beside it (baseline_scripts) in one connection: the
    second reads the first one's tables, temp tables and macros."""
    import duckdb
    con = duckdb.connect(db)
    if threads:
        con.execute(f"set threads = {int(threads)}")
    if memory_limit:
        con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute("set variable raw_glob = ?", [raw_glob])
    con.execute("set variable seeds_dir = ?", [seeds_dir])
    for script in baseline_scripts(sql):
        con.execute(script.read_text())
    con.close()


def compare_marts(dbt_db: Path, baseline_db: Path) -> dict:
    """Row-for-row comparison of every mart in MARTS that either side built. A mart neither built
    is left out (a project state from before it, e.g. an older --git-ref); one side alone is an error."""
    import duckdb
    con = duckdb.connect()
    con.execute(f"attach '{dbt_db}' as d (read_only)")
    con.execute(f"attach '{baseline_db}' as b (read_only)")
    built = {(db, name) for db, name in con.execute(
        "select database_name, table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}
    out = {}
    for mart in MARTS:
        if ("d", mart) not in built and ("b", mart) not in built:
            continue
        try:
            only_dbt = con.execute(f"select count(*) from (from d.marts.{mart} except all from b.marts.{mart})").fetchone()[0]
            only_base = con.execute(f"select count(*) from (from b.marts.{mart} except all from d.marts.{mart})").fetchone()[0]
            rows = con.execute(f"select count(*) from d.marts.{mart}").fetchone()[0]
            out[mart] = {"rows": rows, "only_in_dbt": only_dbt, "only_in_baseline": only_base}
        except Exception as exc:  # a mart whose columns changed in the models
            out[mart] = {"error": str(exc).splitlines()[0][:200]}
    con.close()
    return out

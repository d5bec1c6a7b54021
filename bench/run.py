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
     baseline     bench/baseline.sql into an empty DuckDB file (the same marts without dbt);
     noop         `job-market build` again, nothing new (the build plan runs no dbt);
     incremental  `job-market build` after the delta files land next to the others (an
                  incremental `dbt build` of the nodes fed by raw data, tests on the new rows);
     floor        the incremental build's dbt command with `--empty` (every ref and source reads
                  zero rows) in the incremental build's warehouse file, put back afterwards: what
                  dbt's own work costs an incremental build (start-up, parsing, every node's
                  compilation, events, transactions), with no data at all. No incremental build
                  of the same nodes can be faster;
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
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
RAW_RESULTS_DIR = RESULTS_DIR / "raw"
LATEST_JSON = RESULTS_DIR / "latest.json"
RESULTS_MD = BENCH_DIR / "RESULTS.md"

# distinct postings per unit of --scale (seed 42, calibration article: 22,035 at scale 1)
POSTINGS_PER_SCALE = 22_035
DESCRIPTION_CHARS = 2_000          # the generator's mean; observed 1.9-2.2 KB per description
GENERATOR_SEED = 42
DELTA_SEED = 4_242
DELTA_SHARE = 0.01
DELTA_SHIFT_DAYS = 31              # delta batches are scraped a month after the last base batch
DELTA_PREFIX = "delta-"
# one generator run cannot go much past ~8M postings (scale ~380): greenhouse ids are allocated in
# ranges of 400,000 per role group (IdFactory.GH_STRIDE) and the largest group (Machine Learning
# Engineer, 5,259 postings per unit of scale, 20 % of them greenhouse) runs out first.
MAX_SCALE_PER_CHUNK = 300.0
MARTS = [
    "role_metrics", "role_skill_shares", "role_skill_premiums", "role_pair_overlap",
    "role_pair_exclusive_skills", "role_pair_comparison", "role_monthly_postings",
    "role_countries", "role_employers",
]

# Runs a command, then writes its own RUSAGE_CHILDREN (the command alone) as JSON.
WRAPPER = r"""
import json, resource, subprocess, sys
out, log = sys.argv[1], sys.argv[2]
with open(log, "ab") as handle:
    rc = subprocess.call(sys.argv[3:], stdout=handle, stderr=subprocess.STDOUT)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(out, "w") as handle:
    json.dump({"rc": rc, "maxrss_kb": ru.ru_maxrss, "cpu_s": ru.ru_utime + ru.ru_stime}, handle)
"""


# ------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------

def parse_size(label: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", label.strip().lower())
    if not m:
        raise SystemExit(f"bench: bad size {label!r} (use e.g. 100k, 1m, 2.5m, 10m)")
    return int(round(float(m.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2)]))


def log(msg: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {msg}", flush=True)


def venv_bin(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def rm_db(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal"), Path(str(path) + ".tmp")):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(cmd: list[str], *, env: dict, cwd: Path, log_file: Path) -> dict:
    """Wall time, exit code, peak RSS and CPU of one command (fresh wrapper process)."""
    out = log_file.with_suffix(".rusage.json")
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with open(log_file, "ab") as handle:
        handle.write(("\n$ " + " ".join(cmd) + "\n").encode())
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", WRAPPER, str(out), str(log_file), *cmd], env=env, cwd=cwd,
                   check=False)
    wall = time.perf_counter() - t0
    usage = json.loads(out.read_text())
    out.unlink()
    return {"wall_s": round(wall, 3), "rc": usage["rc"], "peak_rss_mib": round(usage["maxrss_kb"] / 1024, 1),
            "cpu_s": round(usage["cpu_s"], 2), "load1_before": round(load_before, 2),
            "load1_after": round(os.getloadavg()[0], 2)}


# ------------------------------------------------------------------------------------------------
# data
# ------------------------------------------------------------------------------------------------

def _manifest(path: Path) -> dict | None:
    try:
        return json.loads((path / "truth" / "manifest.json").read_text())
    except (OSError, ValueError):
        return None


def generate(out: Path, *, seed: int, scale: float) -> dict:
    """Run the generator unless `out` already holds the same generation; returns its manifest."""
    m = _manifest(out)
    if m and m.get("seed") == seed and m.get("scale") == scale and m.get("description_chars") == DESCRIPTION_CHARS \
            and (out / "raw").is_dir() and len(list((out / "raw").glob("batch_*"))) == len(m.get("files", [])):
        return m
    shutil.rmtree(out, ignore_errors=True)
    cmd = [venv_bin("job-market"), "generate", "--seed", str(seed), "--scale", str(scale),
           "--description-chars", str(DESCRIPTION_CHARS), "--out", str(out)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    m = _manifest(out)
    m["bench_generation_wall_s"] = round(time.perf_counter() - t0, 1)
    (out / "truth" / "manifest.json").write_text(json.dumps(m, indent=2, sort_keys=True) + "\n")
    return m


def _shift_date_prefix(value, days: int):
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value
    day = dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)
    return day.isoformat() + value[10:]


def make_delta(src: Path, dst: Path) -> int:
    """Delta files: the generator's lines with ids prefixed (new postings for sure) and scraped_at
    / posted_at a month later (after every base batch), named delta_*. Returns the line count."""
    done = dst / ".complete"
    if done.exists():
        return int(done.read_text())
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    lines = 0
    for f in sorted((src / "raw").glob("batch_*.jsonl*")):
        opener = gzip.open if f.name.endswith(".gz") else open
        name = "delta_" + _shift_date_prefix(f.name[len("batch_"):], DELTA_SHIFT_DAYS)
        with opener(f, "rt", encoding="utf-8") as fin, opener(dst / name, "wt", encoding="utf-8") as fout:
            for line in fin:
                row = json.loads(line)
                if isinstance(row.get("posting_id"), str):
                    row["posting_id"] = DELTA_PREFIX + row["posting_id"]
                for key in ("scraped_at", "posted_at"):
                    if key in row:
                        row[key] = _shift_date_prefix(row[key], DELTA_SHIFT_DAYS)
                fout.write(json.dumps(row, ensure_ascii=False) + "\n")
                lines += 1
    done.write_text(str(lines))
    return lines


def prefix_ids(raw_dir: Path, prefix: str) -> None:
    """Prefix every posting_id in the files of raw_dir, in place (once: a marker file remembers).
    Lines start with '{"posting_id": "' (the generator writes that key first): a byte-level
    insert; any other line goes through json."""
    marker = raw_dir / f".ids_prefixed_{prefix}"
    if marker.exists():
        return
    head, new_head = b'{"posting_id": "', b'{"posting_id": "' + prefix.encode()
    for f in sorted(raw_dir.glob("batch_*.jsonl*")):
        gz = f.name.endswith(".gz")
        tmp = f.with_name(f.name + ".tmp")
        with (gzip.open(f, "rb") if gz else open(f, "rb")) as fin, \
                (gzip.open(tmp, "wb", compresslevel=1) if gz else open(tmp, "wb")) as fout:
            for line in fin:
                if line.startswith(head):
                    fout.write(new_head + line[len(head):])
                else:
                    row = json.loads(line)
                    if isinstance(row.get("posting_id"), (str, int)):
                        row["posting_id"] = prefix + str(row["posting_id"])
                    fout.write((json.dumps(row, ensure_ascii=False) + "\n").encode())
        tmp.replace(f)
    marker.write_text(prefix)


def link_landing(landing: Path, raw_dirs: list[tuple[Path, str]]) -> int:
    """The landing folder dbt and the baseline read: symlinks to the batch files of every
    (raw folder, name prefix). Returns the bytes linked."""
    shutil.rmtree(landing, ignore_errors=True)
    landing.mkdir(parents=True)
    raw_bytes = 0
    for raw, prefix in raw_dirs:
        for f in sorted(raw.glob("batch_*.jsonl*")):
            (landing / f"{prefix}{f.name}").symlink_to(f.resolve())
            raw_bytes += f.stat().st_size
    return raw_bytes


def prepare_data(size_label: str, n_postings: int, data_root: Path) -> dict:
    root = data_root / size_label
    scale = round(n_postings / POSTINGS_PER_SCALE, 3)
    # one generator run stays below MAX_SCALE_PER_CHUNK; bigger sizes are several runs with other
    # seeds whose posting ids get a prefix "c<k>-" (so they stay distinct postings)
    chunks = max(1, int(-(-scale // MAX_SCALE_PER_CHUNK)))
    chunk_scale = round(scale / chunks, 3)
    log(f"{size_label}: raw data (scale {scale} in {chunks} generator run(s), ~{DESCRIPTION_CHARS} chars per description)")
    manifests = []
    for k in range(chunks):
        out = root / ("base" if k == 0 else f"base_c{k}")
        m = _manifest(out)
        fresh = not (m and m.get("seed") == GENERATOR_SEED + k and m.get("scale") == chunk_scale)
        manifests.append(generate(out, seed=GENERATOR_SEED + k, scale=chunk_scale))
        if k > 0:
            if fresh:
                for marker in (out / "raw").glob(".ids_prefixed_*"):
                    marker.unlink()
            prefix_ids(out / "raw", f"c{k}-")
    delta_scale = round(scale * DELTA_SHARE, 5)
    delta = generate(root / "delta_gen", seed=DELTA_SEED, scale=delta_scale)
    delta_lines = make_delta(root / "delta_gen", root / "delta")
    landing = root / "landing"
    raw_bytes = link_landing(landing, [(root / ("base" if k == 0 else f"base_c{k}") / "raw", "" if k == 0 else f"c{k}_")
                                       for k in range(chunks)])
    def total(key):
        return sum(m["counts"][key] for m in manifests)
    gen_times = [m.get("bench_generation_wall_s") for m in manifests]
    return {
        "root": root, "landing": landing, "delta_dir": root / "delta",
        "scale": scale, "generator_runs": chunks, "postings": total("postings"),
        "observations": total("observations"), "active_postings": total("active_postings"),
        "raw_bytes": raw_bytes, "raw_files": sum(len(m["files"]) for m in manifests),
        "generation_wall_s": sum(gen_times) if all(gen_times) else None,
        "delta_postings": delta["counts"]["postings"], "delta_lines": delta_lines,
    }


def copy_prefixed(src: Path, dst: Path, prefix: str) -> None:
    """Copy a raw file with every posting_id prefixed, in C (zcat | sed | gzip -1): lines start
    with '{"posting_id": "' (the generator writes that key first); the rare line that does not
    (the generator's junk and numeric-id lines) is copied as it is."""
    sed = "sed 's/^{\"posting_id\": \"/{\"posting_id\": \"" + prefix + "/'"
    if src.name.endswith(".gz"):
        cmd = f"gzip -dc '{src}' | {sed} | gzip -1 > '{dst}.tmp'"
    else:
        cmd = f"{sed} '{src}' > '{dst}.tmp'"
    subprocess.run(["bash", "-o", "pipefail", "-c", cmd], check=True)
    Path(f"{dst}.tmp").replace(dst)


def prepare_replicated_data(size_label: str, n_postings: int, data_root: Path, source_label: str) -> dict:
    """Raw data for a size built from a smaller size's generation: the source's files plus
    copies whose posting ids carry a prefix "r<k>-" (distinct postings with the same texts).
    Much faster than generating (the generator needs ~8 min per 1M postings here), at the price
    of repeated descriptions and titles; RESULTS.md says which sizes were made this way."""
    source = prepare_data(source_label, parse_size(source_label), data_root)
    copies = max(1, round(n_postings / source["postings"]))
    root = data_root / size_label
    src_files = sorted((source["root"] / "base" / "raw").glob("batch_*.jsonl*"))
    t0 = time.perf_counter()
    jobs = []
    for k in range(1, copies):
        out = root / f"replica_r{k}" / "raw"
        if (out / ".complete").exists():
            continue
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        jobs += [(f, out / f.name, f"r{k}-") for f in src_files]
    if jobs:
        log(f"{size_label}: {copies - 1} prefixed copies of the {source_label} files ({len(jobs)} files)")
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(lambda job: copy_prefixed(*job), jobs))
        for k in range(1, copies):
            (root / f"replica_r{k}" / "raw" / ".complete").write_text("ok")
    replicate_s = round(time.perf_counter() - t0, 1)
    delta_scale = round(n_postings / POSTINGS_PER_SCALE * DELTA_SHARE, 5)
    delta = generate(root / "delta_gen", seed=DELTA_SEED, scale=delta_scale)
    delta_lines = make_delta(root / "delta_gen", root / "delta")
    landing = root / "landing"
    raw_bytes = link_landing(landing, [(source["root"] / "base" / "raw" if k == 0 else root / f"replica_r{k}" / "raw",
                                        "" if k == 0 else f"r{k}_") for k in range(copies)])
    return {
        "root": root, "landing": landing, "delta_dir": root / "delta",
        "scale": round(source["scale"] * copies, 3), "generator_runs": source["generator_runs"],
        "replicated_from": source_label, "copies": copies,
        "postings": source["postings"] * copies, "observations": source["observations"] * copies,
        "active_postings": source["active_postings"] * copies,
        "raw_bytes": raw_bytes, "raw_files": len(src_files) * copies,
        "generation_wall_s": source.get("generation_wall_s"), "replication_wall_s": replicate_s if jobs else None,
        "delta_postings": delta["counts"]["postings"], "delta_lines": delta_lines,
    }


def add_delta(data: dict) -> list[Path]:
    links = []
    for f in sorted(data["delta_dir"].glob("delta_*.jsonl*")):
        link = data["landing"] / f.name
        link.symlink_to(f.resolve())
        links.append(link)
    return links


def remove_delta(data: dict) -> None:
    for f in data["landing"].glob("delta_*"):
        f.unlink()


# ------------------------------------------------------------------------------------------------
# project snapshot, dbt and baseline commands
# ------------------------------------------------------------------------------------------------

# bench/baseline.sql too: a run of an older ref compares its dbt build with that ref's baseline
# (the baseline mirrors the models' rules, so it changes with them)
SNAPSHOT_PATHS = ["dbt_project.yml", "profiles.yml", "packages.yml", "models", "macros", "seeds", "tests",
                  "analyses", "snapshots", "src", "bench/baseline.sql"]


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


def timed_job_market_build(project: Path, target: Path, env: dict, log_file: Path) -> dict:
    """One measured `job-market build --no-publish` (the build plan decides: full refresh,
    incremental, or nothing to do)."""
    env = dict(env, JOB_MARKET_PROJECT_DIR=str(project), DBT_TARGET_PATH=str(target),
               DBT_LOG_PATH=str(target / "logs"))
    if (project / "src" / "job_market").is_dir():
        # the build plan of the measured code, not of the installed (editable) package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(project / "src"), env.get("PYTHONPATH")) if p)
    results = target / "run_results.json"
    before = results.stat().st_mtime_ns if results.exists() else None
    m = measure([venv_bin("job-market"), "build", "--no-publish"], env=env, cwd=PROJECT_DIR, log_file=log_file)
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


def run_baseline(db: str, raw_glob: str, seeds_dir: str, threads: int | None, memory_limit: str | None,
                 sql: Path = BENCH_DIR / "baseline.sql") -> None:
    import duckdb
    con = duckdb.connect(db)
    if threads:
        con.execute(f"set threads = {int(threads)}")
    if memory_limit:
        con.execute(f"set memory_limit = '{memory_limit}'")
    con.execute("set variable raw_glob = ?", [raw_glob])
    con.execute("set variable seeds_dir = ?", [seeds_dir])
    con.execute(Path(sql).read_text())
    con.close()


def compare_marts(dbt_db: Path, baseline_db: Path) -> dict:
    import duckdb
    con = duckdb.connect()
    con.execute(f"attach '{dbt_db}' as d (read_only)")
    con.execute(f"attach '{baseline_db}' as b (read_only)")
    out = {}
    for mart in MARTS:
        try:
            only_dbt = con.execute(f"select count(*) from (from d.marts.{mart} except all from b.marts.{mart})").fetchone()[0]
            only_base = con.execute(f"select count(*) from (from b.marts.{mart} except all from d.marts.{mart})").fetchone()[0]
            rows = con.execute(f"select count(*) from d.marts.{mart}").fetchone()[0]
            out[mart] = {"rows": rows, "only_in_dbt": only_dbt, "only_in_baseline": only_base}
        except Exception as exc:  # a mart whose columns changed in the models
            out[mart] = {"error": str(exc).splitlines()[0][:200]}
    con.close()
    return out


# ------------------------------------------------------------------------------------------------
# one size
# ------------------------------------------------------------------------------------------------

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
            base_cmd = [sys.executable, str(Path(__file__).resolve()), "baseline", "--db", str(db_base), "--raw", raw_glob,
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


# ------------------------------------------------------------------------------------------------
# summary, table, RESULTS.md
# ------------------------------------------------------------------------------------------------

def _med(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def summarize(result: dict) -> dict:
    runs = result["runs"]
    def ok(step):
        return [r[step] for r in runs if step in r and r[step].get("ok", r[step]["rc"] == 0)]
    s: dict = {}
    for step in ("build", "run", "baseline", "noop", "incremental", "floor"):
        good = ok(step)
        s[step] = {"median_s": _med([m["wall_s"] for m in good]),
                   "min_s": min((m["wall_s"] for m in good), default=None),
                   "max_s": max((m["wall_s"] for m in good), default=None),
                   "cpu_median_s": _med([m["cpu_s"] for m in good]),
                   "peak_rss_mib": max((m["peak_rss_mib"] for m in good), default=None),
                   "ok_runs": len(good), "failed_runs": len([r for r in runs if step in r and not r[step].get("ok")]),
                   "failed_tests_max": max((m.get("failed_tests", 0) for m in good), default=0)}
    b, base = s["build"]["median_s"], s["baseline"]["median_s"]
    s["ratio_build_baseline"] = round(b / base, 3) if b and base else None
    cb, cbase = s["build"]["cpu_median_s"], s["baseline"]["cpu_median_s"]
    s["cpu_ratio_build_baseline"] = round(cb / cbase, 2) if cb and cbase else None
    s["cpu_ratio_run_baseline"] = round(s["run"]["cpu_median_s"] / cbase, 2) if s["run"]["cpu_median_s"] and cbase else None
    s["ratio_run_baseline"] = round(s["run"]["median_s"] / base, 3) if s["run"]["median_s"] and base else None
    s["postings_per_s"] = round(result["data"]["postings"] / b) if b else None
    s["incremental_share"] = round(s["incremental"]["median_s"] / b, 3) if b and s["incremental"]["median_s"] else None
    s["floor_share"] = round(s["floor"]["median_s"] / b, 3) if b and s["floor"]["median_s"] else None
    # per-node medians of the full build, and sums by resource type
    nodes: dict = {}
    for m in ok("build"):
        for uid, t in m.get("nodes", {}).items():
            nodes.setdefault(uid, []).append(t)
    med = {uid: statistics.median(ts) for uid, ts in nodes.items()}
    s["top_nodes"] = sorted(([uid, round(t, 2)] for uid, t in med.items()), key=lambda x: -x[1])[:12]
    by_type: dict = {}
    for uid, t in med.items():
        by_type[uid.split(".")[0]] = round(by_type.get(uid.split(".")[0], 0) + t, 2)
    s["node_seconds_by_type"] = by_type
    inc_nodes: dict = {}
    for m in ok("incremental"):
        for uid, t in m.get("nodes", {}).items():
            inc_nodes.setdefault(uid.split(".")[0], []).append(t)
    loads = [m[k] for r in runs for m in r.values() if isinstance(m, dict) for k in ("load1_before", "load1_after") if k in m]
    s["load1_min_max"] = [min(loads), max(loads)] if loads else None
    p = result.get("pandas")
    if p and p.get("runs"):
        good = [m for m in p["runs"] if m.get("ok")]
        s["pandas"] = {"median_s": _med([m["wall_s"] for m in good]),
                       "compute_median_s": _med([m.get("compute_s") for m in good]),
                       "load_median_s": _med([m.get("load_s") for m in good]),
                       "peak_rss_mib": max((m["peak_rss_mib"] for m in good), default=None),
                       "matches_marts": all(m.get("matches_marts") for m in good) if good else None,
                       "ok_runs": len(good)}
    return s


def node_label(uid: str) -> str:
    """model.pkg.name -> name; test.pkg.name.hash -> test name; unit_test.pkg.model.name -> unit test name."""
    parts = uid.split(".")
    if parts[0] == "test" and len(parts) >= 4:
        return "test " + parts[2]
    if parts[0] == "unit_test":
        return "unit test " + parts[-1]
    return parts[-1] if parts[0] in ("model", "seed", "snapshot") else uid


def slim(result: dict) -> dict:
    """The result without per-node timings (kept in results/raw): what latest.json stores."""
    out = json.loads(json.dumps(result))
    for run in out.get("runs", []):
        for step in run.values():
            if isinstance(step, dict):
                step.pop("nodes", None)
    return out


def fmt_s(v):
    return "-" if v is None else (f"{v:,.1f}" if v < 100 else f"{v:,.0f}")


def table(results: list[dict]) -> str:
    head = ("| size | postings | raw | dbt build s | dbt run s | baseline s | build / baseline | run / baseline "
            "| CPU build / run / baseline s | peak RSS build / baseline | postings/s (build) "
            "| incremental +1 % s (share of full) | floor: zero rows s (share) | no-op s |")
    lines = [head, "|" + "---|" * 14]
    for r in results:
        s, d = r["summary"], r["data"]
        rss_b, rss_base = s["build"]["peak_rss_mib"], s["baseline"]["peak_rss_mib"]
        rss = " / ".join("-" if x is None else f"{x / 1024:.2f}" for x in (rss_b, rss_base)) + " GiB"
        share = "-" if s["incremental_share"] is None else f"{s['incremental_share']:.0%}"
        floor = s.get("floor") or {"median_s": None}
        floor_share = "-" if s.get("floor_share") is None else f"{s['floor_share']:.0%}"
        pps = "-" if s["postings_per_s"] is None else f"{s['postings_per_s']:,}"
        rb = "-" if s["ratio_build_baseline"] is None else f"{s['ratio_build_baseline']:.3f}x"
        rr = "-" if s["ratio_run_baseline"] is None else f"{s['ratio_run_baseline']:.3f}x"
        lines.append(
            f"| {r['size']} | {d['postings']:,} | {d['raw_bytes'] / 2**30:.1f} GiB "
            f"| {fmt_s(s['build']['median_s'])} | {fmt_s(s['run']['median_s'])} | {fmt_s(s['baseline']['median_s'])} "
            f"| {rb} | {rr} | {fmt_s(s['build']['cpu_median_s'])} / {fmt_s(s['run']['cpu_median_s'])} / "
            f"{fmt_s(s['baseline']['cpu_median_s'])} | {rss} | {pps} | {fmt_s(s['incremental']['median_s'])} ({share}) "
            f"| {fmt_s(floor['median_s'])} ({floor_share}) | {fmt_s(s['noop']['median_s'])} |")
    return "\n".join(lines)


def machine() -> dict:
    def sh(cmd):
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        return r.stdout.strip()
    import duckdb
    versions = {"python": platform.python_version(), "duckdb": duckdb.__version__}
    for pkg in ("dbt-core", "dbt-duckdb", "pandas"):
        try:
            from importlib.metadata import version
            versions[pkg] = version(pkg)
        except Exception:
            versions[pkg] = None
    return {
        "nproc": sh("nproc"), "cpu": sh("lscpu | sed -n 's/^Model name: *//p'"),
        "free_h": sh("free -h"), "kernel": platform.release(),
        "disk": sh(f"df -h {PROJECT_DIR} | tail -1"), "versions": versions,
    }


def write_results_md(all_results: dict, mach: dict, settings: dict) -> None:
    results = sorted(all_results.values(), key=lambda r: r["requested_postings"])
    v = mach["versions"]
    out = [
        "# Benchmark results",
        "",
        "Latest results of `make bench` (`bench/run.py`); rewritten by every run, one section per size "
        "(the latest measurement of each). Medians of the runs; wall times in seconds.",
        "",
        "## Machine",
        "",
        f"- CPU: {mach['cpu']}, `nproc` = {mach['nproc']}; kernel {mach['kernel']}",
        f"- versions: Python {v['python']}, DuckDB {v['duckdb']}, dbt-core {v['dbt-core']}, dbt-duckdb {v['dbt-duckdb']}"
        + (f", pandas {v['pandas']}" if v.get("pandas") else ""),
        f"- disk: `{mach['disk']}`",
        "- shared with other developers running dbt builds and pytest at the same time: the 1-minute load "
        "average during each size is in the notes below; compare ratios measured in the same run.",
        "",
        "```",
        mach["free_h"],
        "```",
        "",
        f"Settings: dbt threads {settings['threads']}, DuckDB memory_limit {settings['memory_limit']} "
        "(dbt profile and baseline alike), DuckDB threads = all cores (default).",
        "",
        "## Results",
        "",
        table(results),
        "",
        "- **dbt build**: `job-market build` into an empty DuckDB file, i.e. `dbt build --full-refresh --exclude-resource-type unit_test` (all seeds, models and data tests; unit tests run in `make test`, not in warehouse builds, since 42dc425). "
        "**dbt run**: `dbt run` (models only) into a file where `dbt seed` ran first (not timed).",
        "- **baseline**: `bench/baseline.sql`, one DuckDB script doing the same transformations without dbt (no tests); "
        "its marts are compared with dbt's row for row on the first run of every size.",
        "- **incremental**: `job-market build` after 1 % new postings land as new files next to the others "
        "(an incremental `dbt build` of the nodes fed by raw data: new files loaded, new postings processed, marts "
        "rebuilt, generic tests on the new rows; see the doc block incremental_processing); "
        "**no-op**: `job-market build` again with nothing new (the build plan finds the same project and files "
        "and runs no dbt). "
        "**floor**: the incremental build's dbt command with `--empty` (every ref and source reads zero rows) "
        "in the incremental build's warehouse (saved before and put back after): dbt's own cost for the "
        "same nodes with no data, below which no incremental build of these nodes can go.",
        "- peak RSS: maximum resident set of the measured process (dbt and its DuckDB, or the baseline's "
        "Python + DuckDB), from a fresh wrapper's RUSAGE_CHILDREN.",
        "",
    ]
    for r in results:
        s, d = r["summary"], r["data"]
        out += [f"### {r['size']}", ""]
        out.append(f"- data: {d['postings']:,} postings ({d['active_postings']:,} active), {d['observations']:,} raw lines "
                   f"in {d['raw_files']} files, {d['raw_bytes'] / 2**30:.2f} GiB on disk (about half the files gzip); "
                   f"generator scale {d['scale']}"
                   + (f", generated in {d['generation_wall_s']:.0f} s" if d.get("generation_wall_s") else "")
                   + f"; delta {d['delta_postings']:,} postings / {d['delta_lines']:,} lines")
        for step, name in (("build", "dbt build"), ("run", "dbt run"), ("baseline", "baseline"),
                           ("noop", "no-op build"), ("incremental", "incremental build"),
                           ("floor", "incremental floor (--empty)")):
            x = s.get(step) or {"ok_runs": 0, "failed_runs": 0}
            if not x["ok_runs"] and not x["failed_runs"]:
                out.append(f"- {name}: not measured at this size")
                continue
            out.append(f"- {name}: median {fmt_s(x['median_s'])} s (min {fmt_s(x['min_s'])}, max {fmt_s(x['max_s'])}, "
                       f"{x['ok_runs']} ok runs" + (f", {x['failed_runs']} FAILED" if x["failed_runs"] else "")
                       + (f", up to {x['failed_tests_max']} data/unit tests failing or erroring" if x.get("failed_tests_max") else "")
                       + f"), CPU {fmt_s(x['cpu_median_s'])} s, peak RSS {fmt_s(x['peak_rss_mib'])} MiB")
        if r.get("verify"):
            bad = {m: x for m, x in r["verify"].items() if x.get("error") or x["only_in_dbt"] or x["only_in_baseline"]}
            out.append("- baseline marts vs dbt marts: " + ("identical (all 9 marts, row for row)" if not bad
                                                            else "DIFFER: " + json.dumps(bad)))
        if s.get("pandas"):
            p = s["pandas"]
            out.append(f"- pandas reference (role metrics + skill shares from the staged postings): median "
                       f"{fmt_s(p['median_s'])} s wall ({fmt_s(p['load_median_s'])} s loading Parquet, "
                       f"{fmt_s(p['compute_median_s'])} s computing), peak RSS {fmt_s(p['peak_rss_mib'])} MiB, "
                       f"matches the marts: {p['matches_marts']}")
        bt = s["node_seconds_by_type"]
        out.append("- full build, sum of node execution times: " + ", ".join(f"{k} {fmt_s(v)} s" for k, v in sorted(bt.items())))
        out.append("- slowest nodes of the full build (median s): " + ", ".join(
            f"{node_label(uid)} {t:.1f}" for uid, t in s["top_nodes"][:8]))
        out.append(f"- 1-minute load average during the runs: {s['load1_min_max']}; project: {r.get('project', {})}; "
                   f"finished {r['finished_at']}; logs in bench/{r['logs']}")
        out.append("")
    notes = BENCH_DIR / "NOTES.md"
    if notes.exists():
        out += ["", notes.read_text().rstrip(), ""]
    RESULTS_MD.write_text("\n".join(out) + "\n")


# ------------------------------------------------------------------------------------------------
# main
# ------------------------------------------------------------------------------------------------

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
        ap.add_argument("--sql", type=Path, default=BENCH_DIR / "baseline.sql", help="the baseline script")
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
                    help="which measurements to take per run (comma-separated subset of the default)")
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

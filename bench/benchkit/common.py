"""Shared pieces of the benchmark: paths, sizes, the marts compared, logging, and `measure` (a command run under a wrapper that reports its own CPU time and peak RSS)."""


from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent
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
    "role_countries", "role_employers", "postings",
    "role_weekly_open_postings", "role_skill_monthly_demand", "role_skill_movers",
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

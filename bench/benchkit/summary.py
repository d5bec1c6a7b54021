"""Medians and ratios of a size's runs, the results table, and bench/RESULTS.md."""


from __future__ import annotations

import datetime as dt
import json
import platform
import statistics
import subprocess
from benchkit.common import BENCH_DIR, PROJECT_DIR, RESULTS_MD


def _med(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 2) if values else None


def summarize(result: dict) -> dict:
    runs = result["runs"]
    def ok(step):
        return [r[step] for r in runs if step in r and r[step].get("ok", r[step]["rc"] == 0)]
    s: dict = {}
    for step in ("build", "run", "baseline", "noop", "incremental", "floor", "spark", "spark_incremental"):
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
    # Spark (local, same cores) against the DuckDB build of the same run, by wall time
    s["ratio_spark_build"] = round(s["spark"]["median_s"] / b, 3) if b and s["spark"]["median_s"] else None
    inc = s["incremental"]["median_s"]
    s["ratio_spark_incremental"] = (round(s["spark_incremental"]["median_s"] / inc, 3)
                                    if inc and s["spark_incremental"]["median_s"] else None)
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
        "- **baseline**: `bench/baseline.sql` and `bench/baseline_history.sql` (the trend marts, since session 12), "
        "DuckDB scripts doing the same transformations without dbt (no tests), in one connection; "
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
                           ("floor", "incremental floor (--empty)"), ("spark", "Spark build (local, full)"),
                           ("spark_incremental", "Spark build after +1 %")):
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
            out.append("- baseline marts vs dbt marts: " + (f"identical (all {len(r['verify'])} marts, row for row)" if not bad
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

"""Benchmark data: the generated raw files per size (cached under data/bench/<size>/), replicated sizes, the 1 % delta, and the landing folder of links the builds read."""


from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from benchkit.common import DELTA_PREFIX, DELTA_SEED, DELTA_SHARE, DELTA_SHIFT_DAYS, DESCRIPTION_CHARS, GENERATOR_SEED, MAX_SCALE_PER_CHUNK, POSTINGS_PER_SCALE, log, parse_size, venv_bin


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

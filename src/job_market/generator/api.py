"""The generator's public entry points: generate(), its command-line options and summary."""
from __future__ import annotations

import argparse
import os
from typing import Optional

from .engine import Generator


def default_workers() -> int:
    env = os.environ.get("JOB_MARKET_GENERATOR_WORKERS")
    if env:
        return max(1, int(env))
    return max(1, min(4, os.cpu_count() or 1))


def generate(out_dir, seed: int = 42, calibration: str = "article", scale: float = 1.0,
             description_chars: int = 600, workers: Optional[int] = None) -> dict:
    """Write raw batches and the truth files under ``out_dir``; returns a summary dict."""
    if calibration not in ("article", "random"):
        raise ValueError("calibration must be 'article' or 'random'")
    if scale <= 0:
        raise ValueError("scale must be positive")
    gen = Generator(out_dir, seed=seed, calibration=calibration, scale=scale,
                    description_chars=description_chars)
    return gen.run(workers=default_workers() if workers is None else workers)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """Generator options (everything but --out) for an argparse parser."""
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--calibration", choices=("article", "random"), default="article",
                    help="article: reproduce the reference article exactly; random: proportions "
                         "drawn from the seed")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every posting count")
    ap.add_argument("--description-chars", type=int, default=600,
                    help="approximate description length in characters")
    ap.add_argument("--workers", type=int, default=None,
                    help="worker processes (default: min(4, CPUs); output is identical for any "
                         "value)")


def generate_from_args(out_dir, args) -> dict:
    return generate(out_dir, seed=args.seed, calibration=args.calibration, scale=args.scale,
                    description_chars=args.description_chars,
                    workers=getattr(args, "workers", None))


def format_summary(summary: dict) -> str:
    c = summary["counts"]
    lines = [f"wrote {c['postings']:,} postings ({c['active_postings']:,} active, "
             f"{c['closed_postings']:,} closed), {c['observations']:,} observations in "
             f"{len(summary['files'])} files under {summary['out_dir']}/raw "
             f"in {summary['elapsed_seconds']} s (seed {summary['seed']}, "
             f"calibration {summary['calibration']}, scale {summary['scale']})"]
    for w in summary.get("warnings", []):
        lines.append("warning: " + w)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m job_market.generator",
        description="Generate raw job-posting scrape batches plus their ground truth.")
    ap.add_argument("--out", required=True, help="output directory (raw/ and truth/ go inside)")
    add_arguments(ap)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    summary = generate_from_args(args.out, args)
    if not args.quiet:
        print(format_summary(summary))
    return 0

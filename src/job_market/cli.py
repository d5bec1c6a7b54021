"""`job-market`: generate raw data, build the warehouse, print the role comparison.

    job-market run                      generate default data, dbt build, print the headline table
    job-market generate [--seed N ...]  write raw JSON Lines + ground truth
    job-market build [dbt args ...]     dbt seed + run + test on the configured DuckDB
    job-market report --role-a A --role-b B
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from job_market import generator
from job_market.project import DEFAULT_DATA_DIR, WarehouseSettings, run_dbt
from job_market.report import ReportError, format_role_pair, load_role_pair, mart_row_counts

DEFAULT_ROLE_A = "AI Engineer"
DEFAULT_ROLE_B = "Machine Learning Engineer"


def _build(settings: WarehouseSettings, extra: list[str]) -> int:
    return run_dbt(["build", *extra], settings)


def _report(settings: WarehouseSettings, role_a: str, role_b: str) -> int:
    try:
        print(format_role_pair(load_role_pair(settings.db_path, role_a, role_b)))
    except ReportError as exc:
        print(f"job-market: {exc}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="job-market", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p_run = sub.add_parser("run", help="generate default data, build, print the comparison")
    p_run.add_argument("--seed", type=int, default=42)
    p_run.add_argument("--role-a", default=DEFAULT_ROLE_A)
    p_run.add_argument("--role-b", default=DEFAULT_ROLE_B)

    p_gen = sub.add_parser("generate", help="write generated raw files and ground truth")
    p_gen.add_argument("--out", type=Path, default=DEFAULT_DATA_DIR)
    generator.add_arguments(p_gen)

    p_build = sub.add_parser("build", help="dbt build (seeds, models, tests) on the configured warehouse")
    p_build.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra arguments passed to dbt build")

    p_report = sub.add_parser("report", help="print the comparison of two roles from the marts")
    p_report.add_argument("--role-a", default=DEFAULT_ROLE_A)
    p_report.add_argument("--role-b", default=DEFAULT_ROLE_B)

    args = parser.parse_args(argv)
    settings = WarehouseSettings.from_env()

    if args.command == "generate":
        summary = generator.generate_from_args(args.out, args)
        print(generator.format_summary(summary))
        return 0
    if args.command == "build":
        return _build(settings, args.dbt_args)
    if args.command == "report":
        return _report(settings, args.role_a, args.role_b)

    # run: the main job on the embedded default (DuckDB + generated data)
    summary = generator.generate(DEFAULT_DATA_DIR, seed=args.seed)
    print(generator.format_summary(summary))
    settings = WarehouseSettings(db_path=settings.db_path, raw_glob=str(DEFAULT_DATA_DIR / "raw" / "*.jsonl*"))
    check = "true" if args.seed == 42 else "false"
    code = _build(settings, ["--vars", f"{{check_article_figures: {check}}}"])
    if code != 0:
        print("job-market: dbt build failed; see the log above", file=sys.stderr)
        return code
    print(f"\nWarehouse: {settings.db_path}")
    for table, rows in mart_row_counts(settings.db_path):
        print(f"  marts.{table:<30} {rows:>8,} rows")
    print()
    return _report(settings, args.role_a, args.role_b)


if __name__ == "__main__":
    sys.exit(main())

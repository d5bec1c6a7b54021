"""`job-market`: generate raw data, build the warehouse, print the role comparison.

    job-market run                      generate default data, dbt build, print the headline table
    job-market generate [--seed N ...]  write raw JSON Lines + ground truth
    job-market build [dbt args ...]     dbt seed + run + test on the configured DuckDB, then publish
                                        (JOB_MARKET_TARGET=spark: on Spark, see job_market.spark_build)
    job-market publish [--force]        copy the marts of the last successful build to the published file
    job-market report --role-a A --role-b B [--format text|html|md|json] [--output FILE]
                                        (reads the published marts)
    job-market site [--output DIR]      the report page of every role pair and an index (reads the published marts)
    job-market docs [--target-path DIR] the static docs site (dbt docs generate --static, made safe)
    job-market evaluate [--generated SEED]  classifier precision / recall on the labelled sets
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from job_market import docs_site, evaluate, generator, parity, publish, spark_build
from job_market.project import DEFAULT_DATA_DIR, PROJECT_DIR, WarehouseSettings, run_dbt
from job_market.report import ReportError, format_role_pair, load_role_pair, mart_row_counts

DEFAULT_ROLE_A = "AI Engineer"
DEFAULT_ROLE_B = "Machine Learning Engineer"


def _build(settings: WarehouseSettings, extra: list[str], *, publish_after: bool = True) -> int:
    # dbt build, then (only if every model and test passed) publish the marts for readers
    if settings.target == "spark":
        return spark_build.build(settings, extra, publish_after=publish_after)
    return publish.build(settings, extra, publish_after=publish_after)


def _read_path(settings: WarehouseSettings, db: Path | None) -> Path:
    if db is not None:
        return db
    path, is_published = publish.read_path(settings)
    if not is_published and path.exists():
        print(f"job-market: nothing published at {settings.published_path} yet; "
              f"reading the working warehouse {path}", file=sys.stderr)
    return path


def _report(settings: WarehouseSettings, role_a: str, role_b: str, db: Path | None = None,
            fmt: str = "text", output: Path | None = None) -> int:
    path = _read_path(settings, db)
    try:
        if fmt == "text":
            text = format_role_pair(load_role_pair(path, role_a, role_b)) + "\n"
        else:
            from job_market import report_data, report_page  # Altair loads only for these formats

            data = report_data.load_page_data(path, role_a, role_b)
            text = {"html": report_page.render_html, "md": report_page.render_markdown,
                    "json": report_page.render_json}[fmt](data)
    except ReportError as exc:
        print(f"job-market: {exc}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"job-market: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"job-market: wrote {output} ({fmt}, {len(text.encode('utf-8')):,} bytes)", file=sys.stderr)
    return 0


def _split_build_args(argv: list[str]) -> tuple[list[str], list[str]]:
    """`build [--no-publish] [--] DBT_ARGS...`: hand DBT_ARGS to dbt verbatim (argparse's REMAINDER
    rejects a first argument that looks like an option, e.g. `build --select x`)."""
    if not argv or argv[0] != "build":
        return argv, []
    i = 1
    while i < len(argv) and argv[i] in ("--no-publish", "-h", "--help"):
        i += 1
    rest = argv[i:]
    return argv[:i], rest[1:] if rest[:1] == ["--"] else rest


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

    p_build = sub.add_parser("build", help="dbt build (seeds, models, tests) on the configured warehouse, then publish")
    p_build.add_argument("--no-publish", action="store_true", help="do not publish the marts after a successful build")
    p_build.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra arguments passed to dbt build")

    p_report = sub.add_parser("report", help="print the comparison of two roles from the marts")
    p_report.add_argument("--role-a", default=DEFAULT_ROLE_A)
    p_report.add_argument("--role-b", default=DEFAULT_ROLE_B)
    p_report.add_argument("--db", type=Path, default=None,
                          help="DuckDB file to read (default: the published marts, else the working warehouse)")
    p_report.add_argument("--format", choices=["text", "html", "md", "json"], default="text",
                          help="text table (default), a self-contained HTML page with charts, Markdown or JSON")
    p_report.add_argument("--output", type=Path, default=None, help="write to this file instead of stdout")

    p_site = sub.add_parser("site", help="write the report page of every role pair and an index page")
    p_site.add_argument("--output", type=Path, default=PROJECT_DIR / "target" / "site",
                        help="folder to write (default: the project's target/site)")
    p_site.add_argument("--db", type=Path, default=None,
                        help="DuckDB file to read (default: the published marts, else the working warehouse)")

    p_evaluate = sub.add_parser("evaluate", help="precision and recall of the classifiers on the labelled sets in evaluation/")
    evaluate.add_arguments(p_evaluate)

    p_docs = sub.add_parser("docs", help="write the static docs site of the configured warehouse and say where it is")
    p_docs.add_argument("--target-path", type=Path, default=docs_site.DEFAULT_TARGET,
                        help="dbt's target folder to write it in (default: the project's target/)")

    p_publish = sub.add_parser("publish", help="publish the marts of the last successful build for readers")
    p_publish.add_argument("--force", action="store_true",
                           help="publish the working warehouse even without a successful `job-market build` record")

    p_parity = sub.add_parser("parity", help="compare the marts of a DuckDB build with those a Spark build wrote")
    p_parity.add_argument("--db", type=Path, default=None, help="DuckDB warehouse file (default: JOB_MARKET_DB)")
    p_parity.add_argument("--spark-warehouse", type=Path, default=None,
                          help="Spark warehouse folder (default: JOB_MARKET_SPARK_WAREHOUSE, else warehouse/spark)")

    argv, dbt_args = _split_build_args(sys.argv[1:] if argv is None else list(argv))
    args = parser.parse_args(argv)
    settings = WarehouseSettings.from_env()
    problem = None
    if args.command in ("build", "run"):
        problem = settings.target_problem() or (settings.dbt_path_problem() if settings.target == "duckdb" else None)
    if problem:
        # caught before dbt starts (or data is generated): dbt-duckdb would fail on this path
        # with a DuckDB catalog or parser error
        print(f"job-market: {problem}", file=sys.stderr)
        return 2

    if args.command == "generate":
        summary = generator.generate_from_args(args.out, args)
        print(generator.format_summary(summary))
        return 0
    if args.command == "build":
        return _build(settings, [*args.dbt_args, *dbt_args], publish_after=not args.no_publish)
    if args.command == "evaluate":
        return evaluate.run(args)
    if args.command == "publish":
        return publish.publish_command(settings, force=args.force)
    if args.command == "report":
        if args.format == "html" and args.output is None:
            print("job-market: --format html needs --output FILE", file=sys.stderr)
            return 2
        return _report(settings, args.role_a, args.role_b, args.db, args.format, args.output)
    if args.command == "parity":
        spark_warehouse = args.spark_warehouse or Path(os.environ.get("JOB_MARKET_SPARK_WAREHOUSE", "warehouse/spark"))
        return parity.parity_command(args.db or settings.db_path, spark_warehouse)
    if args.command == "docs":
        return docs_site.generate(settings, args.target_path)
    if args.command == "site":
        from job_market import site  # Altair loads only here and for the report's page formats

        return site.site_command(_read_path(settings, args.db), args.output)

    # run: the main job on the embedded default (DuckDB, or Spark with JOB_MARKET_TARGET=spark,
    # over generated data)
    summary = generator.generate(DEFAULT_DATA_DIR, seed=args.seed)
    print(generator.format_summary(summary))
    settings = dataclasses.replace(settings, raw_glob=str(DEFAULT_DATA_DIR / "raw" / "*.jsonl*"))
    check = "true" if args.seed == 42 else "false"
    # on Spark a full rebuild: the data was just generated again, and plain Parquet tables take no
    # DELETE (docs/spark_port.md); on DuckDB job_market.plan decides
    refresh = ["--full-refresh"] if settings.target == "spark" else []
    code = _build(settings, [*refresh, "--vars", f"{{check_article_figures: {check}}}"])
    if code != 0:
        print("job-market: build or publish failed; see the log above", file=sys.stderr)
        return code
    if settings.target == "spark":
        marts = spark_build.marts_copy_path(settings)
        print(f"\nWarehouse (Spark, Parquet): {settings.spark_warehouse}\nMarts copied for readers: {marts}")
    else:
        marts = settings.published_path
        print(f"\nWarehouse: {settings.db_path}\nPublished marts (what readers see): {marts}")
    for table, rows in mart_row_counts(marts):
        print(f"  marts.{table:<30} {rows:>8,} rows")
    print()
    return _report(settings, args.role_a, args.role_b, marts if settings.target == "spark" else None)


if __name__ == "__main__":
    sys.exit(main())

"""One row per path the JOB_MARKET_RAW glob matches: is it a file, can it be read, how many lines
it has, which lines the reader rejects, and what the line reader opens for it. This is the
warehouse's landing check; the work is done by job_market.landing (its docstring has the rules).

A file that cannot be read is reported by name (file_status 'unreadable', read_error) instead of
failing the build, and counts against the loss budget; a path that is not a file is listed as
'not_a_file'. base_job_board__raw_lines reads only the files marked 'loaded'.

Engine-specific by nature: this is the DuckDB loader (on Spark the same contract would come from
the text source with its _metadata columns).
"""

from pathlib import Path

import duckdb

from job_market import landing


def _dbt_flag(name: str) -> bool:
    """A flag of the running dbt command (FULL_REFRESH, EMPTY, ...). dbt-duckdb runs Python models
    inside dbt's own process, so they are read from dbt's global flags; a flag that cannot be read
    counts as not set."""
    try:
        from dbt.flags import get_flags

        return bool(getattr(get_flags(), name, False))
    except Exception:  # noqa: BLE001 - any failure means: not known to be set
        return False


def _full_refresh(dbt) -> bool:
    """The model's `full_refresh` config when set, else the command's --full-refresh flag."""
    configured = dbt.config.get("full_refresh")
    return bool(configured) if configured is not None else _dbt_flag("FULL_REFRESH")


def _previous_checks(dbt, session) -> dict:
    """{source_file: FileCheck} of this model's previous table (none on a first build)."""
    try:
        rows = session.execute(
            f"""
            select source_file, file_size_bytes, file_modified_at, file_status, accepted_line_count,
                   [(item.line_number, item.reject_reason) for item in coalesce(rejected_lines, [])],
                   read_path, landing_note
            from {dbt.this}
            """
        ).fetchall()
    except duckdb.Error:
        return {}
    return {
        path: landing.FileCheck(
            path, size, modified, status, accepted,
            [tuple(item.values()) if isinstance(item, dict) else tuple(item) for item in rejected],
            read_path=read_path, landing_note=note,
        )
        for path, size, modified, status, accepted, rejected, read_path, note in rows
    }


def _copy_dir(dbt, session) -> Path:
    """Where line copies go: the configured folder, else beside the DuckDB file."""
    configured = dbt.config.get("line_copy_dir")
    if configured:
        return Path(configured).absolute()
    (database_path,) = session.execute(
        "select path from duckdb_databases() where database_name = current_database()"
    ).fetchone()
    return Path(f"{database_path}.landing").absolute()


def model(dbt, session):
    dbt.config(materialized="table")
    # the source names this model's input for dbt's lineage; the files are listed by the glob
    # itself, since DuckDB's listing fails on a name that is not UTF-8 and skips non-files
    try:
        dbt.source("job_board", "posting_files")
    except duckdb.Error:
        pass
    raw_glob = dbt.config.get("raw_glob")
    checks = [] if _dbt_flag("EMPTY") else landing.check_files(
        session,
        raw_glob,
        max_line_bytes=int(dbt.config.get("max_line_bytes")),
        previous={} if _full_refresh(dbt) else _previous_checks(dbt, session),
        copy_dir=_copy_dir(dbt, session),
        errors=duckdb.Error,
    )
    if not checks and not _dbt_flag("EMPTY"):
        # a glob that matches nothing is a configuration error, not an empty market
        raise RuntimeError(f"no raw file matches JOB_MARKET_RAW={raw_glob!r}")

    session.execute(
        """
        create or replace temp table job_board_file_checks (
            source_file varchar,
            file_size_bytes bigint,
            file_modified_at timestamp,
            file_status varchar,
            accepted_line_count bigint,
            read_error varchar,
            read_path varchar,
            landing_note varchar
        )
        """
    )
    session.execute(
        "create or replace temp table job_board_rejected (source_file varchar, line_number bigint, reject_reason varchar)"
    )
    if checks:
        session.executemany(
            "insert into job_board_file_checks values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.source_file, c.size, c.modified, c.status, c.accepted, c.read_error, c.read_path, c.landing_note)
                for c in checks
            ],
        )
    rejected = [(c.source_file, line, reason) for c in checks for line, reason in c.rejected]
    if rejected:
        session.executemany("insert into job_board_rejected values (?, ?, ?)", rejected)

    return session.sql(
        """
        with

        rejected as (
            select
                source_file,
                count(*) as rejected_line_count,
                list(
                    struct_pack(line_number := line_number, reject_reason := reject_reason)
                    order by line_number
                ) as rejected_lines
            from job_board_rejected
            group by source_file
        ),

        counted as (
            select
                checks.*,
                case
                    when checks.accepted_line_count is not null
                        then coalesce(rejected.rejected_line_count, 0)
                end as rejected_line_count,
                rejected.rejected_lines
            from job_board_file_checks as checks
            left join rejected
                on checks.source_file = rejected.source_file
        )

        select
            source_file,
            file_size_bytes,
            file_modified_at,
            case
                when file_status = 'loaded' and accepted_line_count + rejected_line_count = 0 then 'empty'
                else file_status
            end as file_status,
            accepted_line_count + rejected_line_count as line_count,
            accepted_line_count,
            rejected_line_count,
            rejected_lines,
            read_error,
            read_path,
            landing_note
        from counted
        order by source_file
        """
    )

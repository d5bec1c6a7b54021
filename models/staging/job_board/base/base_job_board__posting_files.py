"""One row per raw file the JOB_MARKET_RAW glob matches: can it be read, how many lines it has,
and which lines the reader rejects. This is the warehouse's landing check.

A file DuckDB cannot read at all (a truncated or corrupt gzip, line ends that mix LF with CR or CRLF,
a file that vanished or cannot be opened) would make any SQL scan over the glob fail, and with it the whole build. Here each failure
is caught, the file is reported by name (file_status 'unreadable', read_error) and every other file
still builds; base_job_board__raw_lines reads only the files marked 'loaded'. Lines the reader
rejects inside a readable file (not UTF-8, longer than max_line_bytes, holding a NUL byte) are
listed with their line numbers in rejected_lines; they are quarantined downstream.

Security: file paths are data. They reach DuckDB only as bound parameters, never inside SQL text.
Performance: the files new or changed since the previous build (path, size, modification time)
are read in one parallel scan (counting lines only, nothing is stored); files checked before and
unchanged keep their previous results, so a build after one new batch reads one batch. A full
refresh (`--full-refresh`, or the model's `full_refresh` config) reads every file again. Only when
the scan fails is each file read on its own to find the culprits. No Python runs per line.

Engine-specific by nature (this is the DuckDB loader; on Spark the same contract would come from
spark.read.text with input_file_name() and spark.sql.files.ignoreCorruptFiles).
"""

from datetime import timezone

import duckdb

# One line per row, no CSV semantics at all: NUL as delimiter, no quote or escape characters.
# A NUL byte in a line therefore shows up as a second column, which the reader rejects.
READ_OPTIONS = (
    "columns = {'raw_line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, "
    "auto_detect = false, filename = true, ignore_errors = true, store_rejects = true, "
    "max_line_size = ?"
)

REJECT_REASONS = {
    "INVALID ENCODING": "invalid_encoding",
    "LINE SIZE OVER MAXIMUM": "line_too_long",
    "TOO MANY COLUMNS": "nul_byte",
}


# Hints for the errors an operator meets most, prefixed to DuckDB's own message.
READ_ERROR_HINTS = {
    "GZIP": "corrupt or truncated gzip (re-land the file)",
    "state machine reached an invalid state": (
        "line ends mix LF with CR or CRLF, or a bare CR sits inside a line (normalize line ends, "
        "e.g. dos2unix, and re-land the file)"
    ),
}


def _read_error(error: Exception) -> str:
    message = str(error).strip()
    first_line = message.splitlines()[0][:500] if message else type(error).__name__
    hints = [hint for needle, hint in READ_ERROR_HINTS.items() if needle in message]
    return f"{hints[0]}: {first_line}" if hints else first_line


def _scan(session, paths, max_line_bytes, tag):
    """Count the lines of `paths` in one scan; rejected lines go to temp tables named after tag.
    Returns {path: accepted lines}; raises when a file cannot be read."""
    rejects, scans = f"job_board_rejects_{tag}", f"job_board_reject_scans_{tag}"
    options = f"{READ_OPTIONS}, rejects_table = '{rejects}', rejects_scan = '{scans}'"
    session.execute(f"drop table if exists {rejects}")
    session.execute(f"drop table if exists {scans}")
    rows = session.execute(
        f"select filename, count(*) from read_csv(?, {options}) group by filename",
        [paths, max_line_bytes],
    ).fetchall()
    return dict(rows), rejects, scans


def _utc(moment):
    """A file time as the naive UTC datetime this table stores."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


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
    """Whether this build is a full refresh: the model's `full_refresh` config when set, else the
    command's --full-refresh flag. If the flag cannot be read, the build is not treated as a full
    refresh (unchanged files keep their results, as in any other build)."""
    configured = dbt.config.get("full_refresh")
    if configured is not None:
        return bool(configured)
    return _dbt_flag("FULL_REFRESH")


def _empty_run() -> bool:
    """Whether this is `dbt build --empty` (every source and ref reads zero rows, so the glob
    looks empty here): the model then checks no file and returns its schema with no rows."""
    return _dbt_flag("EMPTY")


def _previous_checks(dbt, session) -> dict:
    """{path: check} of the readable files in this model's previous table (none on a first
    build). A file is known by path, size and modification time, so a re-landed file is always
    read again; unreadable files are checked again on every build."""
    try:
        rows = session.execute(
            f"""
            select source_file, file_size_bytes, file_modified_at, accepted_line_count,
                   [(item.line_number, item.reject_reason) for item in coalesce(rejected_lines, [])]
            from {dbt.this}
            where file_status in ('loaded', 'empty')
            """
        ).fetchall()
    except duckdb.CatalogException:
        return {}
    return {
        path: {
            "version": (size, _utc(modified)),
            "accepted_line_count": accepted,
            "rejected_lines": [tuple(item.values()) if isinstance(item, dict) else tuple(item) for item in rejected],
        }
        for path, size, modified, accepted, rejected in rows
    }


def model(dbt, session):
    dbt.config(materialized="table")
    max_line_bytes = int(dbt.config.get("max_line_bytes"))

    landed = dbt.source("job_board", "posting_files")
    files = landed.project("filename, size, last_modified").order("filename").fetchall()
    if not files and not _empty_run():
        # a glob that matches nothing is a configuration error, not an empty market
        raise RuntimeError(f"no raw file matches JOB_MARKET_RAW={dbt.config.get('raw_glob')!r}")

    session.execute(
        """
        create or replace temp table job_board_file_checks (
            source_file varchar,
            file_size_bytes bigint,
            file_modified_at timestamptz,
            file_status varchar,
            accepted_line_count bigint,
            read_error varchar
        )
        """
    )
    session.execute(
        """
        create or replace temp table job_board_rejected (
            source_file varchar, line_number bigint, reject_type varchar
        )
        """
    )

    # Files checked by the previous build and unchanged since (same size and modification time)
    # keep their results: a landed batch is read once here, not on every build. A full refresh
    # starts from the files alone.
    previous = {} if _full_refresh(dbt) else _previous_checks(dbt, session)
    reused = {
        path: previous[path]
        for path, size, modified in files
        if path in previous and previous[path]["version"] == (size, _utc(modified))
    }

    to_read = [path for path, size, _ in files if size > 0 and path not in reused]
    accepted, errors, reject_tables = {}, {}, []
    for path, check in reused.items():
        accepted[path] = check["accepted_line_count"]
    if to_read:
        try:
            counts, rejects, scans = _scan(session, to_read, max_line_bytes, "all")
            accepted.update(counts)
            reject_tables.append((rejects, scans))
        except duckdb.Error:
            # Some file cannot be read: read each on its own to name it; the others still load.
            for index, path in enumerate(to_read):
                try:
                    counts, rejects, scans = _scan(session, [path], max_line_bytes, f"file_{index}")
                    accepted.update(counts)
                    reject_tables.append((rejects, scans))
                except duckdb.Error as error:
                    errors[path] = _read_error(error)

    for rejects, scans in reject_tables:
        session.execute(
            f"""
            insert into job_board_rejected
            select scans.file_path, errors.line, min(errors.error_type)
            from {rejects} as errors
            inner join {scans} as scans
                on errors.scan_id = scans.scan_id and errors.file_id = scans.file_id
            group by scans.file_path, errors.line
            """
        )
        session.execute(f"drop table if exists {rejects}")
        session.execute(f"drop table if exists {scans}")

    checks = []
    for path, size, modified in files:
        if path in errors:
            status, lines = "unreadable", None
        else:
            lines = accepted.get(path, 0)
            status = "loaded"  # refined to 'empty' below when no line at all was found
        checks.append((path, size, modified, status, lines, errors.get(path)))
    if checks:
        session.executemany("insert into job_board_file_checks values (?, ?, ?, ?, ?, ?)", checks)

    reused_rejects = [
        (path, line_number, reason)
        for path, check in reused.items()
        for line_number, reason in check["rejected_lines"]
    ]
    if reused_rejects:
        session.executemany("insert into job_board_rejected values (?, ?, ?)", reused_rejects)

    # DuckDB's error types become our reasons; reused rows already carry a reason
    reasons = " ".join(f"when '{kind}' then '{code}'" for kind, code in REJECT_REASONS.items())
    reasons += " " + " ".join(f"when '{code}' then '{code}'" for code in REJECT_REASONS.values())
    return session.sql(
        f"""
        with

        rejected as (
            select
                source_file,
                count(*) as rejected_line_count,
                list(
                    struct_pack(
                        line_number := line_number,
                        reject_reason := case reject_type {reasons} else 'unreadable_line' end
                    )
                    order by line_number
                ) as rejected_lines
            from job_board_rejected
            group by source_file
        ),

        counted as (
            select
                checks.source_file,
                checks.file_size_bytes,
                timezone('UTC', checks.file_modified_at) as file_modified_at,
                checks.file_status,
                checks.accepted_line_count,
                case
                    when checks.file_status = 'unreadable' then null
                    else coalesce(rejected.rejected_line_count, 0)
                end as rejected_line_count,
                rejected.rejected_lines,
                checks.read_error
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
            read_error
        from counted
        order by source_file
        """
    )

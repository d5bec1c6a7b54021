"""Safe publishing: readers query a published copy of the marts, never the file dbt is writing.

dbt writes the *working* DuckDB file (``JOB_MARKET_DB``); DuckDB allows one writer per file and a
build rewrites the marts one table at a time, so BI tools must not read it. After a build whose
every model and test passed, :func:`publish` copies every relation of schema ``marts`` into a NEW
DuckDB file beside the *published* one (a hidden temp name in the same folder) with their table and
column comments (the models' descriptions, which dbt's ``persist_docs`` wrote), adds
``meta.publish_log`` / ``meta.table_row_counts``, checkpoints, closes and fsyncs it, and
``os.replace``-s it over the published file (``JOB_MARKET_PUBLISHED_DB``, default
``<working stem>.marts.duckdb`` beside the working file), written in DuckDB storage version
``v1.1.0`` so that DuckDB 1.1+ clients (what most BI drivers bundle) open it as well as 2.x. The swap
is one atomic rename (just before it, job_market.export swaps in the same marts as Parquet files):

* a reader that connects after it sees the new file whole, one that connected before keeps reading
  the old file (its inode lives until the reader closes it); nobody ever sees a mix;
* a build that fails or is killed never reaches the swap, so the published file stays as it was;
* temp files left by a killed publish are removed by the next publish (only those whose process is
  gone); the working file's WAL left by a killed dbt is replayed by DuckDB on the next open;
* a publish that fails (disk full, ...) or is killed after a successful dbt build is tried again by
  the next `job-market build`: it compares the last successful build's id with the one in the
  published file's ``meta.publish_log`` and, when nothing needs rebuilding, publishes without dbt.

Every ``job-market build`` records its outcome in ``<working db>.last_build.json`` (``running``
before dbt starts, then ``succeeded`` or ``failed``, with the working file's size and mtime).
``job-market publish`` on its own refuses unless that record says the last build succeeded and the
working file has not been written since, so a half-rebuilt working file cannot be published by
mistake (``--force`` skips the check, e.g. for a warehouse built with plain ``dbt build``).
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from job_market import export
from job_market.files import abandoned
from job_market.files import fsync as _fsync
from job_market.files import sql_ident as _ident
from job_market.files import sql_literal as _literal
from job_market.plan import plan_build
from job_market.project import PROJECT_DIR, WarehouseSettings, error_line, run_dbt

PUBLISHED_SCHEMA = "marts"
META_SCHEMA = "meta"
# row counts of these working schemas are recorded in meta.table_row_counts next to the marts'
COUNTED_SCHEMAS = ("staging", PUBLISHED_SCHEMA)
# a published file named after one of its schemas (marts.duckdb -> catalog "marts") would make
# `marts.role_metrics` ambiguous for every reader
RESERVED_CATALOG_NAMES = (PUBLISHED_SCHEMA, META_SCHEMA, "main")
# DuckDB 1.1's storage format: every DuckDB from 1.1 on opens the published file (2.x's default stops
# 1.x clients: "Trying to read a database file with version number 999"; 1.0 cannot read the primary
# key indexes of the marts' contracts as DuckDB 2 writes them, whatever the version asked for)
PUBLISHED_STORAGE_VERSION = "v1.1.0"


# what the publish step's own tables hold, as table comments (the marts keep dbt's descriptions)
META_COMMENTS = {
    "publish_log": "One row per publish of this file: the build whose marts it holds (build_id, dbt "
                   "invocation and results), when it was published, the working file and raw files it came from.",
    "table_row_counts": "Rows per table of the working warehouse's staging and marts schemas when this file "
                        "was published.",
}


class PublishError(Exception):
    """The marts cannot be published (no successful build, busy or missing working file, ...)."""


# what a publish can fail with, besides its own checks: the file system (disk full, permissions)
# and DuckDB writing the new file; the commands report these in one line, never a traceback
PUBLISH_FAILURES = (PublishError, export.ExportError, OSError, duckdb.Error)


@dataclass
class PublishResult:
    path: Path
    build_id: str
    published_at: str
    tables: list[tuple[str, int]] = field(default_factory=list)
    export_dir: Path | None = None


# --- paths -------------------------------------------------------------------------------------


def build_record_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".last_build.json")


def _temp_prefix(published: Path) -> str:
    return f".{published.name}.publishing-"


def catalog_name(path: Path) -> str:
    """The catalog name DuckDB gives a database file: its name up to the first dot."""
    return path.name.lstrip(".").split(".", 1)[0]


def read_path(settings: WarehouseSettings) -> tuple[Path, bool]:
    """The file a reader should open: the published one, else (nothing published yet) the working
    one. Returns (path, is_published)."""
    if settings.published_path.exists():
        return settings.published_path, True
    return settings.db_path, False


# --- the build record --------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _fingerprint(path: Path, *, with_wal: bool = True) -> dict | None:
    """Size and mtime of a DuckDB file (and of its WAL, where uncheckpointed writes go)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    fingerprint = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    if with_wal:
        fingerprint["wal"] = _fingerprint(path.with_name(path.name + ".wal"), with_wal=False)
    return fingerprint


def _write_json_atomically(path: Path, payload: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_build_record(db_path: Path) -> dict | None:
    try:
        return json.loads(build_record_path(db_path).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _dbt_target_path(dbt_args: list[str]) -> Path:
    for i, arg in enumerate(dbt_args):
        if arg == "--target-path" and i + 1 < len(dbt_args):
            return Path(dbt_args[i + 1]).expanduser().absolute()
        if arg.startswith("--target-path="):
            return Path(arg.split("=", 1)[1]).expanduser().absolute()
    if os.environ.get("DBT_TARGET_PATH"):
        return Path(os.environ["DBT_TARGET_PATH"]).expanduser().absolute()
    return PROJECT_DIR / "target"


def _dbt_invocation(dbt_args: list[str], since: float) -> dict:
    """invocation_id and result counts from this build's run_results.json (if it wrote one)."""
    path = _dbt_target_path(dbt_args) / "run_results.json"
    try:
        if path.stat().st_mtime < since:
            return {}
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}
    statuses: dict[str, int] = {}
    failed = []
    for r in results.get("results", []):
        statuses[r.get("status", "?")] = statuses.get(r.get("status", "?"), 0) + 1
        if r.get("status") in ("error", "fail"):
            parts = str(r.get("unique_id", "?")).split(".")
            failed.append(parts[2] if len(parts) > 2 else parts[-1])
    return {
        "dbt_invocation_id": results.get("metadata", {}).get("invocation_id"),
        "dbt_results": statuses,
        "dbt_failed": sorted(failed),
    }


def failure_reason(record: dict) -> str:
    """What failed in a dbt build, in one line: the failing models and tests by name."""
    failed = record.get("dbt_failed") or []
    if not failed:
        return f"dbt build failed (exit {record.get('dbt_exit_code')})"
    shown = ", ".join(failed[:3]) + (f" and {len(failed) - 3} more" if len(failed) > 3 else "")
    return f"dbt build failed (exit {record.get('dbt_exit_code')}): {shown}"


# --- build + publish ---------------------------------------------------------------------------


def new_build_id() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:8]


def build(settings: WarehouseSettings, dbt_args: list[str], *, publish_after: bool = True) -> int:
    """`dbt build` on the working file (nothing, incremental or a full refresh: see
    job_market.plan); publish the marts only if dbt exits 0 (every model and test passed), or,
    with nothing to rebuild, publish the last successful build if the published file does not hold
    it (a failed or killed publish). Returns the exit code (dbt's, or 3 when the publish fails)."""
    record_path = build_record_path(settings.db_path)
    previous = read_build_record(settings.db_path) or {}
    last_success = previous.get("last_success")
    plan = plan_build(
        settings, dbt_args, last_success, _fingerprint(settings.db_path),
        published_build_id=_published_build_id(settings) if publish_after else None, publish=publish_after,
        last_build_succeeded=previous.get("status") == "succeeded",
    )
    if plan.mode == "nothing":
        print(f"job-market: {plan.reason}; dbt not run. {describe_published(settings)}")
        return 0
    if plan.mode == "publish":
        print(f"job-market: {plan.reason}; dbt not run, publishing build {last_success['build_id']}", flush=True)
        return _publish_built(settings, last_success["build_id"])
    print(f"job-market: {plan.mode} build: {plan.reason}", flush=True)
    record = {
        "build_id": new_build_id(),
        "status": "running",
        "mode": plan.mode,
        "pid": os.getpid(),
        "started_at": _now(),
        "working_db": str(settings.db_path),
        "raw_glob": settings.raw_glob,
        "dbt_args": list(plan.dbt_args),
        "last_success": last_success,
    }
    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    _write_json_atomically(record_path, record)
    started = time.time()
    code = run_dbt(["build", *plan.dbt_args], settings, extra_env=dict(plan.env))
    record.update(_dbt_invocation(list(plan.dbt_args), started), finished_at=_now(), dbt_exit_code=code)
    if code != 0:
        record["status"] = "failed"
        _write_json_atomically(record_path, record)
        print(f"job-market: {failure_reason(record)}; nothing published. {describe_published(settings)}",
              file=sys.stderr)
        return code
    record.update(status="succeeded", working_db_fingerprint=_fingerprint(settings.db_path))
    record["last_success"] = {
        "build_id": record["build_id"],
        "mode": plan.mode,
        "finished_at": record["finished_at"],
        "project_fingerprint": plan.project_fingerprint,
        "landing_fingerprint": plan.landing_fingerprint,
        "working_db_fingerprint": record["working_db_fingerprint"],
    }
    _write_json_atomically(record_path, record)
    if not publish_after:
        return 0
    return _publish_built(settings, record["build_id"])


def _publish_built(settings: WarehouseSettings, build_id: str) -> int:
    """Publish the last successful build (job-market build's last step): 0, or 3 and one line why."""
    problem = _publish_and_report(settings)
    if problem is None:
        return 0
    print(f"job-market: build {build_id} succeeded but its marts were not published: {problem}. "
          f"{describe_published(settings)} The next `job-market build` publishes them.", file=sys.stderr)
    return 3


def _publish_and_report(settings: WarehouseSettings, *, force: bool = False) -> str | None:
    """Publish and print the result; on a failure print nothing and return why, in one line."""
    try:
        result = publish(settings, force=force)
    except PUBLISH_FAILURES as exc:
        return error_line(exc)
    print(format_publish_result(result))
    return None


def _published_build(settings: WarehouseSettings) -> tuple[str, datetime] | None:
    """build_id and published_at of the newest row of the published file's meta.publish_log (None:
    no published file, or one DuckDB cannot read as such)."""
    path = settings.published_path
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            return con.execute(
                f"select build_id, published_at from {META_SCHEMA}.publish_log order by published_at desc limit 1"
            ).fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return None


def _published_build_id(settings: WarehouseSettings) -> str | None:
    """The build whose marts readers see (None: nothing readable is published)."""
    published = _published_build(settings)
    return published[0] if published else None


def describe_published(settings: WarehouseSettings) -> str:
    path = settings.published_path
    if not path.exists():
        return f"Nothing is published at {path} yet."
    published = _published_build(settings)
    if published is None:
        return f"Readers keep {path}."
    return f"Readers keep {path} (build {published[0]}, published {published[1]:%Y-%m-%d %H:%M:%S} UTC)."


def format_publish_result(result: PublishResult) -> str:
    rows = sum(n for _, n in result.tables)
    parquet = f"; as Parquet in {result.export_dir}" if result.export_dir else ""
    return (f"Published {len(result.tables)} marts ({rows:,} rows) to {result.path} "
            f"(build {result.build_id}, {result.published_at}){parquet}")


def _check_publishable(settings: WarehouseSettings) -> dict:
    record = read_build_record(settings.db_path)
    hint = "run `job-market build` (or `job-market publish --force` to publish the working file as it is)"
    if record is None:
        raise PublishError(f"no build record at {build_record_path(settings.db_path)}: {hint}")
    if record.get("status") != "succeeded":
        raise PublishError(
            f"the last build of {settings.db_path} ({record.get('build_id')}, started {record.get('started_at')}) "
            f"is {record.get('status')!r}, not 'succeeded': its marts may be half rebuilt; {hint}"
        )
    if record.get("working_db_fingerprint") != _fingerprint(settings.db_path):
        raise PublishError(f"{settings.db_path} was written after the last successful build; {hint}")
    return record


def clean_stale_temp_files(published: Path) -> list[Path]:
    """Remove temp files (and their WALs) left by publishes whose process is gone."""
    removed = []
    prefix = _temp_prefix(published)
    for candidate in published.parent.glob(prefix + "*"):
        if not abandoned(candidate.name, prefix):
            continue  # another publish in progress
        candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def _copy_comments(con: duckdb.DuckDBPyConnection, name: str, target: str, comment: str | None) -> None:
    """Give the published copy of src's marts.<name> the source's table and column comments (what
    dbt's persist_docs wrote: the models' descriptions). CREATE TABLE ... AS and the DDL that
    duckdb_tables() returns carry neither, and the comments are how a BI tool browsing the
    published file learns what each mart and column means."""
    if comment:
        con.execute(f"comment on table {target} is {_literal(comment)}")
    for column, column_comment in con.execute(
        "select column_name, comment from duckdb_columns() where database_name = 'src' and schema_name = ? "
        "and table_name = ? and comment is not null order by column_index",
        [PUBLISHED_SCHEMA, name],
    ).fetchall():
        con.execute(f"comment on column {target}.{_ident(column)} is {_literal(column_comment)}")


def _write_snapshot(temp: Path, settings: WarehouseSettings, build_id: str, record: dict | None,
                    published_at: datetime) -> list[tuple[str, int]]:
    # both files attached under fixed aliases: a file's default catalog name comes from its file
    # name, and one named like a schema (".marts.duckdb.publishing-..." -> "marts") is ambiguous
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"attach {_literal(str(temp))} as pub (storage_version {_literal(PUBLISHED_STORAGE_VERSION)})")
        con.execute("use pub")
        try:
            con.execute(f"attach {_literal(str(settings.db_path))} as src (read_only)")
        except duckdb.Error as exc:
            raise PublishError(f"cannot open the working warehouse {settings.db_path} read-only "
                               f"(is a build running?): {exc}") from exc
        relations = con.execute(
            """
            select table_name, 'table' as kind, sql, comment from duckdb_tables()
            where database_name = 'src' and schema_name = ?
            union all
            select view_name, 'view', null, comment from duckdb_views()
            where database_name = 'src' and schema_name = ? and not internal
            order by 1
            """,
            [PUBLISHED_SCHEMA, PUBLISHED_SCHEMA],
        ).fetchall()
        if not relations:
            raise PublishError(f"{settings.db_path} has no schema {PUBLISHED_SCHEMA!r}: nothing to publish")
        schema = _ident(PUBLISHED_SCHEMA)
        con.execute(f"create schema {schema}")
        tables = []
        for name, kind, ddl, comment in relations:
            source, target = f"src.{schema}.{_ident(name)}", f"{schema}.{_ident(name)}"
            if kind == "table" and ddl:
                con.execute(ddl)  # keeps the contract's column types and not-null constraints
                con.execute(f"insert into {target} select * from {source}")
            else:  # a view would point at tables that are not published: publish its rows
                con.execute(f"create table {target} as select * from {source}")
            _copy_comments(con, name, target, comment)
            rows = con.execute(f"select count(*) from {target}").fetchone()[0]
            expected = con.execute(f"select count(*) from {source}").fetchone()[0]
            if rows != expected:
                raise PublishError(f"copy of {PUBLISHED_SCHEMA}.{name} has {rows} rows, source {expected}")
            tables.append((name, rows))

        counts = [(PUBLISHED_SCHEMA, name, rows) for name, rows in tables]
        for counted in COUNTED_SCHEMAS:
            if counted == PUBLISHED_SCHEMA:
                continue
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where database_name = 'src' and schema_name = ? order by 1",
                [counted],
            ).fetchall():
                n = con.execute(f"select count(*) from src.{_ident(counted)}.{_ident(name)}").fetchone()[0]
                counts.append((counted, name, n))
        meta = _ident(META_SCHEMA)
        con.execute(f"create schema {meta}")
        con.execute(
            f"""
            create table {meta}.publish_log (
                build_id varchar not null,
                published_at timestamp not null,
                build_started_at varchar,
                build_finished_at varchar,
                dbt_invocation_id varchar,
                dbt_results varchar,
                working_db varchar not null,
                raw_glob varchar,
                mart_tables integer not null,
                mart_rows bigint not null
            )
            """
        )
        record = record or {}
        con.execute(
            f"insert into {meta}.publish_log values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                build_id, published_at.replace(tzinfo=None), record.get("started_at"), record.get("finished_at"),
                record.get("dbt_invocation_id"), json.dumps(record.get("dbt_results")) if record.get("dbt_results") else None,
                str(settings.db_path), record.get("raw_glob", settings.raw_glob), len(tables), sum(n for _, n in tables),
            ],
        )
        con.execute(
            f"create table {meta}.table_row_counts (schema_name varchar not null, table_name varchar not null, "
            f"row_count bigint not null)"
        )
        con.executemany(f"insert into {meta}.table_row_counts values (?, ?, ?)", counts)
        for table, text in META_COMMENTS.items():
            con.execute(f"comment on table {meta}.{_ident(table)} is {_literal(text)}")
        con.execute("detach src")
        con.execute("checkpoint pub")
        con.execute("use memory")
        con.execute("detach pub")
    finally:
        con.close()
    return tables


def publish(settings: WarehouseSettings, *, force: bool = False) -> PublishResult:
    """Copy the working file's marts into a new file and swap it atomically over the published one."""
    published = settings.published_path
    if published.resolve() == settings.db_path.resolve():
        raise PublishError(f"the published file cannot be the working file ({published})")
    catalog = catalog_name(published)
    if catalog in RESERVED_CATALOG_NAMES:
        raise PublishError(
            f"cannot publish to {published}: DuckDB names its catalog {catalog!r} after the file, so readers' "
            f"`{catalog}.<table>` would be ambiguous with schema {catalog!r}; pick another file name "
            f"(e.g. {published.with_name('job_market_' + published.name)})"
        )
    if not settings.db_path.exists():
        raise PublishError(f"no working warehouse at {settings.db_path}: run `job-market build` first")
    # forced: the working file as it is, under a new build id (no build record vouches for it)
    record = None if force else _check_publishable(settings)
    build_id = record["build_id"] if record else new_build_id()
    published.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temp_files(published)
    temp = published.with_name(f"{_temp_prefix(published)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    temp_wal = temp.with_name(temp.name + ".wal")
    published_at = datetime.now(timezone.utc)
    staged = None
    try:
        tables = _write_snapshot(temp, settings, build_id, record, published_at)
        if temp_wal.exists():  # everything was checkpointed; a WAL here would mean it was not
            raise PublishError(f"{temp_wal} left after checkpoint; not publishing")
        _fsync(temp)
        if settings.export_dir:  # the same marts as Parquet, swapped in just before the DuckDB file
            staged = export.stage(temp, settings.export_dir, build_id, published_at.isoformat(), published)
            export.swap(staged, settings.export_dir)
        # A WAL beside the published file could only come from someone writing to it (it is
        # read-only for everybody); DuckDB would replay it onto the NEW file, so drop it first.
        published.with_name(published.name + ".wal").unlink(missing_ok=True)
        os.replace(temp, published)
        _fsync(published.parent, directory=True)
    except BaseException:
        temp.unlink(missing_ok=True)
        temp_wal.unlink(missing_ok=True)
        if staged is not None:
            export.discard(staged, settings.export_dir)
        raise
    return PublishResult(published, build_id, published_at.strftime("%Y-%m-%d %H:%M:%S UTC"), tables,
                         settings.export_dir)


def publish_command(settings: WarehouseSettings, *, force: bool = False) -> int:
    """`job-market publish`: 0, or 2 and one line saying why nothing was published."""
    problem = _publish_and_report(settings, force=force)
    if problem is None:
        return 0
    print(f"job-market: nothing published: {problem}. {describe_published(settings)}", file=sys.stderr)
    return 2


__all__ = [
    "PublishError", "PublishResult", "build", "build_record_path", "clean_stale_temp_files",
    "describe_published", "publish", "publish_command", "read_build_record", "read_path",
]

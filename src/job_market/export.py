"""Every published mart as a Parquet file, for tools that read files rather than DuckDB.

Each publish (job_market.publish) writes `<mart>.parquet` for every table of the new published
file's `marts` schema, plus `_published.json` (build id, time, row counts), into a NEW hidden folder
beside the export folder (`.<name>.publish-<pid>-<random>`), fsyncs it, and then swaps the export
folder, a symbolic link to the current version, over to it with one atomic rename. A reader of the
folder sees the files of one build, never a mix; files it already opened stay readable. The swap
happens just before the DuckDB file's own swap: a publish killed between the two leaves the Parquet
files one build ahead of the DuckDB file, and the next `job-market build` publishes both again
(it sees that the DuckDB file does not hold the last successful build). Versions no longer linked
are removed by the next publish (a version whose publishing process is alive is left alone).

Each file carries its mart's description (Parquet key-value metadata `description`) and its
columns' descriptions (`column_descriptions`, a JSON object), the comments dbt's persist_docs wrote.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import duckdb

from job_market.files import abandoned, fsync
from job_market.files import sql_ident as _ident
from job_market.files import sql_literal as _literal

SCHEMA = "marts"
MANIFEST = "_published.json"


class ExportError(Exception):
    """The export folder cannot be written (it is a real folder, not the link this module keeps)."""


def _prefix(export_dir: Path) -> str:
    return f".{export_dir.name}.publish-"


def check_target(export_dir: Path) -> None:
    """Refuse an export path that is a real folder or file: the swap replaces a link, and a folder
    of someone's files is not ours to replace. An empty folder is taken over."""
    if export_dir.is_symlink() or not export_dir.exists():
        return
    if export_dir.is_dir() and not any(export_dir.iterdir()):
        export_dir.rmdir()
        return
    raise ExportError(f"the Parquet export path {export_dir} is a {'folder' if export_dir.is_dir() else 'file'} "
                      f"that publishing did not make (it keeps a link there, swapped at each publish); "
                      f"remove it or set JOB_MARKET_EXPORT_DIR to another path")


def stage(snapshot: Path, export_dir: Path, build_id: str, published_at: str, published_db: Path) -> Path:
    """Write every mart of the DuckDB file `snapshot` as Parquet into a new hidden folder beside
    export_dir; returns that folder (not yet visible at export_dir: see swap)."""
    check_target(export_dir)
    clean(export_dir)
    manifest = {"build_id": build_id, "published_at": published_at, "published_db": str(published_db)}
    export_dir.parent.mkdir(parents=True, exist_ok=True)
    staged = export_dir.with_name(f"{_prefix(export_dir)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    staged.mkdir()
    try:
        con = duckdb.connect(":memory:")
        try:
            con.execute(f"attach {_literal(str(snapshot))} as pub (read_only)")
            tables = con.execute(
                "select table_name, comment from duckdb_tables() where database_name = 'pub' and schema_name = ? "
                "order by 1", [SCHEMA]).fetchall()
            rows = {}
            for name, comment in tables:
                if "/" in name or name.startswith("."):
                    raise ExportError(f"mart {name!r} cannot be a file name")
                columns = dict(con.execute(
                    "select column_name, comment from duckdb_columns() where database_name = 'pub' "
                    "and schema_name = ? and table_name = ? and comment is not null order by column_index",
                    [SCHEMA, name]).fetchall())
                metadata = f"description: {_literal(comment or '')}, column_descriptions: {_literal(json.dumps(columns))}"
                path = staged / f"{name}.parquet"
                con.execute(f"copy pub.{_ident(SCHEMA)}.{_ident(name)} to {_literal(str(path))} "
                            f"(format parquet, compression zstd, kv_metadata {{{metadata}}})")
                rows[name] = con.execute(f"select count(*) from read_parquet({_literal(str(path))})").fetchone()[0]
                fsync(path)
        finally:
            con.close()
        (staged / MANIFEST).write_text(json.dumps({**manifest, "tables": rows}, indent=2) + "\n", encoding="utf-8")
        fsync(staged / MANIFEST)
        fsync(staged, directory=True)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


def swap(staged: Path, export_dir: Path) -> None:
    """Point export_dir at the staged folder: one atomic rename of a new link over the old one."""
    check_target(export_dir)
    link = export_dir.with_name(f".{export_dir.name}.link-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    os.symlink(staged.name, link)  # relative: the folder can move with its export
    try:
        os.replace(link, export_dir)
    except BaseException:
        link.unlink(missing_ok=True)
        raise
    fsync(export_dir.parent, directory=True)
    clean(export_dir)  # the version it pointed at before


def discard(staged: Path, export_dir: Path) -> None:
    """Remove a staged folder that export_dir does not point at (a publish that failed after stage)."""
    if current_version(export_dir) != staged.name:
        shutil.rmtree(staged, ignore_errors=True)


def current_version(export_dir: Path) -> str | None:
    return os.readlink(export_dir) if export_dir.is_symlink() else None


def clean(export_dir: Path) -> list[Path]:
    """Remove versions (and links) that export_dir does not point at, unless a live publish of
    another process is still writing them."""
    current = current_version(export_dir)
    removed = []
    for kind in ("publish", "link"):
        prefix = f".{export_dir.name}.{kind}-"
        for candidate in export_dir.parent.glob(prefix + "*"):
            if candidate.name == current or not abandoned(candidate.name, prefix):
                continue
            if candidate.is_dir() and not candidate.is_symlink():
                shutil.rmtree(candidate, ignore_errors=True)
            else:
                candidate.unlink(missing_ok=True)
            removed.append(candidate)
    return removed


def read_manifest(export_dir: Path) -> dict | None:
    try:
        return json.loads((export_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None

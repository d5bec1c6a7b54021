"""The landing check behind base_job_board__posting_files: which paths the raw glob matches, which
of them can be read, how many lines each file has, and which lines the reader rejects.

Nothing matched is skipped in silence:

* every path the glob matches is a row. A path that is not a regular file (a directory, a named
  pipe, a link to nothing) gets status ``not_a_file`` and says what it is; a file that truly cannot
  be read (not gzip though named .gz, permission denied, gone) gets ``unreadable`` and the error;
* DuckDB reads the files in one parallel scan, counting lines only. Its CSV reader cannot take a
  file whose line ends mix LF with CRLF, or one with a carriage return inside a line, nor a path
  that is not UTF-8 (DuckDB's strings are UTF-8). Such a file is read here instead, line by line:
  lines end at LF, a CR before an LF is dropped wherever it occurs and a lone CR is data. Its
  accepted lines are written as JSON strings, one per line, into a *line copy* under ``copy_dir``
  that DuckDB reads without trouble (base_job_board__raw_lines decodes them). The copy is the raw
  file's own lines, kept beside the warehouse like the raw files themselves; copies no file needs
  any more are deleted.

Lines either reader rejects (not UTF-8, longer than max_line_bytes, holding a NUL byte) are listed
with their line numbers; downstream they are quarantined. Paths are data: they reach DuckDB only as
bound parameters. A file is known by path, size and modification time: one checked by the
previous build and unchanged keeps its results, so a build after one new batch reads one batch.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import stat
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

# One line per row, no CSV semantics at all: NUL as delimiter, no quote or escape characters.
# A NUL byte in a line therefore shows up as a second column, which the reader rejects.
READ_OPTIONS = (
    "columns = {'raw_line': 'VARCHAR'}, delim = chr(0), quote = '', escape = '', header = false, "
    "auto_detect = false, filename = true, ignore_errors = true, store_rejects = true, "
    "max_line_size = ?"
)

# DuckDB's reject types, and the reasons lines read here are rejected for, as quarantine reasons
REJECT_REASONS = {
    "INVALID ENCODING": "invalid_encoding",
    "LINE SIZE OVER MAXIMUM": "line_too_long",
    "TOO MANY COLUMNS": "nul_byte",
}

# Why a file's lines are read from a line copy (column landing_note)
LINE_ENDS_NORMALIZED = "line_ends_normalized"
NAME_NOT_UTF8 = "name_not_utf8"
READ_LINE_BY_LINE = "read_line_by_line"  # DuckDB refused the file for another reason; Python read it

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class FileCheck:
    """One row of the landing check."""

    source_file: str  # the path as matched; bytes that are not UTF-8 as \\x.. escapes
    size: int | None
    modified: datetime | None  # naive UTC
    status: str  # loaded, empty, unreadable, not_a_file
    accepted: int | None = None
    rejected: list[tuple[int, str]] = field(default_factory=list)
    read_error: str | None = None
    read_path: str | None = None  # what the line reader opens: the file, or its line copy
    landing_note: str | None = None  # why a line copy is read (LINE_ENDS_NORMALIZED, NAME_NOT_UTF8)
    os_path: str = ""  # the path for the operating system (may hold surrogate escapes)

    @property
    def version(self) -> tuple:
        return (self.size, self.modified)


# --- listing ----------------------------------------------------------------------------------


def display_path(path: str) -> str:
    """The path as text: bytes that are not UTF-8 (surrogate-escaped by the OS layer) as \\x.."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _modified(st: os.stat_result) -> datetime:
    """The file's modification time to the millisecond: what Spark's listing (Hadoop's file status)
    gives, so both engines see the same file version."""
    return (EPOCH + timedelta(milliseconds=st.st_mtime_ns // 1_000_000)).replace(tzinfo=None)


def _not_a_file(path: str) -> str | None:
    """What a matched path is when it is not a regular file (None for a regular file)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "a symbolic link to a missing file" if os.path.islink(path) else "vanished after it was listed"
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return "a directory"
    if stat.S_ISFIFO(st.st_mode):
        return "a named pipe (FIFO)"
    return "not a regular file (a socket or a device)"


def list_matches(raw_glob: str) -> list[FileCheck]:
    """Every path the glob matches, sorted, as a FileCheck: regular files with status 'loaded' for
    now (size and time read), everything else 'not_a_file' with what it is."""
    checks = []
    for path in sorted(set(glob.glob(raw_glob, recursive=True))):
        shown = display_path(path)
        problem = _not_a_file(path)
        if problem:
            checks.append(FileCheck(shown, None, None, "not_a_file", read_error=problem, os_path=path))
            continue
        st = os.stat(path)
        checks.append(FileCheck(shown, st.st_size, _modified(st), "loaded", os_path=path))
    return checks


# --- reading with DuckDB ----------------------------------------------------------------------


def scan(session, paths: list[str], max_line_bytes: int, tag: str) -> tuple[dict[str, int], list[tuple]]:
    """Count the lines of `paths` in one DuckDB scan. Returns ({path: accepted lines},
    [(path, line number, reason)] of rejected lines); raises duckdb.Error when a file cannot be
    read."""
    rejects, scans = f"job_board_rejects_{tag}", f"job_board_reject_scans_{tag}"
    options = f"{READ_OPTIONS}, rejects_table = '{rejects}', rejects_scan = '{scans}'"
    try:
        counts = session.execute(
            f"select filename, count(*) from read_csv(?, {options}) group by filename",
            [paths, max_line_bytes],
        ).fetchall()
        rejected = session.execute(
            f"""
            select scans.file_path, errors.line, min(errors.error_type)
            from {rejects} as errors
            inner join {scans} as scans
                on errors.scan_id = scans.scan_id and errors.file_id = scans.file_id
            group by scans.file_path, errors.line
            """
        ).fetchall()
    finally:
        session.execute(f"drop table if exists {rejects}")
        session.execute(f"drop table if exists {scans}")
    return dict(counts), [(path, line, REJECT_REASONS.get(kind, "unreadable_line")) for path, line, kind in rejected]


# --- reading line by line (the line copy) -----------------------------------------------------


def copy_name(check: FileCheck) -> str:
    """The line copy's file name: a digest of the file's path and version."""
    digest = hashlib.sha256(
        f"{check.source_file}\0{check.size}\0{check.modified}".encode("utf-8", "surrogateescape")
    ).hexdigest()[:32]
    return f"{digest}.lines.jsonl"


def _open(path: str):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def _judge_line(data: bytes, max_line_bytes: int) -> tuple[str | None, str | None]:
    """(text, None) for a line the reader accepts (None text for an empty line), else (None, reason)."""
    if len(data) > max_line_bytes:
        return None, "line_too_long"
    if b"\0" in data:
        return None, "nul_byte"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, "invalid_encoding"
    return (text or None), None


def write_line_copy(path: str, copy: Path, max_line_bytes: int) -> tuple[int, list[tuple[int, str]]]:
    """Read `path` (gzip by its .gz name) line by line and write its accepted lines to `copy` as JSON
    strings (`null` for an empty line), one per line. Lines end at LF; a CR right before an LF is
    dropped, any other CR is data; a leading UTF-8 BOM is dropped. Returns (accepted lines,
    [(line number, reason)] of rejected lines). Raises OSError, EOFError or zlib.error when the
    file cannot be read; the copy is then removed."""
    accepted, rejected = 0, []
    partial = copy.with_name(copy.name + ".partial")
    try:
        with _open(path) as source, open(partial, "w", encoding="utf-8", newline="\n") as target:
            for number, data in enumerate(source, start=1):
                if data.endswith(b"\n"):
                    data = data[:-2] if data.endswith(b"\r\n") else data[:-1]
                if number == 1 and data.startswith(UTF8_BOM):
                    data = data[len(UTF8_BOM):]
                text, reason = _judge_line(data, max_line_bytes)
                if reason:
                    rejected.append((number, reason))
                    continue
                target.write(json.dumps(text, ensure_ascii=False) + "\n")
                accepted += 1
        os.replace(partial, copy)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return accepted, rejected


# --- the check --------------------------------------------------------------------------------

# Hints for the errors an operator meets most, put before the reader's own message.
READ_ERROR_HINTS = {
    "gzip": "not a gzip file, or a corrupt or truncated one (re-land the file)",
    "compressed file ended": "a truncated gzip file (re-land the file)",
    "Permission denied": "the warehouse may not read this file (check its permissions)",
}


def read_error(error: BaseException) -> str:
    """The first line of a reader's error, with a hint where one is known."""
    message = str(error).strip()
    first_line = message.splitlines()[0][:500] if message else type(error).__name__
    hints = [hint for needle, hint in READ_ERROR_HINTS.items() if needle.lower() in message.lower()]
    return f"{hints[0]}: {first_line}" if hints else first_line


def _read_directly(session, checks: list[FileCheck], max_line_bytes: int, errors) -> list[tuple[FileCheck, str]]:
    """Read `checks` with DuckDB: all in one scan, or, when that fails, each on its own. Fills in
    the checks DuckDB reads; returns the others with DuckDB's error."""
    if not checks:
        return []
    groups = [checks]
    try:
        results = [scan(session, [c.os_path for c in checks], max_line_bytes, "all")]
    except errors:
        groups, results, failed = [], [], []
        for index, check in enumerate(checks):
            try:
                results.append(scan(session, [check.os_path], max_line_bytes, f"file_{index}"))
                groups.append([check])
            except errors as file_error:
                failed.append((check, read_error(file_error)))
    else:
        failed = []
    for group, (counts, rejected) in zip(groups, results):
        by_path = {c.os_path: c for c in group}
        for check in group:
            check.accepted, check.read_path = counts.get(check.os_path, 0), check.os_path
        for path, line, reason in rejected:
            by_path[path].rejected.append((line, reason))
    return failed


def _read_line_by_line(check: FileCheck, copy_dir: Path, max_line_bytes: int, note: str, duckdb_error: str | None) -> None:
    copy = copy_dir / copy_name(check)
    try:
        copy_dir.mkdir(parents=True, exist_ok=True)
        check.accepted, check.rejected = write_line_copy(check.os_path, copy, max_line_bytes)
    except (OSError, EOFError, zlib.error) as error:
        check.status, check.accepted, check.rejected = "unreadable", None, []
        check.read_error = duckdb_error or read_error(error)
        return
    check.read_path, check.landing_note = str(copy), note


def _reuse(check: FileCheck, known: FileCheck | None) -> bool:
    """Take the results of the previous build's check of the same file version, if any."""
    if known is None or known.version != check.version or known.status not in ("loaded", "empty"):
        return False
    if known.landing_note and not (known.read_path and os.path.exists(known.read_path)):
        return False  # its line copy is gone: read the file again
    check.accepted, check.rejected = known.accepted, list(known.rejected)
    check.read_path, check.landing_note = known.read_path, known.landing_note
    return True


def remove_stale_copies(copy_dir: Path, checks: list[FileCheck]) -> None:
    """Delete line copies (and partial ones) that no file of this check reads."""
    if not copy_dir.is_dir():
        return
    wanted = {c.read_path for c in checks if c.landing_note}
    for path in copy_dir.glob("*.lines.jsonl*"):
        if str(path) not in wanted:
            path.unlink(missing_ok=True)


def check_files(session, raw_glob: str, *, max_line_bytes: int, previous: dict[str, FileCheck],
                copy_dir: Path, errors: type[BaseException] | tuple) -> list[FileCheck]:
    """The landing check of every path `raw_glob` matches. `previous` holds the previous build's
    checks by source_file (empty on a full refresh); `errors` is the reader's error class
    (duckdb.Error)."""
    checks = list_matches(raw_glob)
    to_read = [
        c for c in checks
        if c.status == "loaded" and not _reuse(c, previous.get(c.source_file))
    ]
    for check in to_read:
        if check.size == 0:
            check.accepted, check.read_path = 0, check.os_path
    to_read = [c for c in to_read if c.size]
    not_utf8 = [c for c in to_read if c.source_file != c.os_path]
    refused = _read_directly(session, [c for c in to_read if c.source_file == c.os_path], max_line_bytes, errors)
    for check in not_utf8:
        _read_line_by_line(check, copy_dir, max_line_bytes, NAME_NOT_UTF8, None)
    for check, duckdb_error in refused:
        line_ends = "state machine reached an invalid state" in duckdb_error
        note = LINE_ENDS_NORMALIZED if line_ends else READ_LINE_BY_LINE
        _read_line_by_line(check, copy_dir, max_line_bytes, note, None if line_ends else duckdb_error)
    remove_stale_copies(copy_dir, checks)
    return checks

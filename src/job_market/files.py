"""Small rules publishing (job_market.publish) and the Parquet export (job_market.export) share:
durable writes, leftovers of killed processes, and quoting names and text into DuckDB SQL."""

from __future__ import annotations

import os
from pathlib import Path


def fsync(path: Path, *, directory: bool = False) -> None:
    """Flush a file (or a folder's entries: a rename in it) to disk."""
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def abandoned(name: str, prefix: str) -> bool:
    """Whether `<prefix><pid>-...` was left by a process that is gone, or by this one (a live
    other process may still be writing it)."""
    pid_text = name[len(prefix):].split("-", 1)[0]
    return not (pid_text.isdigit() and int(pid_text) != os.getpid() and pid_alive(int(pid_text)))


def sql_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"

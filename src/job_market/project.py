"""Where the project, its DuckDB file and its raw data live, and how dbt is invoked."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_DIR = Path(os.environ.get("JOB_MARKET_PROJECT_DIR", Path(__file__).resolve().parents[2]))
DEFAULT_DATA_DIR = PROJECT_DIR / "data" / "generated"
DEFAULT_DB = PROJECT_DIR / "warehouse" / "job_market.duckdb"
DEFAULT_SPARK_WAREHOUSE = PROJECT_DIR / "warehouse" / "spark"
# the dbt targets of profiles.yml that `job-market build` / `run` can build on (JOB_MARKET_TARGET)
TARGETS = ("duckdb", "spark")


@dataclass(frozen=True)
class WarehouseSettings:
    """The settings every command needs, resolved to absolute paths."""

    db_path: Path
    raw_glob: str
    # Where finished marts are published for readers (see job_market.publish); None: the default
    # beside db_path, `<db stem>.marts.duckdb`.
    published_db: Path | None = None
    # Where each publish also writes every mart as Parquet (see job_market.export); None: no export.
    # From the environment: JOB_MARKET_EXPORT_DIR, default `export/` beside the published file;
    # set to an empty value for none.
    export_dir: Path | None = None
    # the dbt target (JOB_MARKET_TARGET): duckdb (default) or spark (job_market.spark_build)
    target: str = "duckdb"
    # target spark: the folder of its Parquet tables and metastore (JOB_MARKET_SPARK_WAREHOUSE)
    spark_warehouse: Path = DEFAULT_SPARK_WAREHOUSE

    @property
    def published_path(self) -> Path:
        return self.published_db or self.db_path.with_name(f"{self.db_path.stem}.marts.duckdb")

    @classmethod
    def from_env(cls) -> "WarehouseSettings":
        db = Path(os.environ.get("JOB_MARKET_DB", DEFAULT_DB)).expanduser()
        raw = os.environ.get("JOB_MARKET_RAW", str(DEFAULT_DATA_DIR / "raw" / "*.jsonl*"))
        published = os.environ.get("JOB_MARKET_PUBLISHED_DB")
        spark_warehouse = Path(os.environ.get("JOB_MARKET_SPARK_WAREHOUSE", DEFAULT_SPARK_WAREHOUSE))
        settings = cls(
            db_path=db.resolve(),
            raw_glob=str(Path(raw).expanduser().absolute()),
            published_db=Path(published).expanduser().resolve() if published else None,
            target=os.environ.get("JOB_MARKET_TARGET", "duckdb").strip() or "duckdb",
            spark_warehouse=spark_warehouse.expanduser().absolute(),
        )
        export = os.environ.get("JOB_MARKET_EXPORT_DIR")
        if export is None:
            return replace(settings, export_dir=settings.published_path.parent / "export")
        # absolute() not resolve(): the export path is a link that each publish replaces
        return replace(settings, export_dir=Path(export).expanduser().absolute() if export else None)

    def target_problem(self) -> str | None:
        """Why JOB_MARKET_TARGET cannot be built on (a sentence for the operator), or None."""
        if self.target not in TARGETS:
            return f"JOB_MARKET_TARGET={self.target!r} is not a target of this project; use one of {', '.join(TARGETS)}"
        return None

    def dbt_path_problem(self) -> str | None:
        """Why dbt-duckdb cannot build into db_path (a sentence for the operator), or None.

        dbt-duckdb names the warehouse's catalog after the file and pastes that name into its SQL;
        three kinds of path make that fail with a cryptic DuckDB error after dbt has started:
        - '#' or '?' anywhere in the path: dbt-duckdb reads the path as a URL, so the name it
          derives is cut at that character and is not the catalog DuckDB opened;
        - a file named main, system or temp (before its first dot): DuckDB renames such a
          catalog (main_db, ...), dbt-duckdb does not;
        - a quote in the name: it is pasted into SQL literals and identifiers unescaped.
        Checked before dbt runs (job-market build); plain `dbt` meets DuckDB's own error."""
        path = str(self.db_path)
        catalog = _duckdb_catalog_name(path)
        for char in "#?":
            if char in path:
                return (f"JOB_MARKET_DB={path!r} holds {char!r}: dbt-duckdb reads the path as a URL and "
                        f"would look for a catalog other than {catalog!r}, the one DuckDB opens; "
                        f"use a path without '#' or '?'")
        if catalog != _plain_catalog_name(path):
            return (f"JOB_MARKET_DB={path!r}: DuckDB names this file's catalog {catalog!r} (a reserved "
                    f"name gets '_db'), dbt-duckdb would use {_plain_catalog_name(path)!r}; "
                    f"rename the file")
        for char in "'\"":
            if char in catalog:
                return (f"JOB_MARKET_DB={path!r}: the file name up to its first dot ({catalog!r}) becomes "
                        f"the catalog name, which dbt-duckdb pastes into SQL unescaped; rename the file "
                        f"without {char}")
        return None

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env["JOB_MARKET_DB"] = str(self.db_path)
        env["JOB_MARKET_RAW"] = self.raw_glob
        env["JOB_MARKET_PUBLISHED_DB"] = str(self.published_path)
        env["JOB_MARKET_EXPORT_DIR"] = str(self.export_dir) if self.export_dir else ""
        env["JOB_MARKET_SPARK_WAREHOUSE"] = str(self.spark_warehouse)
        if self.target == "spark":
            env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # else Spark advertises the eth0 address
        env.setdefault("DBT_PROFILES_DIR", str(PROJECT_DIR))
        return env


def _plain_catalog_name(path: str) -> str:
    """The catalog name DuckDB derives from a file name: its first non-empty dot-separated part
    ("my.db.duckdb" -> "my"); dbt-duckdb derives the same, from the path read as a URL."""
    return os.path.basename(path).lstrip(".").split(".")[0]


def _duckdb_catalog_name(path: str) -> str:
    """The name DuckDB gives the catalog of the file at `path` (it renames reserved names)."""
    name = _plain_catalog_name(path)
    return f"{name}_db" if name.lower() in ("main", "system", "temp") else name


def error_line(exc: BaseException) -> str:
    """An exception's message as one line for the operator: its first line (DuckDB's messages can
    go on with a hint, the SQL and a caret), else the exception's type."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def dbt_executable() -> str:
    """The dbt next to the running interpreter (the project's venv), else the one on PATH."""
    candidate = Path(sys.executable).with_name("dbt")
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(args: list[str], settings: WarehouseSettings, *, target_path: Path | None = None,
            extra_env: dict[str, str] | None = None) -> int:
    """Run one dbt command in a child process (isolates dbt's global state), streaming output."""
    settings.db_path.parent.mkdir(parents=True, exist_ok=True)
    command = [dbt_executable(), *args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    return subprocess.call(command, env={**settings.env(), **(extra_env or {})}, cwd=PROJECT_DIR)

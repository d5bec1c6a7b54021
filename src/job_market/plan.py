"""Which build `job-market build` runs: nothing, incremental, or a full refresh.

The warehouse is incremental (see macros/incremental.sql): raw files are loaded once and every
per-posting model processes only the postings staged since its last run. What the models cannot
see is a change to the project itself (a model's SQL, a macro, a seed, a setting): rows computed by
the old logic would stay. So every successful build records two fingerprints beside the working
file (in the build record, see job_market.publish):

* the **project**: the bytes of every file dbt reads (models, macros, seeds, tests, dbt_project.yml,
  profiles.yml), the settings that shape the build (raw glob, survey file path, dbt arguments) and
  the versions of dbt, dbt-duckdb and DuckDB;
* the **landing**: path, size and modification time of every raw file the glob matches (and of the
  folders holding them, so a file the glob's syntax reads differently from DuckDB's still counts),
  and of the survey file.

Then:

* same project, same landing, warehouse untouched since: **nothing to do** (no dbt at all), or,
  when the published marts are not that build's (its publish failed or was killed, or it was built
  with --no-publish), **publish** them without dbt. If the build record's newest entry is not that
  success (a later build failed before writing), `job-market publish` would refuse the record, so
  such a build is incremental instead;
* same project, new or changed files: **incremental** `dbt build` of the nodes downstream of the
  sources (seeds and taxonomies are unchanged), unit tests left out (they test logic, which did not
  change), generic data tests on the rows this build processed (env JOB_MARKET_TEST_NEW_ROWS_ONLY,
  read by macros/test_scope.sql), singular tests and the small marts' tests in full;
* anything else (first build, project changed, no record of a successful build): **full refresh**
  of everything with every data test. Unit tests are left out here too: they test the models' logic
  on fixed fixtures, not the data, so they belong to development and CI (`make test` runs them on
  every change), as dbt recommends for production builds; in a build they only sit on the critical
  path before the models they test.

Extra dbt arguments (other than --vars) make the build explicit: run as given, never skipped.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from job_market.project import PROJECT_DIR, WarehouseSettings

# what dbt reads from the project directory (landing.py: the landing check's Python model imports it)
PROJECT_INPUTS = ("models", "macros", "seeds", "tests", "snapshots", "dbt_project.yml", "profiles.yml",
                  "packages.yml", "selectors.yml", "src/job_market/landing.py")
VERSIONED_PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb")
SETTING_ENV_VARS = ("JOB_MARKET_AI_JOBS_CSV", "JOB_MARKET_THREADS", "JOB_MARKET_MEMORY_LIMIT")
DEFAULT_AI_JOBS_CSV = PROJECT_DIR.parent / "shared" / "data" / "ai-jobs-net-salaries" / "salaries.csv"

# unit tests run in development and CI (`make test`), not in the warehouse's builds
WITHOUT_UNIT_TESTS = ("--exclude-resource-type", "unit_test")
# full builds: everything from scratch
FULL_REFRESH = ("--full-refresh", *WITHOUT_UNIT_TESTS)
# incremental builds: the nodes fed by raw data
INCREMENTAL_SELECTION = ("--select", "source:*+", *WITHOUT_UNIT_TESTS)
NEW_ROWS_ONLY_ENV = "JOB_MARKET_TEST_NEW_ROWS_ONLY"


@dataclass(frozen=True)
class BuildPlan:
    mode: str  # "nothing", "publish" (no dbt), "incremental", "full", "explicit"
    reason: str
    dbt_args: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()
    project_fingerprint: str = ""
    landing_fingerprint: str = ""


def _digest(parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogateescape"))
        h.update(b"\0")
    return h.hexdigest()


def project_fingerprint(settings: WarehouseSettings, dbt_args: list[str]) -> str:
    parts: list[object] = []
    for name in PROJECT_INPUTS:
        root = PROJECT_DIR / name
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            parts += [path.relative_to(PROJECT_DIR).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
    parts += ["raw_glob", settings.raw_glob, "dbt_args", *dbt_args]
    parts += [f"{name}={os.environ.get(name, '')}" for name in SETTING_ENV_VARS]
    for package in VERSIONED_PACKAGES:
        try:
            parts.append(f"{package}=={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}==?")
    return _digest(parts)


def _stat_parts(path: str) -> list[object]:
    try:
        st = os.stat(path)
    except OSError:
        return [path, "missing"]
    return [path, st.st_size, st.st_mtime_ns]


def landing_fingerprint(settings: WarehouseSettings) -> str:
    files = sorted(glob.glob(settings.raw_glob, recursive=True))
    folders = sorted({os.path.dirname(path) for path in files} | {_glob_base(settings.raw_glob)})
    parts: list[object] = []
    for path in files:
        parts += _stat_parts(path)
    for folder in folders:
        parts += ["dir", *_stat_parts(folder)]
    parts += ["survey", *_stat_parts(os.environ.get("JOB_MARKET_AI_JOBS_CSV", str(DEFAULT_AI_JOBS_CSV)))]
    return _digest(parts)


def _glob_base(pattern: str) -> str:
    """The deepest folder of a glob pattern without wildcards."""
    base = []
    for part in Path(pattern).parts:
        if glob.has_magic(part):
            break
        base.append(part)
    return str(Path(*base)) if base else "."


def _has_explicit_args(dbt_args: list[str]) -> bool:
    i = 0
    while i < len(dbt_args):
        arg = dbt_args[i]
        if arg == "--vars":
            i += 2
            continue
        if arg.startswith("--vars="):
            i += 1
            continue
        return True
    return False


def _incremental(reason: str, args: tuple[str, ...], project: str, landing: str) -> BuildPlan:
    return BuildPlan("incremental", reason, (*INCREMENTAL_SELECTION, *args), ((NEW_ROWS_ONLY_ENV, "true"),),
                     project, landing)


def plan_build(settings: WarehouseSettings, dbt_args: list[str], last_success: dict | None,
               working_db_fingerprint: dict | None, *, published_build_id: str | None, publish: bool = True,
               last_build_succeeded: bool = True) -> BuildPlan:
    """Decide what `job-market build` runs, from the record of the last successful build.

    published_build_id: the build whose marts the published file holds (None: no file, or none
    readable); publish: whether this build publishes at all (--no-publish); last_build_succeeded:
    the build record's newest entry is last_success (so `job-market publish` accepts it)."""
    project = project_fingerprint(settings, dbt_args)
    landing = landing_fingerprint(settings)
    args = tuple(dbt_args)
    if _has_explicit_args(dbt_args):
        return BuildPlan("explicit", "dbt arguments given: run as given", args, (), project, landing)
    if not last_success or working_db_fingerprint is None:
        return BuildPlan("full", "no successful build of this warehouse on record", (*FULL_REFRESH, *args),
                         (), project, landing)
    if last_success.get("project_fingerprint") != project:
        return BuildPlan("full", "the project (models, macros, seeds, settings or versions) changed since the "
                         "last successful build", (*FULL_REFRESH, *args), (), project, landing)
    if (last_success.get("landing_fingerprint") != landing
            or last_success.get("working_db_fingerprint") != working_db_fingerprint):
        return _incremental("new or changed raw files (project unchanged)", args, project, landing)
    build_id = last_success.get("build_id")
    since = (f"nothing new since build {build_id} ({last_success.get('finished_at')}): "
             f"same project, same raw files")
    if not publish or published_build_id == build_id:
        return BuildPlan("nothing", since, (), (), project, landing)
    published = f"build {published_build_id}" if published_build_id else "no build"
    if last_build_succeeded:
        return BuildPlan("publish", f"{since}, but the published marts are {published}", (), (), project, landing)
    return _incremental(f"the published marts are {published}, not {build_id}, and a later build did not "
                        f"succeed (publish refuses its record): rebuilding", args, project, landing)

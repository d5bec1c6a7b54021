"""Safe publishing (src/job_market/publish.py): builds are reproducible, failed or killed builds
leave the published marts alone, and readers can query the published marts while a build runs.

Every e2e build here goes through the real CLI (`python -m job_market.cli build ...`) in a child
process, with its own working DuckDB, published file and dbt target folder in a temp dir, on a small
generated dataset (seed 42, scale 0.3) whose scrape batches land a few at a time, so that each test
that needs the marts to change lands new batches first (the way the warehouse is fed in real life).
To keep the file quick, builds whose point is not the test gate skip dbt's data and unit tests
(they do not change what gets built); the failed-build test runs the singular data tests, since a
failing test is what it is about. The fast tests at the end run publish() on hand-made working files,
and build() with a stand-in for dbt to make publishes fail (disk full, a refused check, a kill).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from job_market import cli, generator, publish
from job_market.project import PROJECT_DIR, WarehouseSettings

SKIP_TESTS = ["--exclude", "resource_type:test", "resource_type:unit_test"]
SKIP_SLOW_TESTS = ["--exclude", "resource_type:unit_test", "test_type:generic"]  # singular tests run


# --- helpers -----------------------------------------------------------------------------------


@dataclass
class Site:
    """One working warehouse, its published file and its dbt target folder."""

    base: Path

    @property
    def db(self) -> Path:
        return self.base / "working.duckdb"

    @property
    def published(self) -> Path:
        return self.base / "published" / "job_market.marts.duckdb"

    @property
    def target(self) -> Path:
        return self.base / "target"

    def env(self, raw_glob: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            JOB_MARKET_DB=str(self.db),
            JOB_MARKET_RAW=raw_glob,
            JOB_MARKET_PUBLISHED_DB=str(self.published),
            DBT_PROFILES_DIR=str(PROJECT_DIR),
            DBT_SEND_ANONYMOUS_USAGE_STATS="false",
            PYTHONUNBUFFERED="1",
        )
        return env

    def cli_args(self, command: str, dbt_args: list[str] = ()) -> list[str]:
        args = [sys.executable, "-m", "job_market.cli", command]
        if command == "build":
            args += [*dbt_args, "--target-path", str(self.target), "--log-path", str(self.target / "logs")]
        return args

    def cli(self, command: str, raw_glob: str, dbt_args: list[str] = ()) -> subprocess.CompletedProcess:
        return subprocess.run(
            self.cli_args(command, dbt_args), env=self.env(raw_glob), cwd=self.base,
            capture_output=True, text=True, timeout=600,
        )

    def build(self, raw_glob: str, dbt_args: list[str] = tuple(SKIP_TESTS)) -> subprocess.CompletedProcess:
        return self.cli("build", raw_glob, dbt_args)


def _mart_tables(con) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every mart's full contents, rows in a total order (all columns)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f'select * from marts."{t}" order by all').fetchall() for t in _mart_tables(con)}
    finally:
        con.close()


def describe_differences(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> str:
    lines = []
    for table in sorted(set(a) | set(b)):
        ra, rb = a.get(table), b.get(table)
        if ra == rb:
            continue
        if ra is None or rb is None:
            lines.append(f"{table}: only in one build")
            continue
        set_a, set_b = set(ra), set(rb)
        only_a = [r for r in ra if r not in set_b][:3]
        only_b = [r for r in rb if r not in set_a][:3]
        lines.append(f"{table}: {len(ra)} vs {len(rb)} rows; first only in build 1: {only_a}; "
                     f"only in build 2: {only_b}")
    return "\n".join(lines)


def file_identity(path: Path) -> tuple[int, str]:
    return path.stat().st_ino, hashlib.sha256(path.read_bytes()).hexdigest()


def build_status(site: Site) -> str:
    return publish.read_build_record(site.db)["status"]


# The BI tool stand-in. Each read runs in one read-only connection and one transaction: the
# publish_log's build id, every mart's row count, and an md5 of role_metrics' full contents.
SIGNATURE = r"""
def signature(con):
    con.execute("begin transaction")
    build_id = con.execute("select build_id from meta.publish_log").fetchone()[0]
    tables = [r[0] for r in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts' order by 1").fetchall()]
    counts = {t: con.execute(f'select count(*) from marts."{t}"').fetchone()[0] for t in tables}
    role_metrics_md5 = con.execute(
        "select md5(string_agg(m::varchar, chr(10) order by m::varchar)) from marts.role_metrics as m"
    ).fetchone()[0]
    con.execute("commit")
    return {"build_id": build_id, "counts": counts, "role_metrics_md5": role_metrics_md5}
"""

# mode "reconnect": a new connection per read, every 50 ms (how a BI tool picks up new publishes);
# mode "hold": one connection opened before the build and kept through the swap (every 200 ms).
READER = "import json, os, sys, time\nimport duckdb\n" + SIGNATURE + r"""
path, stop_file, out_file, mode = sys.argv[1:5]
held = duckdb.connect(path, read_only=True) if mode == "hold" else None
interval = 0.2 if mode == "hold" else 0.05
with open(out_file, "w") as out:
    while not os.path.exists(stop_file):
        started = time.time()
        try:
            if held is not None:
                sig = signature(held)
            else:
                con = duckdb.connect(path, read_only=True)
                try:
                    sig = signature(con)
                finally:
                    con.close()
            out.write(json.dumps({"t": started, "sig": sig}) + "\n")
        except Exception as exc:  # every error is recorded: the test wants none
            out.write(json.dumps({"t": started, "error": f"{type(exc).__name__}: {exc}"}) + "\n")
        out.flush()
        time.sleep(max(0.0, interval - (time.time() - started)))
"""


def signature(path: Path) -> dict:
    """What the readers compute, for one published file."""
    namespace: dict = {}
    exec(SIGNATURE, namespace)
    con = duckdb.connect(str(path), read_only=True)
    try:
        return json.loads(json.dumps(namespace["signature"](con)))
    finally:
        con.close()


# --- fixtures ----------------------------------------------------------------------------------


@dataclass
class Setup:
    """One long-lived warehouse whose landing folder grows batch by batch, as scrapes arrive: each
    test that needs the marts to change lands the next scrape batches first."""

    site: Site
    batches: list[Path]  # every generated raw file (seed 42, scale 0.3), oldest first
    landing: Path  # the folder JOB_MARKET_RAW points at
    landed: int = 0
    published_state_is_current: bool = False  # the published marts come from exactly what is landed

    @property
    def raw_glob(self) -> str:
        return str(self.landing / "*.jsonl*")

    def land(self, fraction: float) -> None:
        """Land the batches up to `fraction` of all of them (at least one more)."""
        upto = min(len(self.batches), max(self.landed + 1, round(len(self.batches) * fraction)))
        for path in self.batches[self.landed:upto]:
            shutil.copy2(path, self.landing / path.name)
        self.landed = upto
        self.published_state_is_current = False

    def build(self, dbt_args: list[str] = tuple(SKIP_TESTS)) -> subprocess.CompletedProcess:
        result = self.site.build(self.raw_glob, dbt_args)
        if result.returncode == 0:
            self.published_state_is_current = True
        return result


@pytest.fixture(scope="module")
def setup(tmp_path_factory) -> Setup:
    base = tmp_path_factory.mktemp("publishing")
    generator.generate(base / "data", seed=42, calibration="article", scale=0.3)
    batches = sorted((base / "data" / "raw").glob("*.jsonl*"))
    landing = base / "landing"
    landing.mkdir()
    site = Site(base / "site")
    site.base.mkdir()
    setup = Setup(site, batches, landing)
    setup.land(0.4)
    result = setup.build()
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert "Published" in result.stdout, result.stdout[-2000:]
    return setup


def _ok(result: subprocess.CompletedProcess) -> str:
    return result.stdout[-4000:] + result.stderr[-4000:]


# --- (1) two builds over the same input give identical marts --------------------------------------


@pytest.mark.e2e
def test_two_builds_over_the_same_input_publish_identical_marts(setup):
    if not setup.published_state_is_current:
        result = setup.build()
        assert result.returncode == 0, _ok(result)
    first = snapshot(setup.site.published)
    first_id = signature(setup.site.published)["build_id"]

    result = setup.build()  # nothing landed in between: the same input, on the same working file
    assert result.returncode == 0, _ok(result)
    second = snapshot(setup.site.published)
    assert signature(setup.site.published)["build_id"] != first_id  # it did publish again

    assert sorted(second) == sorted(first) and len(second) >= 9
    assert sum(len(rows) for rows in second.values()) > 1000
    assert second == first, describe_differences(first, second)
    assert second == snapshot(setup.site.db), "the published file is not a faithful copy of the working marts"


def comments(path: Path) -> dict[tuple[str, str | None], str | None]:
    """Table comments ((table, None) -> comment) and column comments ((table, column) -> comment)
    of the marts in a DuckDB file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = {(t, None): c for t, c in con.execute(
            "select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall()}
        found.update({(t, col): c for t, col, c in con.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'").fetchall()})
        return found
    finally:
        con.close()


@pytest.mark.e2e
def test_published_marts_keep_the_models_descriptions_as_comments(setup):
    """persist_docs writes every mart's description and its columns' into the working file as
    comments; the published file, what BI tools browse, has the same comments."""
    manifest = json.loads((setup.site.target / "manifest.json").read_text(encoding="utf-8"))
    expected = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model" and node["config"].get("schema") == "marts":
            expected[(node["name"], None)] = node["description"]
            expected.update({(node["name"], col): c["description"] for col, c in node["columns"].items()})
    assert len({t for t, _ in expected}) >= 9 and len(expected) > 100
    assert all(text.strip() for text in expected.values()), "a mart or mart column without a description"
    published = comments(setup.site.published)
    assert comments(setup.site.db) == published, "the published comments differ from the working file's"
    missing = {key: text for key, text in expected.items() if published.get(key) != text}
    assert not missing, f"{len(missing)} descriptions not kept as comments, e.g. {sorted(missing)[:5]}"


# --- (2) a build killed mid-run ------------------------------------------------------------------


@pytest.mark.e2e
def test_killed_build_leaves_published_marts_and_next_build_recovers(setup):
    site = setup.site
    before_identity = file_identity(site.published)
    before = snapshot(site.published)
    setup.land(0.6)  # new scrapes arrive: the next build changes the marts

    proc = subprocess.Popen(
        site.cli_args("build", SKIP_TESTS), env=site.env(setup.raw_glob), cwd=site.base,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    seen: list[str] = []
    marts_started = threading.Event()

    def watch():
        for line in proc.stdout:
            seen.append(line)
            if re.search(r"OK created sql \w+ model marts\.", line):
                marts_started.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        deadline = time.time() + 300
        while not marts_started.wait(timeout=0.05) and proc.poll() is None and time.time() < deadline:
            pass
        assert marts_started.is_set(), "dbt never got to the marts:\n" + "".join(seen[-40:])
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # job-market and its dbt child, mid-run
        proc.wait(timeout=30)
        watcher.join(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    marts_done = sum(1 for line in seen if re.search(r"OK created sql \w+ model marts\.", line))
    print(f"\nkilled after {marts_done} mart(s) were rebuilt; working WAL left: "
          f"{site.db.with_name(site.db.name + '.wal').exists()}")
    assert not any("Published" in line for line in seen)

    # the published file is the same file, byte for byte, and still reads
    assert file_identity(site.published) == before_identity
    assert snapshot(site.published) == before
    # the working file is half rebuilt: `publish` on its own refuses to ship it
    assert build_status(site) == "running"
    refused = site.cli("publish", setup.raw_glob)
    assert refused.returncode == 2 and "not 'succeeded'" in refused.stderr, refused.stderr
    assert file_identity(site.published) == before_identity

    # the next build needs no cleanup: it succeeds and publishes the new marts
    result = setup.build()
    assert result.returncode == 0, _ok(result)
    assert build_status(site) == "succeeded"
    after = snapshot(site.published)
    assert after != before
    assert after == snapshot(site.db)
    con = duckdb.connect(str(site.db), read_only=True)
    try:
        leftovers = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() "
            "where table_name like '%__dbt_tmp%' or table_name like '%__dbt_backup%'").fetchall()
    finally:
        con.close()
    assert leftovers == []
    assert not list(site.published.parent.glob(".*publishing-*"))


# --- (3) readers query the published marts while a build runs --------------------------------------


@pytest.mark.e2e
def test_readers_see_the_old_or_the_new_marts_during_a_build_never_an_error(setup):
    site = setup.site
    old = signature(site.published)
    setup.land(0.8)
    stop = site.base / "stop-readers"
    stop.unlink(missing_ok=True)
    logs = {mode: site.base / f"reader-{mode}.jsonl" for mode in ("reconnect", "hold")}
    readers = {
        mode: subprocess.Popen([sys.executable, "-c", READER, str(site.published), str(stop), str(log), mode])
        for mode, log in logs.items()
    }

    def reads(mode: str) -> list[dict]:
        if not logs[mode].exists():
            return []
        return [json.loads(line) for line in logs[mode].read_text().splitlines() if line.strip()]

    try:
        deadline = time.time() + 60
        while not all(reads(m) for m in logs) and time.time() < deadline:
            time.sleep(0.05)
        build_started = time.time()
        result = setup.build()
        build_finished = time.time()
        time.sleep(1.0)  # a few reads after the publish
    finally:
        stop.touch()
        for reader in readers.values():
            reader.wait(timeout=60)
    assert result.returncode == 0, _ok(result)
    new = signature(site.published)
    assert new != old and new["build_id"] != old["build_id"]

    summary = {"build_seconds": round(build_finished - build_started, 1)}
    for mode in logs:
        records = reads(mode)
        errors = [r for r in records if "error" in r]
        states = ["old" if r["sig"] == old else "new" if r["sig"] == new else "OTHER"
                  for r in records if "sig" in r]
        during = sum(1 for r in records if build_started <= r["t"] <= build_finished)
        summary[mode] = {"reads": len(records), "during_build": during, "errors": len(errors),
                         "old": states.count("old"), "new": states.count("new"), "other": states.count("OTHER")}
        assert errors == [], errors[:5]
        assert "OTHER" not in states  # never a partial or mixed state
        assert during >= 20, summary
        # old, then new, never back: the swap is a single point in time
        assert states == sorted(states, key=lambda s: s != "old"), states
    print(f"\nreaders during a build + publish: {json.dumps(summary)}")
    assert summary["reconnect"]["old"] > 0 and summary["reconnect"]["new"] > 0  # it saw the swap
    assert summary["hold"]["new"] == 0 and summary["hold"]["old"] > 0  # it kept its (old) file


# --- (4) a build whose tests fail does not publish -----------------------------------------------


@pytest.mark.e2e
def test_build_with_a_failing_dbt_test_does_not_publish(setup):
    site = setup.site
    before_identity = file_identity(site.published)
    before = snapshot(site.published)
    setup.land(1.0)

    # the article's figures do not hold on this small dataset: that singular test fails, after
    # every model (marts included) has been rebuilt in the working file (generic tests skipped for speed)
    result = setup.build([*SKIP_SLOW_TESTS, "--vars", "{check_article_figures: true}"])
    assert result.returncode != 0
    assert "assert_marts_match_article_figures" in result.stdout
    assert "nothing published" in result.stderr, result.stderr
    # the one-line reason names what failed
    assert "dbt build failed (exit 1): assert_marts_match_article_figures; nothing published" in result.stderr
    assert build_status(site) == "failed"

    assert file_identity(site.published) == before_identity
    assert snapshot(site.published) == before
    assert snapshot(site.db) != before  # the working marts did change: only the gate kept them out
    refused = site.cli("publish", setup.raw_glob)
    assert refused.returncode == 2 and "'failed'" in refused.stderr
    assert file_identity(site.published) == before_identity


# --- publish() on its own, on a hand-made working file (no dbt) --------------------------------


def _hand_made_warehouse(tmp_path: Path, published_name: str = "job_market.marts.duckdb") -> WarehouseSettings:
    db = tmp_path / "working.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema marts; create schema staging")
    con.execute("create table marts.role_metrics (role varchar not null, active_postings bigint not null)")
    con.execute("insert into marts.role_metrics values ('AI Engineer', 3), ('Data Scientist', 5)")
    con.execute("create table staging.stg_x as select 1 as a")
    con.close()
    return WarehouseSettings(db_path=db, raw_glob=str(tmp_path / "*.jsonl"), published_db=tmp_path / published_name)


def test_publish_needs_a_successful_build_record_unless_forced(tmp_path):
    settings = _hand_made_warehouse(tmp_path)
    with pytest.raises(publish.PublishError, match="no build record"):
        publish.publish(settings)
    assert not settings.published_path.exists()

    result = publish.publish(settings, force=True)
    assert result.tables == [("role_metrics", 2)]
    assert snapshot(settings.published_path) == snapshot(settings.db_path)
    con = duckdb.connect(str(settings.published_path), read_only=True)
    try:
        assert con.execute("select mart_tables, mart_rows from meta.publish_log").fetchall() == [(1, 2)]
        assert ("staging", "stg_x", 1) in con.execute("select * from meta.table_row_counts").fetchall()
        # the contract's not-null constraints travel with the table
        assert con.execute(
            "select is_nullable from information_schema.columns where table_schema = 'marts' "
            "and table_name = 'role_metrics' and column_name = 'role'").fetchone()[0] == "NO"
    finally:
        con.close()


def test_publish_keeps_table_and_column_comments(tmp_path):
    # what dbt's persist_docs writes (any text: quotes, markup, dollar signs), on a table and a view
    settings = _hand_made_warehouse(tmp_path)
    con = duckdb.connect(str(settings.db_path))
    con.execute("""comment on table marts.role_metrics is 'One row per role; it''s </script> & $$x$$'""")
    con.execute("comment on column marts.role_metrics.role is 'Canonical role'")
    con.execute('create view marts.role_names as select role as "the ""role""" from marts.role_metrics')
    con.execute("comment on view marts.role_names is 'Role names'")
    con.execute('comment on column marts.role_names."the ""role""" is \'A quoted column\'')
    con.close()
    publish.publish(settings, force=True)
    assert comments(settings.published_path) == {
        ("role_metrics", None): "One row per role; it's </script> & $$x$$",
        ("role_metrics", "role"): "Canonical role",
        ("role_metrics", "active_postings"): None,
        ("role_names", None): "Role names",  # published as a table, with the view's comments
        ("role_names", 'the "role"'): "A quoted column",
    }
    con = duckdb.connect(str(settings.published_path), read_only=True)
    try:
        meta = dict(con.execute("select table_name, comment from duckdb_tables() where schema_name = 'meta'").fetchall())
    finally:
        con.close()
    assert set(meta) == {"publish_log", "table_row_counts"} and all(meta.values())


def test_publish_removes_temp_files_left_by_a_killed_publish(tmp_path):
    settings = _hand_made_warehouse(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".{settings.published_path.name}.publishing-{int(dead.stdout)}-deadbeef"
    stale.write_bytes(b"half a database")
    stale.with_name(stale.name + ".wal").write_bytes(b"x")
    publish.publish(settings, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "job_market.marts.duckdb", "working.duckdb",
    ]


def test_publish_refuses_a_file_named_like_a_schema(tmp_path):
    # DuckDB would name the catalog "marts", and `select ... from marts.role_metrics` would fail
    # for every reader with "Ambiguous reference to catalog or schema"
    settings = _hand_made_warehouse(tmp_path, published_name="marts.duckdb")
    with pytest.raises(publish.PublishError, match="ambiguous"):
        publish.publish(settings, force=True)
    assert not settings.published_path.exists()


def test_publish_refuses_a_working_file_written_since_the_last_successful_build(tmp_path):
    settings = _hand_made_warehouse(tmp_path)
    record = {"build_id": "b1", "status": "succeeded", "working_db_fingerprint": publish._fingerprint(settings.db_path)}
    publish.build_record_path(settings.db_path).write_text(json.dumps(record))
    assert publish.publish(settings).build_id == "b1"
    published = file_identity(settings.published_path)

    con = duckdb.connect(str(settings.db_path))  # e.g. a half-finished plain `dbt build`
    con.execute("insert into marts.role_metrics values ('Data Engineer', 1)")
    con.close()
    with pytest.raises(publish.PublishError, match="written after the last successful build"):
        publish.publish(settings)
    assert file_identity(settings.published_path) == published


# --- build() with a stand-in for dbt: a publish that fails is retried ----------------------------


class Killed(BaseException):
    """Stands in for SIGKILL arriving mid-publish: nothing in publish() may catch it."""


class FakeDbt:
    """Stands in for `dbt build` (run_dbt): rebuilds marts.role_metrics in the working file, one row
    per landed raw file, so that the marts change when new files land, as in a real build."""

    def __init__(self, exit_code: int = 0):
        self.exit_code = exit_code
        self.runs = 0

    def __call__(self, args, settings, *, target_path=None, extra_env=None) -> int:
        self.runs += 1
        if self.exit_code != 0:
            return self.exit_code
        con = duckdb.connect(str(settings.db_path))
        try:
            con.execute("create schema if not exists marts")
            con.execute("create or replace table marts.role_metrics as select unnest(?::varchar[]) as role",
                        [sorted(p.name for p in Path(settings.raw_glob).parent.glob("*.jsonl"))])
        finally:
            con.close()
        return 0


def _failing(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc
    return fail


# (function of job_market.publish that fails, what it raises): disk full while DuckDB writes the
# new file or while it is fsynced, a check of publish() that refuses, a kill before the rename
INJECTED_FAILURES = {
    "duckdb disk full": ("_write_snapshot", duckdb.IOException(
        'IO Error: Could not write file ".job_market.marts.duckdb.publishing-1-ab": No space left on device')),
    "OSError disk full": ("_fsync", OSError(28, "No space left on device")),
    "PublishError": ("_write_snapshot", publish.PublishError("copy of marts.role_metrics has 1 rows, source 2")),
    "killed": ("_fsync", Killed()),
}


def _fake_site(tmp_path: Path) -> WarehouseSettings:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "batch_1.jsonl").write_text("{}\n")
    return WarehouseSettings(db_path=tmp_path / "working.duckdb", raw_glob=str(landing / "*.jsonl"),
                             published_db=tmp_path / "published" / "job_market.marts.duckdb")


def _published_build_id(path: Path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("select build_id from meta.publish_log").fetchone()[0]
    finally:
        con.close()


def _build_with_failing_publish(settings: WarehouseSettings, failure: str, monkeypatch) -> int | None:
    """One `job-market build` whose publish fails; its exit code (None: the process was killed)."""
    function, exc = INJECTED_FAILURES[failure]
    with monkeypatch.context() as patched:
        patched.setattr(publish, function, _failing(exc))
        try:
            return publish.build(settings, [])
        except Killed:
            return None


@pytest.mark.parametrize("failure", list(INJECTED_FAILURES))
def test_a_failed_publish_is_retried_by_the_next_build_without_dbt(tmp_path, monkeypatch, capsys, failure):
    settings = _fake_site(tmp_path)
    dbt = FakeDbt()
    monkeypatch.setattr(publish, "run_dbt", dbt)
    assert publish.build(settings, []) == 0
    first = _published_build_id(settings.published_path)

    (Path(settings.raw_glob).parent / "batch_2.jsonl").write_text("{}\n")  # new scrapes land
    capsys.readouterr()
    code = _build_with_failing_publish(settings, failure, monkeypatch)
    err = capsys.readouterr().err
    assert dbt.runs == 2 and publish.read_build_record(settings.db_path)["status"] == "succeeded"
    assert _published_build_id(settings.published_path) == first  # readers keep the old marts
    if code is not None:  # the process survived: exit 3, one line saying why, no traceback
        assert code == 3
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
        assert str(INJECTED_FAILURES[failure][1]).split(": ")[-1] in err, err
    assert not list(settings.published_path.parent.glob(".*publishing-*"))

    # the next build has nothing to rebuild, but the published marts are behind: it publishes them
    assert publish.build(settings, []) == 0
    out = capsys.readouterr().out
    assert dbt.runs == 2, "dbt ran again although nothing changed"
    assert _published_build_id(settings.published_path) == publish.read_build_record(settings.db_path)["build_id"]
    assert snapshot(settings.published_path) == snapshot(settings.db_path)
    assert "dbt not run" in out and "Published" in out, out

    # and the one after has nothing to do at all
    assert publish.build(settings, []) == 0
    assert "dbt not run" in capsys.readouterr().out and dbt.runs == 2
    assert _published_build_id(settings.published_path) == publish.read_build_record(settings.db_path)["build_id"]


def test_a_failed_publish_is_retried_after_a_build_that_failed_without_writing(tmp_path, monkeypatch, capsys):
    # the build record's newest entry is a failed build (dbt exited early, e.g. the working file was
    # locked): `publish` refuses that record, so the next build rebuilds instead of retrying the
    # publish alone (which would fail with the same refusal every time)
    settings = _fake_site(tmp_path)
    monkeypatch.setattr(publish, "run_dbt", FakeDbt())
    assert publish.build(settings, []) == 0
    (Path(settings.raw_glob).parent / "batch_2.jsonl").write_text("{}\n")
    assert _build_with_failing_publish(settings, "OSError disk full", monkeypatch) == 3
    monkeypatch.setattr(publish, "run_dbt", FakeDbt(exit_code=1))
    assert publish.build(settings, ["--select", "role_metrics"]) == 1
    assert publish.read_build_record(settings.db_path)["status"] == "failed"

    dbt = FakeDbt()
    monkeypatch.setattr(publish, "run_dbt", dbt)
    assert publish.build(settings, []) == 0
    assert dbt.runs == 1
    record = publish.read_build_record(settings.db_path)
    assert record["status"] == "succeeded" and record["mode"] == "incremental"
    assert _published_build_id(settings.published_path) == record["build_id"]


@pytest.mark.parametrize("failure", ["duckdb disk full", "OSError disk full"])
def test_publish_command_reports_a_failed_publish_in_one_line(tmp_path, monkeypatch, capsys, failure):
    settings = _hand_made_warehouse(tmp_path)
    monkeypatch.setenv("JOB_MARKET_DB", str(settings.db_path))
    monkeypatch.setenv("JOB_MARKET_RAW", settings.raw_glob)
    monkeypatch.setenv("JOB_MARKET_PUBLISHED_DB", str(settings.published_path))
    function, exc = INJECTED_FAILURES[failure]
    monkeypatch.setattr(publish, function, _failing(exc))
    assert cli.main(["publish", "--force"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "No space left on device" in err, err
    assert not settings.published_path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["working.duckdb"]

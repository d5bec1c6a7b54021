"""The published marts as BI tools read them: the DuckDB file through SQLAlchemy (duckdb-engine, what
Superset and many Python BI tools use) and through DuckDB 1.x clients (what most BI drivers bundle),
and the Parquet export beside it (job_market.export), including what a failed or killed publish
leaves there.

The DuckDB 1.x clients are installed from the package registry into throw-away virtualenvs under
target/duckdb-clients/ (kept for the next run); where that install fails the test is skipped with
pip's own error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import duckdb
import pytest

from job_market import export, publish
from job_market.project import PROJECT_DIR, WarehouseSettings
from test_publishing import FakeDbt, Killed, _fake_site, _hand_made_warehouse, snapshot

CLIENTS = PROJECT_DIR / "target" / "duckdb-clients"
# the oldest DuckDB the published storage version (publish.PUBLISHED_STORAGE_VERSION) is for, and the newest 1.x
DUCKDB_1X = ["1.1.0", "1.5.6"]


def _rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# --- SQLAlchemy -------------------------------------------------------------------------------


@pytest.mark.e2e
def test_sqlalchemy_reads_a_mart_and_its_descriptions(published_article):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    # the URL as pasted into Superset's "SQLAlchemy URI" (duckdb-engine hands query options to DuckDB)
    engine = sqlalchemy.create_engine(f"duckdb:///{published_article.path}?access_mode=read_only")
    try:
        with engine.connect() as con:
            with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
                con.execute(sqlalchemy.text("create table marts.scratch (a integer)"))
            con.rollback()
            rows = con.execute(sqlalchemy.text(
                "select role, active_postings, median_us_base_salary_usd from marts.role_metrics order by role"
            )).fetchall()
            inspector = sqlalchemy.inspect(con)
            assert "role_metrics" in inspector.get_table_names(schema="marts")
            columns = {c["name"]: c for c in inspector.get_columns("role_metrics", schema="marts")}
            comment = inspector.get_table_comment("role_metrics", schema="marts")["text"]
    finally:
        engine.dispose()
    assert [tuple(r) for r in rows] == _rows(
        published_article.path,
        "select role, active_postings, median_us_base_salary_usd from marts.role_metrics order by role")
    assert len(rows) == 15
    assert columns["active_postings"]["comment"].startswith("Number of the role's active postings")
    assert columns["active_postings"]["nullable"] is False
    assert "One row per canonical role" in comment


# --- DuckDB 1.x clients -----------------------------------------------------------------------


def _client(version: str) -> Path:
    """Python of a throw-away virtualenv with duckdb==version (skip, with pip's error, if it cannot be had)."""
    home = CLIENTS / f"duckdb-{version}"
    python = home / "bin" / "python"
    if (home / ".installed").exists():
        return python
    venv.EnvBuilder(with_pip=True, clear=True).create(home)
    result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", f"duckdb=={version}"],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        pytest.skip(f"SKIPPED LOUDLY: cannot install duckdb=={version} into a throw-away venv: "
                    f"{(result.stderr or result.stdout).strip()[-800:]}")
    (home / ".installed").touch()
    return python


READ_WITH_CLIENT = """
import duckdb, json, sys
con = duckdb.connect(sys.argv[1], read_only=True)
print(json.dumps({
    "version": duckdb.__version__,
    "rows": con.execute("select role, active_postings from marts.role_metrics order by role").fetchall(),
    "comment": con.execute("select comment from duckdb_tables() where schema_name = 'marts' "
                           "and table_name = 'role_metrics'").fetchone()[0],
    "build_id": con.execute("select build_id from meta.publish_log").fetchone()[0],
}))
"""


def _read_with(python: Path, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-c", READ_WITH_CLIENT, str(path)], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.e2e
@pytest.mark.parametrize("version", DUCKDB_1X)
def test_duckdb_1x_clients_open_the_published_file(published_article, version):
    result = _read_with(_client(version), published_article.path)
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout)
    assert seen["version"] == version
    assert [tuple(r) for r in seen["rows"]] == _rows(
        published_article.path, "select role, active_postings from marts.role_metrics order by role")
    assert "One row per canonical role" in seen["comment"]


def test_a_duckdb_1x_client_refuses_a_file_in_duckdb_2s_default_format(tmp_path):
    """What the storage version setting is for (and that the client check can fail)."""
    path = tmp_path / "default.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema marts; create table marts.role_metrics (role varchar, active_postings bigint)")
    con.close()
    result = _read_with(_client(DUCKDB_1X[-1]), path)
    assert result.returncode != 0 and "Trying to read a database file with version number" in result.stderr


# --- the Parquet export -----------------------------------------------------------------------


def _parquet_kv(path: Path) -> dict[str, str]:
    con = duckdb.connect()
    try:
        return dict(con.execute("select decode(key), decode(value) from parquet_kv_metadata(?)", [str(path)]).fetchall())
    finally:
        con.close()


@pytest.mark.e2e
def test_every_mart_is_exported_as_parquet_with_the_same_rows_and_descriptions(published_article):
    folder = published_article.export_dir
    assert folder.is_symlink(), "the export folder is a link swapped at each publish"
    marts = [r[0] for r in _rows(published_article.path,
                                 "select table_name from duckdb_tables() where schema_name = 'marts' order by 1")]
    assert sorted(p.stem for p in folder.glob("*.parquet")) == marts
    assert {"postings", "role_metrics", "role_pair_comparison", "role_weekly_open_postings"} <= set(marts)
    manifest = export.read_manifest(folder)
    assert manifest["build_id"] == _rows(published_article.path, "select build_id from meta.publish_log")[0][0]
    published = snapshot(published_article.path)
    con = duckdb.connect()
    try:
        for mart in marts:
            parquet = con.execute(f"select * from read_parquet(?) order by all", [str(folder / f"{mart}.parquet")])
            assert parquet.fetchall() == published[mart], mart
            assert manifest["tables"][mart] == len(published[mart])
    finally:
        con.close()
    kv = _parquet_kv(folder / "role_metrics.parquet")
    assert "One row per canonical role" in kv["description"]
    assert json.loads(kv["column_descriptions"])["active_postings"].startswith("Number of the role's active postings")


def _export_site(tmp_path: Path) -> WarehouseSettings:
    settings = _hand_made_warehouse(tmp_path)
    return WarehouseSettings(settings.db_path, settings.raw_glob, settings.published_db, tmp_path / "export")


def _exported(settings: WarehouseSettings) -> list[tuple]:
    con = duckdb.connect()
    try:
        return con.execute("select * from read_parquet(?) order by all",
                           [str(settings.export_dir / "role_metrics.parquet")]).fetchall()
    finally:
        con.close()


def test_each_publish_swaps_the_whole_folder_and_removes_the_old_version(tmp_path):
    settings = _export_site(tmp_path)
    publish.publish(settings, force=True)
    first = os.readlink(settings.export_dir)
    old_file = open(settings.export_dir / "role_metrics.parquet", "rb")  # a reader in the middle of a read
    try:
        con = duckdb.connect(str(settings.db_path))
        con.execute("insert into marts.role_metrics values ('Data Engineer', 7)")
        con.close()
        publish.publish(settings, force=True)
        assert old_file.read(4) == b"PAR1"  # still readable: its inode lives until the reader closes it
    finally:
        old_file.close()
    assert os.readlink(settings.export_dir) != first
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".export")) == [
        os.readlink(settings.export_dir)]
    assert len(_exported(settings)) == 3 == len(snapshot(settings.published_path)["role_metrics"])


def test_an_export_path_that_is_someone_elses_folder_is_refused(tmp_path):
    settings = _export_site(tmp_path)
    settings.export_dir.mkdir()
    (settings.export_dir / "notes.txt").write_text("mine")
    with pytest.raises(export.ExportError, match="publishing did not make"):
        publish.publish(settings, force=True)
    assert not settings.published_path.exists() and (settings.export_dir / "notes.txt").exists()


@pytest.mark.parametrize("where", ["stage", "swap"])
def test_a_publish_killed_around_the_export_is_repaired_by_the_next_build(tmp_path, monkeypatch, where):
    """Killed once the Parquet files are written but before they are swapped in (readers see no
    change), or after they were swapped in but before the DuckDB file was (the next build publishes
    both again, without dbt). Nothing in publish() may catch the kill; the next publish removes what
    the killed one left."""
    site = _fake_site(tmp_path)
    settings = WarehouseSettings(site.db_path, site.raw_glob, site.published_db, tmp_path / "published" / "export")
    dbt = FakeDbt()
    monkeypatch.setattr(publish, "run_dbt", dbt)
    assert publish.build(settings, []) == 0
    before = (snapshot(settings.published_path), _exported(settings))

    (Path(settings.raw_glob).parent / "batch_2.jsonl").write_text("{}\n")
    real = getattr(export, where)

    def killed(*args, **kwargs):
        real(*args, **kwargs)  # the new files are written (stage) or in place (swap); then the kill
        raise Killed()

    with monkeypatch.context() as patched:
        patched.setattr(export, where, killed)
        with pytest.raises(Killed):
            publish.build(settings, [])
    assert snapshot(settings.published_path) == before[0]  # readers of the DuckDB file keep the old marts
    if where == "stage":
        assert _exported(settings) == before[1]
    else:
        assert _exported(settings) != before[1]

    assert publish.build(settings, []) == 0  # nothing to rebuild: publishes the last build again
    assert dbt.runs == 2
    assert snapshot(settings.published_path) == snapshot(settings.db_path)
    assert _exported(settings) == snapshot(settings.db_path)["role_metrics"]
    leftovers = [p.name for p in settings.export_dir.parent.iterdir() if p.name.startswith(".export")]
    assert leftovers == [os.readlink(settings.export_dir)], leftovers  # what the killed publish left is gone
    assert export.read_manifest(settings.export_dir)["build_id"] == publish.read_build_record(settings.db_path)["build_id"]

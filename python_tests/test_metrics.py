"""Metrics defined once (MetricFlow over the `postings` mart) equal the role marts.

`mf validate-configs` checks the semantic model and metrics against the built warehouse, and
`mf query --metrics ... --group-by posting__role` must give, role for role, exactly what
role_metrics holds: active postings, the median US base salary and its n.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from job_market.project import PROJECT_DIR

MF = Path(PROJECT_DIR) / ".venv" / "bin" / "mf"
METRICS = ["active_postings", "median_us_base_salary_usd", "us_salaried_postings"]


# mf reads target/semantic_manifest.json of the dbt project in its working folder. It runs in a
# folder of links to the project, whose target/ holds the manifest of the fixture's own build
# (relation names of that warehouse file), so the project's target/ is never read or written.
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests", "analyses"]


def _mf(args: list[str], warehouse, tmp_path: Path) -> subprocess.CompletedProcess:
    project = tmp_path / "project"
    if not project.exists():
        project.mkdir()
        for name in PROJECT_FILES:
            (project / name).symlink_to(Path(PROJECT_DIR) / name)
        (project / "target").mkdir()
        shutil.copy(warehouse.db_path.parent / "target" / "semantic_manifest.json", project / "target")
    env = dict(os.environ)
    env.update(
        JOB_MARKET_DB=str(warehouse.db_path),
        JOB_MARKET_RAW=str(warehouse.data_dir / "raw" / "*.jsonl*"),
        DBT_PROFILES_DIR=str(project),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    env.pop("DBT_TARGET_PATH", None)
    return subprocess.run([str(MF), *args], env=env, cwd=project, capture_output=True, text=True)


@pytest.fixture(scope="module")
def mf_available():
    if not MF.exists():
        pytest.fail(f"{MF} is missing: dbt-metricflow is in requirements.lock, run `make setup`")


def test_semantic_layer_validates(mf_available, article_warehouse, tmp_path):
    result = _mf(["validate-configs"], article_warehouse, tmp_path)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-4000:]
    assert "ERRORS: 0" in out


def test_metrics_by_role_equal_role_metrics(mf_available, article_warehouse, tmp_path):
    out_csv = tmp_path / "metrics.csv"
    result = _mf(
        ["query", "--metrics", ",".join(METRICS), "--group-by", "posting__role", "--csv", str(out_csv)],
        article_warehouse, tmp_path,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    with open(out_csv, newline="", encoding="utf-8") as handle:
        queried = {
            row["posting__role"]: (
                int(row["active_postings"]),
                float(row["median_us_base_salary_usd"]) if row["median_us_base_salary_usd"] else None,
                int(row["us_salaried_postings"] or 0),
            )
            for row in csv.DictReader(handle)
        }
    marts = {
        row["role"]: (row["active_postings"], row["median_us_base_salary_usd"], row["us_salaried_postings"])
        for row in article_warehouse.query(
            "select role, active_postings, median_us_base_salary_usd, us_salaried_postings from marts.role_metrics"
        )
    }
    assert len(marts) >= 2
    assert queried == marts

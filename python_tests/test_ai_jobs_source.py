"""The second, real source: the aijobs.net salary survey (../shared/data, CC0), built into the
same marts. Skipped with a clear reason when the file is not beside the project."""

from __future__ import annotations

import csv
import statistics

import pytest

from conftest import SHARED_DATA, BuiltWarehouse, dbt

SURVEY = SHARED_DATA / "ai-jobs-net-salaries" / "salaries.csv"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.shared_data,
    pytest.mark.skipif(not SURVEY.exists(), reason=f"real survey data not found at {SURVEY} (../shared/data is absent)"),
]

EXACT_TITLES = ["AI Engineer", "Machine Learning Engineer"]


def _survey_rows() -> list[dict]:
    with open(SURVEY, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _build(tmp_path_factory, name: str, vars_: str) -> BuiltWarehouse:
    base = tmp_path_factory.mktemp(name)
    db_path = base / "warehouse.duckdb"
    # the job board glob points at an empty folder: the survey alone feeds the marts
    (base / "raw").mkdir()
    result = dbt(
        ["build", "--vars", vars_],
        db_path=db_path,
        raw_glob=str(base / "raw" / "*.jsonl*"),
        target_path=base / "target",
        extra_env={"JOB_MARKET_AI_JOBS_CSV": str(SURVEY)},
    )
    if result.returncode != 0:
        pytest.fail(f"dbt build on the survey failed:\n{(result.stdout + result.stderr)[-6000:]}")
    return BuiltWarehouse(base, db_path, 0, "ai_jobs", result.stdout)


@pytest.fixture(scope="module")
def survey_exact(tmp_path_factory) -> BuiltWarehouse:
    return _build(tmp_path_factory, "survey_exact", "{posting_sources: [ai_jobs], role_classification: exact_title}")


@pytest.mark.parametrize("title", EXACT_TITLES)
def test_marts_match_a_direct_computation_over_the_csv(survey_exact, title):
    rows = [r for r in _survey_rows() if r["job_title"] == title]
    us_salaries = [float(r["salary_in_usd"]) for r in rows if r["company_location"] == "US"]
    got = survey_exact.query("select * from marts.role_metrics where role = ?", [title])
    assert got, f"{title} missing from role_metrics"
    got = got[0]
    assert got["active_postings"] == len(rows)
    assert got["us_postings"] == len(us_salaries)
    assert got["us_salaried_postings"] == len(us_salaries)
    assert got["median_us_base_salary_usd"] == pytest.approx(statistics.median(us_salaries))
    levels = {"EN": "entry"}
    assert got["entry_level_postings"] == sum(levels.get(r["experience_level"]) == "entry" for r in rows)
    assert got["remote_postings"] == sum(r["remote_ratio"] == "100" for r in rows)
    assert got["us_share"] == pytest.approx(len(us_salaries) / len(rows))


def test_every_survey_record_is_staged_once(survey_exact):
    staged = survey_exact.query("select count(*) as n from staging.stg_ai_jobs__salaries")[0]["n"]
    assert staged == len(_survey_rows())

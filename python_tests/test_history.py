"""History and trends (issue 19) recovered from the built marts of the default data.

The generator writes documented trends into the raw data (job_market.generator.trends): a skill
whose share of one role's postings rises every month, postings that close and reopen, and postings
whose first observation had another title and lower pay. The posting versions, the open-as-of
mart, the monthly skill demand, the movers and the growth columns must show each of them. The
singular tests of the history must fail on a tampered copy of the warehouse.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
from collections import defaultdict

import duckdb
import pytest

from conftest import BuiltWarehouse, dbt
from job_market.generator import trends

pytestmark = pytest.mark.e2e

AI, MLE = "AI Engineer", "Machine Learning Engineer"
VERSIONS = "intermediate.int_posting_versions_derived"


def _manifest(warehouse: BuiltWarehouse) -> dict:
    return json.loads((warehouse.data_dir / "truth" / "manifest.json").read_text(encoding="utf-8"))


def _keys(pairs) -> list[str]:
    return [f"{source}:{posting_id}" for source, posting_id in pairs]


def test_rising_skill_share_rises_every_month(article_warehouse):
    rows = article_warehouse.query(
        "select posted_month, postings_with_skill, postings, share, share_change_vs_previous_month "
        "from marts.role_skill_monthly_demand where role = ? and skill = ? order by posted_month",
        [trends.RISING_ROLE, trends.RISING_SKILL],
    )
    assert len(rows) == 12, rows
    for row in rows:
        # the generator tags each month's postings in turn: the share is exact up to rounding
        assert row["share"] == pytest.approx(trends.rising_share(row["posted_month"]), abs=1.5 / row["postings"])
    changes = [row["share_change_vs_previous_month"] for row in rows]
    assert changes[0] is None and all(change > 0.03 for change in changes[1:]), changes
    movers = article_warehouse.query(
        "select * from marts.role_skill_movers where role = ? and direction = 'rising' order by mover_rank",
        [trends.RISING_ROLE],
    )
    assert movers[0]["skill"] == trends.RISING_SKILL
    assert movers[0]["recent_share"] - movers[0]["prior_share"] == pytest.approx(movers[0]["share_change"])
    assert min(movers[0]["prior_postings"], movers[0]["recent_postings"]) >= 100


def test_postings_that_close_and_reopen_have_two_open_spells(article_warehouse):
    reopened = _keys(_manifest(article_warehouse)["trends"]["reopened_postings"])
    assert len(reopened) >= 50
    rows = article_warehouse.query(
        f"select posting_key, list(is_active order by version_number) as states from {VERSIONS} "
        "group by posting_key"
    )
    states = {row["posting_key"]: row["states"] for row in rows}
    for key in reopened:
        seq = states[key]
        # active, then closed, then active again (the first observation may itself be closed)
        assert seq[-1] and not all(seq), (key, seq)
        assert any(not s for s in seq[1:-1]) or (not seq[0] and len(seq) >= 2), (key, seq)
    spells = sum(
        1 for key in reopened
        if sum(1 for i, s in enumerate(states[key]) if s and (i == 0 or not states[key][i - 1])) >= 2
    )
    # a reopened posting's first observation is active in most cases: two spells
    assert spells >= 0.9 * len(reopened), (spells, len(reopened))


def test_retitled_posting_shows_two_versions_with_title_and_salary_changed(article_warehouse):
    retitled = _keys(_manifest(article_warehouse)["trends"]["retitled_postings"])
    assert retitled
    for key in retitled:
        versions = article_warehouse.query(
            f"select * from {VERSIONS} where posting_key = ? order by version_number", [key]
        )
        assert len(versions) >= 2, key
        first, current = versions[0], versions[-1]
        assert first["title"] == current["title"] + trends.RETITLE_SUFFIX
        assert first["role"] == current["role"] and first["seniority_level"] == current["seniority_level"]
        # the first observation's pay was lower at both bounds (a middle re-scrape may differ again)
        assert current["salary_min_amount"] - first["salary_min_amount"] == trends.RETITLE_PAY_CUT
        assert current["salary_max_amount"] - first["salary_max_amount"] == trends.RETITLE_PAY_CUT
        assert first["salary_usd_annual"] is not None
        second = versions[1]
        assert second["is_title_changed"] and second["is_salary_changed"]
        assert {"title", "salary"} <= set(second["changed_fields"])
        assert first["valid_to"] == second["valid_from"] and current["valid_to"] is None


def _raw_observations(warehouse: BuiltWarehouse) -> dict:
    per_posting = defaultdict(list)
    for path in sorted((warehouse.data_dir / "raw").glob("batch_*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                obs = json.loads(line)
                per_posting[f"{obs['source']}:{obs['posting_id']}"].append(obs)
    return per_posting


def test_a_rescrape_that_changes_nothing_makes_no_version(article_warehouse):
    per_posting = _raw_observations(article_warehouse)
    counts = {row["posting_key"]: (row["versions"], row["observations"]) for row in article_warehouse.query(
        f"select posting_key, count(*) as versions, sum(observation_count) as observations from {VERSIONS} "
        "group by posting_key"
    )}
    unchanged = [key for key, obs in per_posting.items()
                 if len(obs) > 1 and len({json.dumps(dict(o, scraped_at=None), sort_keys=True) for o in obs}) == 1]
    assert len(unchanged) > 500
    for key in unchanged:
        assert counts[key] == (1, len(per_posting[key])), key


def test_weekly_open_postings_for_the_article_roles(article_warehouse):
    rows = article_warehouse.query(
        "select * from marts.role_weekly_open_postings where role in (?, ?) order by role, week_start", [AI, MLE]
    )
    by_role = defaultdict(list)
    for row in rows:
        by_role[row["role"]].append(row)
    for role in (AI, MLE):
        weeks = by_role[role]
        assert len(weeks) >= 4
        assert weeks[0]["still_open_postings"] == 0 and weeks[0]["open_postings"] > 500
        for previous, week in zip(weeks, weeks[1:]):
            assert week["week_start"] - previous["week_start"] == dt.timedelta(days=7)
            # a role's postings keep their role here, so the stock moves by new minus closed
            assert week["open_postings"] == previous["open_postings"] + week["new_postings"] - week["closed_postings"]
        assert all(w["us_salaried_open_postings"] > 100 and w["median_us_base_salary_usd"] for w in weeks)


def test_growth_columns_count_the_two_periods(article_warehouse):
    pair = article_warehouse.query(
        "select * from marts.role_pair_comparison where role_a = ? and role_b = ?", [AI, MLE]
    )[0]
    months = {row["posted_month"]: row["new_postings"] for row in article_warehouse.query(
        "select posted_month, new_postings from marts.role_monthly_postings where role = ?", [AI]
    )}
    recent_start, prior_start = pair["growth_recent_period_start"], pair["growth_prior_period_start"]
    assert pair["growth_period_months"] == 3 and prior_start < recent_start
    recent = sum(n for month, n in months.items() if month >= recent_start)
    prior = sum(n for month, n in months.items() if prior_start <= month < recent_start)
    assert (pair["role_a_prior_period_postings"], pair["role_a_recent_period_postings"]) == (prior, recent)
    assert pair["role_a_posting_growth"] == pytest.approx(recent / prior - 1)
    assert pair["posting_growth_gap"] == pytest.approx(pair["role_a_posting_growth"] - pair["role_b_posting_growth"])


HISTORY_TESTS = (
    "assert_int_posting_versions_derived_neither_overlap_nor_gap",
    "assert_role_weekly_open_postings_reconcile_with_versions",
    "assert_role_skill_monthly_demand_shares_recompute_from_postings",
)


def test_history_tests_fail_on_a_tampered_warehouse(article_warehouse, tmp_path):
    db = tmp_path / article_warehouse.db_path.name  # same file name: the compiled SQL names the catalog
    shutil.copy2(article_warehouse.db_path, db)
    con = duckdb.connect(str(db))
    try:
        key = con.execute(
            f"select posting_key from {VERSIONS} where version_number = 2 order by posting_key limit 1"
        ).fetchone()[0]
        # version 1 now ends an hour after version 2 starts: an overlap
        con.execute(f"update {VERSIONS} set valid_to = valid_to + interval 1 hour "
                    "where posting_key = ? and version_number = 1", [key])
        con.execute("update marts.role_weekly_open_postings set open_postings = open_postings + 1 "
                    "where role = ? and week_start = (select min(week_start) from marts.role_weekly_open_postings)",
                    [AI])
        con.execute("update marts.role_skill_monthly_demand set postings_with_skill = postings_with_skill + 1 "
                    "where role = ? and skill = 'Python' and posted_month = date '2026-01-01'", [MLE])
    finally:
        con.close()
    target = tmp_path / "target"
    result = dbt(["test", "--select", " ".join(HISTORY_TESTS)],
                 db_path=db, raw_glob=str(article_warehouse.data_dir / "raw" / "*.jsonl*"), target_path=target)
    assert result.returncode == 1 and "ERROR=3" in result.stdout, result.stdout[-3000:]

    def failures(test: str) -> list[tuple]:
        sql = next(target.glob(f"compiled/**/{test}.sql")).read_text(encoding="utf-8")
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(f"select * from ({sql}) order by all").fetchall()
        finally:
            con.close()

    versions, weekly, demand = (failures(test) for test in HISTORY_TESTS)
    assert versions == [(key, "version 1 overlaps or leaves a gap before the next")]
    assert [(row[0], row[2] - row[3]) for row in weekly] == [(AI, 1)]
    assert demand == [(MLE, dt.date(2026, 1, 1), "Python", "counts or share differ from the postings")]

"""End to end: generated raw files -> dbt build -> marts, checked against the generator's ground
truth (two seeds with different proportions) and against the reference article's figures."""

from __future__ import annotations

import csv
import math

import pytest

import truth as expected
from job_market.project import PROJECT_DIR

pytestmark = pytest.mark.e2e

ARTICLE_FIGURES = PROJECT_DIR / "seeds" / "reference" / "article_figures.csv"
AI, MLE = "AI Engineer", "Machine Learning Engineer"


def marts_role_metrics(warehouse) -> dict[str, dict]:
    return {r["role"]: r for r in warehouse.query("select * from marts.role_metrics")}


# --- agreement with ground truth, posting by posting ------------------------------------------

def test_every_posting_is_classified_as_the_generator_intended(any_warehouse):
    con = any_warehouse.connect()
    truth_path = any_warehouse.data_dir / "truth" / "postings_truth.jsonl"
    mismatches = con.execute(
        """
        with truth as (
            select * from read_json(?, format = 'newline_delimited')
        ),
        arrangements as (
            select posting_key, list_sort(list(work_arrangement)) as work_arrangements
            from intermediate.int_posting_arrangements_exploded group by posting_key
        ),
        skills as (
            select posting_key, list_sort(list(skill)) as skills
            from intermediate.int_posting_skills_extracted group by posting_key
        ),
        warehouse as (
            select p.*, a.work_arrangements, coalesce(s.skills, []) as skills
            from intermediate.int_postings_classified as p
            left join arrangements as a using (posting_key)
            left join skills as s using (posting_key)
        )
        select
            truth.source, truth.posting_id,
            truth.is_active is distinct from warehouse.is_active as bad_status,
            truth.role is distinct from warehouse.role as bad_role,
            truth.seniority_level is distinct from warehouse.seniority_level as bad_seniority,
            truth.country_code is distinct from warehouse.country_code as bad_country,
            coalesce(abs(truth.salary_usd_annual - warehouse.salary_usd_annual) > 0.01,
                     truth.salary_usd_annual is distinct from warehouse.salary_usd_annual) as bad_salary,
            list_sort(truth.work_arrangements) is distinct from warehouse.work_arrangements as bad_arrangement,
            list_sort(truth.skills) is distinct from warehouse.skills as bad_skills,
            warehouse.posting_key is null as missing,
            warehouse.title, warehouse.location_text,
            truth.role as truth_role, warehouse.role as warehouse_role,
            truth.salary_usd_annual as truth_salary, warehouse.salary_usd_annual as warehouse_salary,
            truth.skills as truth_skills, warehouse.skills as warehouse_skills
        from truth
        left join warehouse
            on truth.source = warehouse.source and truth.posting_id = warehouse.posting_id
        """,
        [str(truth_path)],
    )
    names = [d[0] for d in mismatches.description]
    rows = [dict(zip(names, r)) for r in mismatches.fetchall()]
    con.close()
    assert rows, "no truth rows"
    staged = any_warehouse.query("select count(*) as n from staging.stg_job_board__postings")[0]["n"]
    assert staged == len(rows), "staging must hold exactly one row per generated posting"
    flags = [n for n in names if n.startswith("bad_") or n == "missing"]
    failures = {flag: [r for r in rows if r[flag]] for flag in flags}
    report = {flag: (len(bad), bad[:3]) for flag, bad in failures.items() if bad}
    assert not report, f"postings disagreeing with ground truth (of {len(rows)}): {report}"


def test_role_metrics_equal_the_truth(any_warehouse):
    truth = expected.role_metrics(any_warehouse.truth())
    marts = marts_role_metrics(any_warehouse)
    assert set(marts) == set(truth)
    for role, want in truth.items():
        got = marts[role]
        for column in (
            "active_postings", "us_postings", "us_salaried_postings", "entry_level_postings",
            "senior_plus_staff_postings", "remote_postings", "hybrid_postings", "onsite_postings",
            "india_postings", "top_skill",
        ):
            assert got[column] == want[column], (role, column)
        if want["median_us_base_salary_usd"] is None:
            assert got["median_us_base_salary_usd"] is None
        else:
            assert got["median_us_base_salary_usd"] == pytest.approx(want["median_us_base_salary_usd"], abs=0.01)
            assert got["median_us_base_salary_ci_low_usd"] <= got["median_us_base_salary_usd"]
            assert got["median_us_base_salary_ci_high_usd"] >= got["median_us_base_salary_usd"]
        assert got["us_share"] == pytest.approx(want["us_postings"] / want["active_postings"])


def test_skill_shares_and_overlap_equal_the_truth(any_warehouse):
    truth = expected.role_metrics(any_warehouse.truth())
    shares = any_warehouse.query("select role, skill, postings_with_skill, skill_rank from marts.role_skill_shares")
    got = {(r["role"], r["skill"]): r for r in shares}
    want = {(role, skill): c for role, m in truth.items() for skill, c in m["skill_counts"].items()}
    assert {k: v["postings_with_skill"] for k, v in got.items()} == want
    for role, m in truth.items():
        for rank, skill in enumerate(m["ranked_skills"], start=1):
            assert got[(role, skill)]["skill_rank"] == rank
    overlap = any_warehouse.query("select * from marts.role_pair_overlap")
    assert len(overlap) == len(truth) * (len(truth) - 1)
    for row in overlap:
        a, b = expected.top_n(truth, row["role_a"]), expected.top_n(truth, row["role_b"])
        assert row["shared_skills"] == len(a & b)
        assert row["union_skills"] == len(a | b)
        assert row["jaccard"] == pytest.approx(len(a & b) / len(a | b))


def test_skill_premiums_equal_the_truth(any_warehouse):
    want = expected.skill_salary_medians(any_warehouse.truth())
    rows = any_warehouse.query(
        "select role, skill, us_salaried_postings, median_us_base_salary_usd, is_below_min_n "
        "from marts.role_skill_premiums"
    )
    got = {(r["role"], r["skill"]): r for r in rows}
    assert set(got) == set(want)
    for key, (n, median) in want.items():
        assert got[key]["us_salaried_postings"] == n, key
        assert got[key]["median_us_base_salary_usd"] == pytest.approx(median, abs=0.01), key
        assert got[key]["is_below_min_n"] == (n < 40), key


# --- the reference article -------------------------------------------------------------------

def _article_figures() -> list[dict]:
    with open(ARTICLE_FIGURES, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_article_figures_are_reproduced(article_warehouse):
    metrics = marts_role_metrics(article_warehouse)
    shares = {
        (r["role"], r["skill"]): r["share"]
        for r in article_warehouse.query("select role, skill, share from marts.role_skill_shares")
    }
    premiums = {
        (r["role"], r["skill"]): r
        for r in article_warehouse.query("select * from marts.role_skill_premiums")
    }
    exclusive = article_warehouse.query(
        "select exclusive_to_role, skill, share from marts.role_pair_exclusive_skills where role_a = ? and role_b = ?",
        [AI, MLE],
    )
    overlap = article_warehouse.query(
        "select * from marts.role_pair_overlap where role_a = ? and role_b = ?", [AI, MLE]
    )[0]
    share_columns = {
        "entry_level_share": "entry_level_share",
        "senior_plus_staff_share": "senior_plus_staff_share",
        "remote_share": "remote_share",
        "hybrid_share": "hybrid_share",
        "onsite_share": "onsite_share",
        "us_share": "us_share",
        "india_share": "india_share",
    }
    failures = []
    figures = _article_figures()
    for fig in figures:
        metric, role, skill = fig["metric"], fig["role"], fig["skill"]
        value, tolerance = float(fig["value"]), float(fig["tolerance"])
        n = int(fig["n"]) if fig["n"] else None
        if metric == "active_postings":
            got, got_n = metrics[role]["active_postings"], None
        elif metric == "entry_level_postings":
            got, got_n = metrics[role]["entry_level_postings"], None
        elif metric in share_columns:
            got, got_n = metrics[role][share_columns[metric]], None
        elif metric == "median_us_base_salary":
            got, got_n = metrics[role]["median_us_base_salary_usd"], metrics[role]["us_salaried_postings"]
        elif metric == "top_skill_jaccard":
            got, got_n = overlap["jaccard"], overlap["top_n"]
        elif metric == "skill_share":
            got, got_n = shares.get((role, skill)), None
        elif metric == "exclusive_skill_share":
            match = [e for e in exclusive if e["exclusive_to_role"] == role and e["skill"] == skill]
            got, got_n = (match[0]["share"] if match else None), None
        elif metric == "skill_median_us_salary":
            row = premiums.get((role, skill))
            got = row["median_us_base_salary_usd"] if row else None
            got_n = row["us_salaried_postings"] if row else None
        else:
            failures.append(f"unknown metric {metric}")
            continue
        if got is None or not math.isclose(got, value, abs_tol=tolerance + 1e-9):
            failures.append(f"{metric} {role} {skill}: article {value}, warehouse {got} (tolerance {tolerance})")
        if n is not None and got_n != n:
            failures.append(f"{metric} {role} {skill}: article n={n}, warehouse n={got_n}")
    assert not failures, "\n".join(failures)
    # the exclusive lists match exactly, not only the listed shares
    for role in (AI, MLE):
        article = {f["skill"] for f in figures if f["metric"] == "exclusive_skill_share" and f["role"] == role}
        assert {e["skill"] for e in exclusive if e["exclusive_to_role"] == role} == article
    assert (overlap["shared_skills"], overlap["union_skills"]) == (24, 36)
    assert metrics[AI]["top_skill"] == "Python" and metrics[MLE]["top_skill"] == "Machine Learning"


def test_pair_comparison_reads_like_the_article(article_warehouse):
    row = article_warehouse.query(
        "select * from marts.role_pair_comparison where role_a = ? and role_b = ?", [MLE, AI]
    )[0]
    assert row["median_salary_gap_usd"] == pytest.approx(20000, abs=1000)
    assert row["median_salary_gap_share"] == pytest.approx(0.138, abs=0.01)
    assert row["active_postings_ratio"] == pytest.approx(4781 / 4091)
    mirrored = article_warehouse.query(
        "select * from marts.role_pair_comparison where role_a = ? and role_b = ?", [AI, MLE]
    )[0]
    assert mirrored["jaccard"] == row["jaccard"]
    assert mirrored["median_salary_gap_usd"] == -row["median_salary_gap_usd"]


def test_the_article_check_ran_inside_dbt(article_warehouse):
    assert "assert_marts_match_article_figures" in article_warehouse.build_log

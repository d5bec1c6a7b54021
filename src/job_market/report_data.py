"""Everything the role-pair page shows, read from the marts in one read-only connection.

The same marts and checks as the text report (job_market.report); role names are bound parameters.
Every figure comes from a mart column (models/marts/roles/_roles__models.yml); nothing is computed
here except the choice of rows.
"""

from __future__ import annotations

import datetime
import decimal
from pathlib import Path

import duckdb

from job_market.project import error_line
from job_market.report import ReportError, _check_roles, _comparison, _connect_read_only, _rows

# how many rows of each ranked list the page shows
TOP_SKILLS = 15  # skill shares and salary by skill: the union of both roles' top 15
TOP_EMPLOYERS = 10
TOP_COUNTRIES = 10


def _plain(value):
    """JSON-able values: DuckDB returns dates and (for some sums) decimals."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _plain_rows(rows: list[dict]) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in rows]


def _per_role(con, sql: str, roles: tuple[str, str], extra: list) -> list[dict]:
    out: list[dict] = []
    for role in roles:
        out.extend(_rows(con, sql, [role, *extra]))
    return _plain_rows(out)


def load_page_data(db_path: Path, role_a: str, role_b: str) -> dict:
    """All sections of the page for role_a vs role_b (ReportError if the marts cannot answer)."""
    if role_a == role_b:
        raise ReportError(f"role A and role B are both {role_a!r}: pick two different roles to compare")
    roles = (role_a, role_b)
    con = _connect_read_only(db_path)
    try:
        _check_roles(con, role_a, role_b)
        comparison = _plain_rows([_comparison(con, role_a, role_b)])[0]
        metrics = {r["role"]: r for r in _plain_rows(
            _rows(con, "select * from marts.role_metrics where role in (?, ?)", [role_a, role_b]))}
        overlap = _plain_rows(_rows(
            con, "select * from marts.role_pair_overlap where role_a = ? and role_b = ?", [role_a, role_b]))
        # both roles' shares for the union of each role's top skills (a skill absent for a role: no row)
        skill_shares = _plain_rows(_rows(
            con,
            """
            with picked as (
                select distinct skill from marts.role_skill_shares
                where role in (?, ?) and skill_rank <= ?
            )
            select s.role, s.skill, s.skill_category, s.postings_with_skill, s.active_postings,
                   s.share, s.skill_rank
            from marts.role_skill_shares s join picked using (skill)
            where s.role in (?, ?)
            order by s.skill, s.role
            """,
            [role_a, role_b, TOP_SKILLS, role_a, role_b],
        ))
        exclusive = _plain_rows(_rows(
            con,
            """
            select exclusive_to_role, skill, share, skill_rank, other_role_share, other_role_skill_rank
            from marts.role_pair_exclusive_skills where role_a = ? and role_b = ?
            order by exclusive_to_role, skill_rank, skill
            """,
            [role_a, role_b],
        ))
        shared = _plain_rows(_rows(
            con,
            """
            select a.skill, a.share as role_a_share, a.skill_rank as role_a_skill_rank,
                   b.share as role_b_share, b.skill_rank as role_b_skill_rank
            from marts.role_skill_shares a
            join marts.role_skill_shares b on b.skill = a.skill and b.role = ?
            where a.role = ? and a.is_in_top_n and b.is_in_top_n
            order by a.skill_rank, a.skill
            """,
            [role_b, role_a],
        ))
        premiums = _per_role(
            con,
            """
            select role, skill, us_salaried_postings, median_us_base_salary_usd,
                   median_us_base_salary_ci_low_usd, median_us_base_salary_ci_high_usd,
                   role_median_us_base_salary_usd, premium_usd, is_below_min_n, premium_rank
            from marts.role_skill_premiums
            where role = ? and skill in (
                select skill from marts.role_skill_shares where role in (?, ?) and skill_rank <= ?
            )
            order by premium_rank
            """,
            roles, [role_a, role_b, TOP_SKILLS],
        )
        employers = _per_role(
            con,
            "select role, company_name, postings, share, employer_rank from marts.role_employers "
            "where role = ? order by employer_rank limit ?",
            roles, [TOP_EMPLOYERS],
        )
        countries = _per_role(
            con,
            "select role, country_code, country_name, postings, share, country_rank from marts.role_countries "
            "where role = ? order by country_rank limit ?",
            roles, [TOP_COUNTRIES],
        )
        monthly = _per_role(
            con,
            "select role, posted_month, new_postings, still_active_postings, share_of_role_postings "
            "from marts.role_monthly_postings where role = ? order by posted_month",
            roles, [],
        )
    except duckdb.Error as exc:  # no marts schema, a missing table or column: not this project's marts
        raise ReportError(f"cannot read the marts of {db_path}: {error_line(exc)}") from exc
    finally:
        con.close()
    return {
        "role_a": role_a,
        "role_b": role_b,
        "comparison": comparison,
        "metrics": metrics,
        "overlap": overlap[0] if overlap else None,
        "skill_shares": skill_shares,
        "shared_skills": shared,
        "exclusive_skills": exclusive,
        "premiums": premiums,
        "employers": employers,
        "countries": countries,
        "monthly": monthly,
        "top_skills_per_role": TOP_SKILLS,
    }

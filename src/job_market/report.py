"""The headline "role A vs role B" comparison, read from the marts.

Role names come from the command line, so every query takes them as bound parameters: nothing a
user types is pasted into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from job_market.project import error_line


class ReportError(Exception):
    """The marts cannot answer the question asked (same role twice, missing or unreadable file, no
    marts, unknown role, ...); the message is one line for the operator."""


@dataclass
class RolePairReport:
    role_a: str
    role_b: str
    comparison: dict
    exclusive: list[dict]
    premiums: dict[str, list[dict]]
    employers: dict[str, list[dict]]
    countries: dict[str, list[dict]]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _connect_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    if not Path(db_path).exists():
        raise ReportError(f"no warehouse at {db_path}: run the build first")
    # read-only: the published file is shared by every reader and never written in place
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as exc:  # not a DuckDB file, or a writer (dbt) holds its lock
        raise ReportError(f"cannot open {db_path} read-only: {error_line(exc)}") from exc


def _check_roles(con: duckdb.DuckDBPyConnection, role_a: str, role_b: str) -> None:
    known = {r["role"] for r in _rows(con, "select role from marts.role_metrics", [])}
    if not known:
        raise ReportError("the marts have no roles with active postings (marts.role_metrics is empty)")
    for role in (role_a, role_b):
        if role not in known:
            raise ReportError(f"unknown role {role!r}; roles with active postings: {', '.join(sorted(known))}")


def _comparison(con: duckdb.DuckDBPyConnection, role_a: str, role_b: str) -> dict:
    rows = _rows(con, "select * from marts.role_pair_comparison where role_a = ? and role_b = ?", [role_a, role_b])
    if not rows:  # the model has every ordered pair of role_metrics' roles: marts of different builds
        raise ReportError(f"marts.role_pair_comparison has no row for {role_a!r} vs {role_b!r} although "
                          f"marts.role_metrics has both roles: the marts disagree; rebuild and publish them")
    return rows[0]


def load_role_pair(db_path: Path, role_a: str, role_b: str, *, top: int = 5, min_n: int = 40) -> RolePairReport:
    """The comparison of two different roles from the marts in db_path (ReportError if it cannot be made)."""
    if role_a == role_b:
        raise ReportError(f"role A and role B are both {role_a!r}: pick two different roles to compare")
    con = _connect_read_only(db_path)
    try:
        _check_roles(con, role_a, role_b)
        comparison = _comparison(con, role_a, role_b)
        metrics = {
            r["role"]: r
            for r in _rows(con, "select * from marts.role_metrics where role in (?, ?)", [role_a, role_b])
        }
        comparison["metrics"] = metrics
        exclusive = _rows(
            con,
            """
            select exclusive_to_role, skill, share, other_role_share
            from marts.role_pair_exclusive_skills
            where role_a = ? and role_b = ?
            order by exclusive_to_role, share desc, skill
            """,
            [role_a, role_b],
        )
        premiums, employers, countries = {}, {}, {}
        for role in (role_a, role_b):
            premiums[role] = _rows(
                con,
                """
                select skill, median_us_base_salary_usd, us_salaried_postings, premium_usd
                from marts.role_skill_premiums
                where role = ? and not is_below_min_n and us_salaried_postings >= ?
                order by median_us_base_salary_usd desc, skill
                limit ?
                """,
                [role, min_n, top],
            )
            employers[role] = _rows(
                con,
                "select company_name, postings, share from marts.role_employers where role = ? "
                "order by employer_rank limit ?",
                [role, top],
            )
            countries[role] = _rows(
                con,
                "select country_name, postings, share from marts.role_countries where role = ? "
                "order by country_rank limit ?",
                [role, top],
            )
        return RolePairReport(role_a, role_b, comparison, exclusive, premiums, employers, countries)
    except duckdb.Error as exc:  # no marts schema, a missing table or column: not this project's marts
        raise ReportError(f"cannot read the marts of {db_path}: {error_line(exc)}") from exc
    finally:
        con.close()


def _money(value) -> str:
    if value is None:
        return "n/a"
    return f"-${-value:,.0f}" if value < 0 else f"${value:,.0f}"


def _pct(value) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def format_role_pair(report: RolePairReport) -> str:
    a, b = report.role_a, report.role_b
    c = report.comparison
    m = c["metrics"]
    width = max(len(a), len(b), 34)

    def salary(role):
        r = m[role]
        if r["median_us_base_salary_usd"] is None:
            return f"n/a (n={r['us_salaried_postings']})"
        return (
            f"{_money(r['median_us_base_salary_usd'])} (n={r['us_salaried_postings']:,}; "
            f"95% CI {_money(r['median_us_base_salary_ci_low_usd'])}-{_money(r['median_us_base_salary_ci_high_usd'])})"
        )

    def top_skill(role):
        r = m[role]
        return "n/a" if r["top_skill"] is None else f"{r['top_skill']} ({_pct(r['top_skill_share'])})"

    rows = [
        ("Active postings", f"{m[a]['active_postings']:,}", f"{m[b]['active_postings']:,}"),
        ("Median US base salary", salary(a), salary(b)),
        ("Top skill", top_skill(a), top_skill(b)),
        (
            "Entry-level share",
            f"{_pct(m[a]['entry_level_share'])} ({m[a]['entry_level_postings']:,})",
            f"{_pct(m[b]['entry_level_share'])} ({m[b]['entry_level_postings']:,})",
        ),
        ("Senior + staff share", _pct(m[a]["senior_plus_staff_share"]), _pct(m[b]["senior_plus_staff_share"])),
        (
            "Remote / hybrid / onsite",
            " / ".join(_pct(m[a][k]) for k in ("remote_share", "hybrid_share", "onsite_share")),
            " / ".join(_pct(m[b][k]) for k in ("remote_share", "hybrid_share", "onsite_share")),
        ),
        ("US share / India share", f"{_pct(m[a]['us_share'])} / {_pct(m[a]['india_share'])}",
         f"{_pct(m[b]['us_share'])} / {_pct(m[b]['india_share'])}"),
    ]
    width = max(width, *(len(left) for _, left, _ in rows))
    lines = [f"{a} vs {b}", "=" * (len(a) + len(b) + 4), ""]
    lines.append(f"{'':26}{a:<{width}}  {b}")
    for label, left, right in rows:
        lines.append(f"{label:<26}{left:<{width}}  {right}")
    lines.append("")
    gap = c["median_salary_gap_usd"]
    if gap is not None:
        higher, lower = (a, b) if gap >= 0 else (b, a)
        relative = abs(gap) / m[lower]["median_us_base_salary_usd"]
        lines.append(
            f"Median US base salary: {higher} pays {_money(abs(gap))} more than {lower} "
            f"({_pct(relative)} of {lower}'s median)"
        )
    lines.append(f"Postings ratio ({a} / {b}): {c['active_postings_ratio']:.2f}")
    lines.append(
        f"Skill overlap: Jaccard {_pct(c['jaccard'])} of top-{c['top_n']} skill sets "
        f"({c['shared_skills']} shared of {c['union_skills']} in the union)"
    )
    for role in (a, b):
        mine = [e for e in report.exclusive if e["exclusive_to_role"] == role]
        listed = ", ".join(f"{e['skill']} {_pct(e['share'])}" for e in mine) or "none"
        lines.append(f"Only in {role}'s top-{c['top_n']}: {listed}")
    for role in (a, b):
        listed = ", ".join(
            f"{p['skill']} {_money(p['median_us_base_salary_usd'])} (n={p['us_salaried_postings']})"
            for p in report.premiums[role]
        ) or "none with enough postings"
        lines.append(f"Highest-paying skills, {role}: {listed}")
    for role in (a, b):
        listed = ", ".join(f"{e['company_name']} ({e['postings']})" for e in report.employers[role]) or "none"
        lines.append(f"Top employers, {role}: {listed}")
    for role in (a, b):
        listed = ", ".join(f"{e['country_name']} {_pct(e['share'])}" for e in report.countries[role]) or "none"
        lines.append(f"Top countries, {role}: {listed}")
    return "\n".join(lines)


def mart_row_counts(db_path: Path) -> list[tuple[str, int]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()
        ]
        return [(t, con.execute(f'select count(*) from marts."{t}"').fetchone()[0]) for t in tables]
    finally:
        con.close()

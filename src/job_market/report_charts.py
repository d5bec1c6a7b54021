"""The role-pair page's charts as Vega-Lite specs, built with Altair from load_page_data's rows.

Each function returns one chart (a dict spec, ready for vegaEmbed); every chart has a title, axis
titles with units, and a tooltip that carries the n behind each figure.
"""

from __future__ import annotations

import altair as alt

WIDTH = 520


def _role_color(data: dict) -> alt.Color:
    return alt.Color("role:N", title="Role", scale=alt.Scale(domain=[data["role_a"], data["role_b"]]),
                     legend=alt.Legend(orient="top"))


def salary_chart(data: dict) -> dict:
    rows = [
        {"role": role, "median": m["median_us_base_salary_usd"], "low": m["median_us_base_salary_ci_low_usd"],
         "high": m["median_us_base_salary_ci_high_usd"], "n": m["us_salaried_postings"],
         "n_label": f"n={m['us_salaried_postings']:,}"}
        for role, m in ((r, data["metrics"][r]) for r in (data["role_a"], data["role_b"]))
        if m["median_us_base_salary_usd"] is not None
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(y=alt.Y("role:N", title="Role"))
    tooltip = [alt.Tooltip("role:N", title="Role"), alt.Tooltip("median:Q", title="Median (USD/yr)", format="$,.0f"),
               alt.Tooltip("low:Q", title="95% CI low", format="$,.0f"),
               alt.Tooltip("high:Q", title="95% CI high", format="$,.0f"), alt.Tooltip("n:Q", title="n", format=",")]
    rule = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("low:Q", title="Median US base salary (USD per year), 95% CI", axis=alt.Axis(format="$,.0f"),
                scale=alt.Scale(zero=False)),
        x2="high:Q", color=_role_color(data), tooltip=tooltip)
    point = base.mark_point(filled=True, size=120).encode(x="median:Q", color=_role_color(data), tooltip=tooltip)
    label = base.mark_text(align="left", dy=-14).encode(
        x="median:Q", text="n_label:N")
    return (rule + point + label).properties(
        title="Median US base salary with 95% confidence interval (n = US salaried postings)",
        width=WIDTH, height=120).to_dict()


def profile_chart(data: dict) -> dict:
    parts = [("Entry level", "entry_level_share", "entry_level_postings"),
             ("Senior + staff", "senior_plus_staff_share", "senior_plus_staff_postings"),
             ("Remote", "remote_share", "remote_postings"), ("Hybrid", "hybrid_share", "hybrid_postings"),
             ("Onsite", "onsite_share", "onsite_postings"), ("United States", "us_share", "us_postings"),
             ("India", "india_share", "india_postings")]
    rows = [
        {"role": role, "measure": label, "share": data["metrics"][role][share],
         "postings": data["metrics"][role][count], "n": data["metrics"][role]["active_postings"]}
        for role in (data["role_a"], data["role_b"]) for label, share, count in parts
    ]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("measure:N", title=None, sort=[p[0] for p in parts]),
        yOffset=alt.YOffset("role:N", sort=[data["role_a"], data["role_b"]]),
        x=alt.X("share:Q", title="Share of active postings (%)", axis=alt.Axis(format=".0%")),
        color=_role_color(data),
        tooltip=[alt.Tooltip("role:N", title="Role"), alt.Tooltip("measure:N", title="Measure"),
                 alt.Tooltip("share:Q", title="Share", format=".1%"),
                 alt.Tooltip("postings:Q", title="Postings", format=","),
                 alt.Tooltip("n:Q", title="n (active postings)", format=",")],
    ).properties(title="Seniority, work arrangement and location (share of each role's active postings)",
                 width=WIDTH).to_dict()


def skill_shares_chart(data: dict) -> dict:
    rows = data["skill_shares"]
    order = sorted({r["skill"] for r in rows}, key=lambda s: -max(r["share"] for r in rows if r["skill"] == s))
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y("skill:N", title="Skill", sort=order),
        yOffset=alt.YOffset("role:N", sort=[data["role_a"], data["role_b"]]),
        x=alt.X("share:Q", title="Share of the role's active postings asking for the skill (%)",
                axis=alt.Axis(format=".0%")),
        color=_role_color(data),
        tooltip=[alt.Tooltip("role:N", title="Role"), alt.Tooltip("skill:N", title="Skill"),
                 alt.Tooltip("share:Q", title="Share", format=".1%"),
                 alt.Tooltip("postings_with_skill:Q", title="Postings with skill", format=","),
                 alt.Tooltip("active_postings:Q", title="n (active postings)", format=","),
                 alt.Tooltip("skill_rank:Q", title="Rank in role")],
    ).properties(title=f"Skill shares, union of both roles' top {data['top_skills_per_role']} skills",
                 width=WIDTH).to_dict()


def premiums_chart(data: dict) -> dict:
    rows = [dict(r, flag="below min n (flagged)" if r["is_below_min_n"] else "n at or above min n",
                 n_label=f"n={r['us_salaried_postings']:,}") for r in data["premiums"]]
    tooltip = [alt.Tooltip("skill:N", title="Skill"),
               alt.Tooltip("median_us_base_salary_usd:Q", title="Median (USD/yr)", format="$,.0f"),
               alt.Tooltip("median_us_base_salary_ci_low_usd:Q", title="95% CI low", format="$,.0f"),
               alt.Tooltip("median_us_base_salary_ci_high_usd:Q", title="95% CI high", format="$,.0f"),
               alt.Tooltip("us_salaried_postings:Q", title="n (US salaried postings)", format=","),
               alt.Tooltip("premium_usd:Q", title="Premium vs role median (USD/yr)", format="$,.0f"),
               alt.Tooltip("flag:N", title="Sample")]
    base = alt.Chart().encode(y=alt.Y("skill:N", title="Skill", sort=None))
    x = alt.X("median_us_base_salary_ci_low_usd:Q", title="Median US base salary (USD per year), 95% CI",
              axis=alt.Axis(format="$,.0f"), scale=alt.Scale(zero=False))
    opacity = alt.Opacity("flag:N", title="Sample size",
                          scale=alt.Scale(domain=["n at or above min n", "below min n (flagged)"], range=[1, 0.35]))
    rule = base.mark_rule(strokeWidth=2).encode(x=x, x2="median_us_base_salary_ci_high_usd:Q",
                                                opacity=opacity, tooltip=tooltip)
    point = base.mark_point(filled=True, size=70).encode(x="median_us_base_salary_usd:Q", opacity=opacity,
                                                         tooltip=tooltip)
    label = base.mark_text(align="left", dx=8, dy=-8, fontSize=10).encode(
        x="median_us_base_salary_usd:Q", text="n_label:N")
    return alt.layer(rule, point, label, data=alt.Data(values=rows)).properties(width=WIDTH // 2).facet(
        column=alt.Column("role:N", title=None, sort=[data["role_a"], data["role_b"]])
    ).resolve_scale(y="independent").properties(
        title="Median US base salary by skill (highest first; faded = below the minimum n, flagged)").to_dict()


def _ranked_bars(data: dict, key: str, label: str, title: str, extra: list) -> dict:
    rows = data[key]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        y=alt.Y(f"{label}:N", title=None, sort=alt.EncodingSortField("postings", order="descending")),
        x=alt.X("postings:Q", title="Active postings (count)"),
        color=alt.Color("role:N", legend=None, scale=alt.Scale(domain=[data["role_a"], data["role_b"]])),
        tooltip=[alt.Tooltip("role:N", title="Role"), alt.Tooltip(f"{label}:N"),
                 alt.Tooltip("postings:Q", title="Postings (n)", format=","),
                 alt.Tooltip("share:Q", title="Share of the role's active postings", format=".1%"), *extra],
    ).properties(width=WIDTH // 2).facet(
        column=alt.Column("role:N", title=None, sort=[data["role_a"], data["role_b"]])
    ).resolve_scale(y="independent").properties(title=title).to_dict()


def employers_chart(data: dict) -> dict:
    return _ranked_bars(data, "employers", "company_name", "Top employers by active postings", [])


def countries_chart(data: dict) -> dict:
    return _ranked_bars(data, "countries", "country_name", "Top countries by active postings", [])


def monthly_chart(data: dict) -> dict:
    return alt.Chart(alt.Data(values=data["monthly"])).mark_line(point=True).encode(
        x=alt.X("posted_month:T", title="Month posted (UTC)", timeUnit="yearmonth"),
        y=alt.Y("new_postings:Q", title="New postings per month (count)"),
        color=_role_color(data),
        tooltip=[alt.Tooltip("role:N", title="Role"),
                 alt.Tooltip("posted_month:T", title="Month", timeUnit="yearmonth"),
                 alt.Tooltip("new_postings:Q", title="New postings (n)", format=","),
                 alt.Tooltip("still_active_postings:Q", title="Still active", format=","),
                 alt.Tooltip("share_of_role_postings:Q", title="Share of the role's postings", format=".1%")],
    ).properties(title="Postings per month (all postings that went up in the month, active or not)",
                 width=WIDTH).to_dict()


def all_charts(data: dict) -> list[tuple[str, dict]]:
    """(id, spec) of every chart, in page order."""
    return [
        ("chart-salary", salary_chart(data)),
        ("chart-profile", profile_chart(data)),
        ("chart-skill-shares", skill_shares_chart(data)),
        ("chart-premiums", premiums_chart(data)),
        ("chart-employers", employers_chart(data)),
        ("chart-countries", countries_chart(data)),
        ("chart-monthly", monthly_chart(data)),
    ]

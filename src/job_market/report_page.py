"""The role-pair article as one self-contained HTML page (and the same content as Markdown or JSON).

The page inlines the Vega-Embed bundle (vl-convert ships it) and every chart's spec and data: it makes
no network request. Numbers come from load_page_data (the marts); each one is shown with its n.
"""

from __future__ import annotations

import html
import json

from job_market.docs_site import script_safe_json
from job_market.report import _money, _pct
from job_market.report_charts import all_charts


def _e(value) -> str:
    return html.escape(str(value))


def _count(value) -> str:
    return "n/a" if value is None else f"{value:,}"


def _script_json(value) -> str:
    """JSON safe inside a <script> element: the docs site's rule (every '<' escaped)."""
    return script_safe_json(json.dumps(value, ensure_ascii=False))


def _salary(m: dict) -> str:
    if m["median_us_base_salary_usd"] is None:
        return f"n/a (n={_count(m['us_salaried_postings'])})"
    return (f"{_money(m['median_us_base_salary_usd'])} (n={_count(m['us_salaried_postings'])}; 95% CI "
            f"{_money(m['median_us_base_salary_ci_low_usd'])}–{_money(m['median_us_base_salary_ci_high_usd'])})")


def _share(m: dict, share: str, count: str) -> str:
    return f"{_pct(m[share])} ({_count(m[count])} of {_count(m['active_postings'])})"


def headline_rows(data: dict) -> list[tuple[str, str, str, str]]:
    """(key, label, role A text, role B text) of the headline comparison."""
    a, b = (data["metrics"][r] for r in (data["role_a"], data["role_b"]))
    specs = [
        ("active_postings", "Active postings", lambda m: _count(m["active_postings"])),
        ("median_us_base_salary_usd", "Median US base salary (USD/yr)", _salary),
        ("entry_level_share", "Entry-level share", lambda m: _share(m, "entry_level_share", "entry_level_postings")),
        ("senior_plus_staff_share", "Senior + staff share",
         lambda m: _share(m, "senior_plus_staff_share", "senior_plus_staff_postings")),
        ("remote_share", "Remote share", lambda m: _share(m, "remote_share", "remote_postings")),
        ("hybrid_share", "Hybrid share", lambda m: _share(m, "hybrid_share", "hybrid_postings")),
        ("onsite_share", "Onsite share", lambda m: _share(m, "onsite_share", "onsite_postings")),
        ("us_share", "US share", lambda m: _share(m, "us_share", "us_postings")),
        ("india_share", "India share", lambda m: _share(m, "india_share", "india_postings")),
        ("top_skill", "Top skill", lambda m: "n/a" if m["top_skill"] is None else
         f"{m['top_skill']} ({_share(m, 'top_skill_share', 'top_skill_postings')})"),
    ]
    return [(key, label, fmt(a), fmt(b)) for key, label, fmt in specs]


def summary_lines(data: dict) -> list[str]:
    a, b, c = data["role_a"], data["role_b"], data["comparison"]
    m = data["metrics"]
    lines = []
    gap = c["median_salary_gap_usd"]
    if gap == 0:
        lines.append(f"{a} and {b} have the same median US base salary, {_money(m[a]['median_us_base_salary_usd'])} "
                     f"(n={_count(m[a]['us_salaried_postings'])} vs n={_count(m[b]['us_salaried_postings'])}).")
    elif gap is not None:
        higher, lower = (a, b) if gap > 0 else (b, a)
        lines.append(f"{higher} pays {_money(abs(gap))} more (median US base salary) than {lower} "
                     f"(n={_count(m[higher]['us_salaried_postings'])} vs n={_count(m[lower]['us_salaried_postings'])}).")
    lines.append(f"Postings ratio {a} / {b}: {c['active_postings_ratio']:.2f} "
                 f"({_count(m[a]['active_postings'])} / {_count(m[b]['active_postings'])}).")
    lines.append(f"Skill overlap: Jaccard {_pct(c['jaccard'])} of the top-{c['top_n']} skill sets "
                 f"({c['shared_skills']} shared of {c['union_skills']} in the union).")
    return lines


def _table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _skill_lists(data: dict) -> str:
    a, b = data["role_a"], data["role_b"]
    shared = [[s["skill"], f"{_pct(s['role_a_share'])} (#{s['role_a_skill_rank']})",
               f"{_pct(s['role_b_share'])} (#{s['role_b_skill_rank']})"] for s in data["shared_skills"]]
    parts = [f"<h3>Shared top-{data['comparison']['top_n']} skills ({len(shared)})</h3>",
             _table(["Skill", f"{a} share (rank)", f"{b} share (rank)"], shared, "shared")]
    for role, other in ((a, b), (b, a)):
        mine = [[e["skill"], f"{_pct(e['share'])} (#{e['skill_rank']})",
                 "not mentioned" if e["other_role_skill_rank"] is None else
                 f"{_pct(e['other_role_share'])} (#{e['other_role_skill_rank']})"]
                for e in data["exclusive_skills"] if e["exclusive_to_role"] == role]
        parts.append(f"<h3>Only in {_e(role)}'s top-{data['comparison']['top_n']} ({len(mine)})</h3>")
        parts.append(_table(["Skill", f"{role} share (rank)", f"{other} share (rank)"], mine, "exclusive"))
    return "\n".join(parts)


def _premium_rows(data: dict, role: str) -> list[list[str]]:
    return [[p["skill"], _money(p["median_us_base_salary_usd"]),
             f"{_money(p['median_us_base_salary_ci_low_usd'])}–{_money(p['median_us_base_salary_ci_high_usd'])}",
             _count(p["us_salaried_postings"]) + (" (below min n)" if p["is_below_min_n"] else ""),
             _money(p["premium_usd"])]
            for p in data["premiums"] if p["role"] == role]


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1200px; margin: 2em auto; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 14px; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.chart { margin: 1em 0 2em; }
.note { color: #555; font-size: 13px; }
.columns { display: flex; gap: 2em; align-items: flex-start; }
"""


def vega_embed_bundle() -> str:
    """The Vega-Embed bundle vl-convert ships (Vega, Vega-Lite, Vega-Embed), safe inside <script>."""
    from altair.utils.html import import_vl_convert, vl_version_for_vl_convert

    bundle = import_vl_convert().javascript_bundle(vl_version=vl_version_for_vl_convert())
    return bundle.replace("</script", "<\\/script")


def render_html(data: dict, *, bundle_src: str | None = None, index_href: str | None = None) -> str:
    """The page; the Vega-Embed bundle inlined, or (bundle_src) loaded from that relative path, as
    `job-market site` does for its pages, which share one copy; index_href: a link back to an index."""
    a, b = data["role_a"], data["role_b"]
    bundle = (f'<script type="text/javascript" src="{_e(bundle_src)}"></script>' if bundle_src else
              f'<script type="text/javascript">\n{vega_embed_bundle()}\n</script>')
    back = f'<p class="nav"><a href="{_e(index_href)}">All role pairs</a></p>' if index_href else ""
    charts = all_charts(data)
    headline = "".join(
        f'<tr data-key="{_e(key)}"><th>{_e(label)}</th><td data-role="{_e(a)}">{_e(left)}</td>'
        f'<td data-role="{_e(b)}">{_e(right)}</td></tr>'
        for key, label, left, right in headline_rows(data))
    summary = "".join(f"<li>{_e(line)}</li>" for line in summary_lines(data))
    premiums = "".join(
        f"<div><h3>{_e(role)}</h3>" + _table(
            ["Skill", "Median (USD/yr)", "95% CI", "n (US salaried)", "vs role median"],
            _premium_rows(data, role), "premiums") + "</div>" for role in (a, b))

    def chart_div(chart_id: str) -> str:
        return f'<div class="chart" id="{chart_id}"></div>'

    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>{_e(a)} vs {_e(b)}: job postings compared</title>
<style>{STYLE}</style>
{bundle}
</head>
<body>
{back}
<h1>{_e(a)} vs {_e(b)}</h1>
<p class="note">From the published marts (active postings; salaries are US base salaries in USD per year,
medians with 95% confidence intervals; every figure shows its n).</p>
<h2>Headline comparison</h2>
<table class="headline"><thead><tr><th></th><th>{_e(a)}</th><th>{_e(b)}</th></tr></thead>
<tbody>{headline}</tbody></table>
<ul class="summary">{summary}</ul>
{chart_div("chart-salary")}
{chart_div("chart-profile")}
<h2>Skills</h2>
{chart_div("chart-skill-shares")}
{_skill_lists(data)}
<h2>Salary by skill</h2>
<p class="note">The skills of the skill-share chart, by median US base salary of the role's postings asking
for them (highest first). Skills below the minimum n are kept but flagged: faded in the chart, marked
"below min n" in the table, and listed last.</p>
{chart_div("chart-premiums")}
<div class="columns">{premiums}</div>
<h2>Employers and countries</h2>
{chart_div("chart-employers")}
{chart_div("chart-countries")}
<h2>Postings over time</h2>
{chart_div("chart-monthly")}
<p class="note">Counts by the month the postings went up; the first and last months of the data may be partial.</p>
<script type="application/json" id="chart-specs">{_script_json(dict(charts))}</script>
<script type="text/javascript">
  const specs = JSON.parse(document.getElementById("chart-specs").textContent);
  for (const [id, spec] of Object.entries(specs)) {{
    vegaEmbed("#" + id, spec, {{renderer: "svg", actions: false}}).catch((err) => {{
      document.getElementById(id).textContent = "chart failed: " + err;
      console.error(err);
    }});
  }}
</script>
</body>
</html>
"""


def render_markdown(data: dict) -> str:
    a, b = data["role_a"], data["role_b"]
    lines = [f"# {a} vs {b}", "", f"| | {a} | {b} |", "|---|---|---|"]
    lines += [f"| {label} | {left} | {right} |" for _, label, left, right in headline_rows(data)]
    lines += [""] + [f"- {line}" for line in summary_lines(data)]
    lines += ["", "## Skill shares (union of top skills)", "", f"| Skill | {a} | {b} |", "|---|---|---|"]
    shares: dict[str, dict[str, dict]] = {}
    for r in data["skill_shares"]:
        shares.setdefault(r["skill"], {})[r["role"]] = r
    for skill in sorted(shares, key=lambda s: -max(r["share"] for r in shares[s].values())):
        cells = [f"{_pct(shares[skill][r]['share'])} ({_count(shares[skill][r]['postings_with_skill'])} of "
                 f"{_count(shares[skill][r]['active_postings'])})" if r in shares[skill] else "—" for r in (a, b)]
        lines.append(f"| {skill} | {cells[0]} | {cells[1]} |")
    for role in (a, b):
        lines += ["", f"## Salary by skill, {role}", "",
                  "| Skill | Median (USD/yr) | 95% CI | n | vs role median |", "|---|---|---|---|---|"]
        lines += ["| " + " | ".join(row) + " |" for row in _premium_rows(data, role)]
    for key, label, title in (("employers", "company_name", "Top employers"),
                              ("countries", "country_name", "Top countries")):
        for role in (a, b):
            lines += ["", f"## {title}, {role}", ""]
            lines += [f"- {r[label]}: {_count(r['postings'])} ({_pct(r['share'])})"
                      for r in data[key] if r["role"] == role]
    return "\n".join(lines) + "\n"


def render_json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

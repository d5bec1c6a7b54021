"""`job-market site`: the role-pair page for every pair of roles in the marts, and an index.

    OUT/index.html                 every role (postings, median US base salary with n) and every pair
                                   (postings, salary gap, skill overlap) with a link to its page
    OUT/pairs/<a>--vs--<b>.html    job_market.report_page's page for role A vs role B
    OUT/vega-embed.js              the chart library, one copy for all pages

One page per unordered pair (role A the alphabetically first), from role_pair_comparison, which has
every ordered pair of the roles of role_metrics. The folder opens from disk with no network request
(the pages load the chart library from the folder itself); one shared copy keeps 105 pages of the
15 test roles at 5.8 MB instead of ~100 MB with the ~0.9 MB library inlined in each page. Pair pages
of an earlier run that no longer have a pair are removed; index.html is written last.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import duckdb

from job_market import report_data, report_page
from job_market.project import error_line
from job_market.report import ReportError, _connect_read_only, _money, _pct, _rows

BUNDLE = "vega-embed.js"
PAIRS_DIR = "pairs"


def _e(value) -> str:
    return html.escape(str(value))


def _n(value) -> str:
    return "n/a" if value is None else f"{value:,}"


def slug(role: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", role.lower()).strip("-") or "role"


def page_names(pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """A file name per pair, unique even when two roles have the same slug."""
    names: dict[tuple[str, str], str] = {}
    taken: set[str] = set()
    for a, b in pairs:
        base = f"{slug(a)}--vs--{slug(b)}"
        name, i = f"{base}.html", 2
        while name in taken:
            name, i = f"{base}-{i}.html", i + 1
        taken.add(name)
        names[(a, b)] = name
    return names


def load_index(db_path: Path) -> dict:
    """The index's figures: every role, every unordered pair, and the publish they come from."""
    con = _connect_read_only(db_path)
    try:
        roles = _rows(con, "select role, active_postings, us_salaried_postings, median_us_base_salary_usd "
                           "from marts.role_metrics order by active_postings desc, role", [])
        pairs = _rows(con, "select role_a, role_b, role_a_active_postings, role_b_active_postings, "
                           "median_salary_gap_usd, role_a_us_salaried_postings, role_b_us_salaried_postings, "
                           "jaccard, shared_skills, union_skills, top_n from marts.role_pair_comparison "
                           "where role_a < role_b order by role_a, role_b", [])
        has_log = con.execute("select count(*) from duckdb_tables() where schema_name = 'meta' "
                              "and table_name = 'publish_log'").fetchone()[0]
        publish = _rows(con, "select build_id, published_at from meta.publish_log order by published_at desc "
                             "limit 1", []) if has_log else []
    except duckdb.Error as exc:  # no marts schema, a missing table or column
        raise ReportError(f"cannot read the marts of {db_path}: {error_line(exc)}") from exc
    finally:
        con.close()
    if not roles:
        raise ReportError("the marts have no roles with active postings (marts.role_metrics is empty)")
    return {"roles": roles, "pairs": pairs, "publish": publish[0] if publish else None}


def render_index(index: dict, names: dict[tuple[str, str], str], source: Path) -> str:
    roles = "".join(
        f'<tr data-role="{_e(r["role"])}"><td>{_e(r["role"])}</td><td class="postings">{_n(r["active_postings"])}</td>'
        f'<td class="salary">{_money(r["median_us_base_salary_usd"])} (n={_n(r["us_salaried_postings"])})</td></tr>'
        for r in index["roles"])
    pairs = "".join(
        f'<tr><td><a href="{PAIRS_DIR}/{_e(names[(p["role_a"], p["role_b"])])}">{_e(p["role_a"])} vs '
        f'{_e(p["role_b"])}</a></td><td>{_n(p["role_a_active_postings"])} / {_n(p["role_b_active_postings"])}</td>'
        f'<td>{_money(p["median_salary_gap_usd"])} (n={_n(p["role_a_us_salaried_postings"])} vs '
        f'n={_n(p["role_b_us_salaried_postings"])})</td><td>{_pct(p["jaccard"])} ({_n(p["shared_skills"])} of '
        f'{_n(p["union_skills"])}, top {p["top_n"]})</td></tr>'
        for p in index["pairs"])
    publish = index["publish"]
    built = (f"build {_e(publish['build_id'])}, published {publish['published_at']:%Y-%m-%d %H:%M} UTC"
             if publish else "an unpublished warehouse file")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>Job market: every pair of roles compared</title>
<style>{report_page.STYLE}</style>
</head>
<body>
<h1>Job market: every pair of roles compared</h1>
<p class="note">From {_e(source.name)} ({built}). Active postings; salaries are median US base salaries in
USD per year, each with its n (US postings with a salary). One page per pair of roles below.</p>
<h2>Roles ({len(index["roles"])})</h2>
<table class="roles"><thead><tr><th>Role</th><th>Active postings</th><th>Median US base salary (USD/yr)</th></tr>
</thead><tbody>{roles}</tbody></table>
<h2>Pairs ({len(index["pairs"])})</h2>
<table class="pairs"><thead><tr><th>Pair (role A vs role B)</th><th>Active postings (A / B)</th>
<th>Median salary gap, A minus B</th><th>Skill overlap (Jaccard of top-N skill sets)</th></tr></thead>
<tbody>{pairs}</tbody></table>
</body>
</html>
"""


def write_site(db_path: Path, out: Path) -> tuple[Path, int]:
    """Write the site of the marts in db_path into out; returns (index path, pages written)."""
    index = load_index(db_path)
    pairs = [(p["role_a"], p["role_b"]) for p in index["pairs"]]
    names = page_names(pairs)
    (out / PAIRS_DIR).mkdir(parents=True, exist_ok=True)
    (out / BUNDLE).write_text(report_page.vega_embed_bundle(), encoding="utf-8")
    for (a, b), name in names.items():
        data = report_data.load_page_data(db_path, a, b)
        page = report_page.render_html(data, bundle_src=f"../{BUNDLE}", index_href="../index.html")
        (out / PAIRS_DIR / name).write_text(page, encoding="utf-8")
    for stale in set(p.name for p in (out / PAIRS_DIR).glob("*.html")) - set(names.values()):
        (out / PAIRS_DIR / stale).unlink()
    target = out / "index.html"
    target.write_text(render_index(index, names, db_path), encoding="utf-8")
    return target, len(names)


def site_command(db_path: Path, out: Path) -> int:
    """`job-market site`: 0 and where the site is, or 2 and one line why not."""
    try:
        target, pages = write_site(db_path, out)
    except ReportError as exc:
        print(f"job-market: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"job-market: cannot write the site in {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"job-market: wrote {target} and {pages} role-pair pages ({size / 1e6:.1f} MB in {out}); "
          f"open {target.as_uri()}")
    return 0

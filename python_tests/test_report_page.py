"""`job-market report --format html`: the page as a reader sees it, in headless Chromium.

Built for a pair other than the article's, so nothing can lean on the article's figures: the page's
numbers are compared with the marts, every chart must have been drawn (Vega-Embed puts one <svg> in
each chart's element), and a screenshot is kept under target/screenshots/.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_cli_report import run_cli

pytestmark = pytest.mark.e2e

ROLE_A, ROLE_B = "Data Engineer", "Data Scientist"
CHART_IDS = ["chart-salary", "chart-profile", "chart-skill-shares", "chart-premiums", "chart-employers",
             "chart-countries", "chart-monthly"]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "target" / "screenshots"


class _PageDom(HTMLParser):
    """What the rendered DOM holds: svg/canvas elements per chart id, headline cells, network refs."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []  # the chart id each open element is inside (or None)
        self.drawn: dict[str, int] = {}
        self.cells: dict[tuple[str, str], str] = {}
        self.remote: list[str] = []
        self._row: str | None = None
        self._cell: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        chart = a.get("id") if a.get("id") in CHART_IDS else (self.stack[-1] if self.stack else None)
        if tag not in ("br", "img", "meta", "link", "input", "hr"):
            self.stack.append(chart)
        if chart and tag in ("svg", "canvas"):
            self.drawn[chart] = self.drawn.get(chart, 0) + 1
        if tag == "tr" and "data-key" in a:
            self._row = a["data-key"]
        if tag == "td" and self._row and "data-role" in a:
            self._cell = a["data-role"]
            self.cells[(self._row, self._cell)] = ""
        for key in ("src", "href"):
            if re.match(r"^(https?:)?//", a.get(key) or ""):
                self.remote.append(f"{tag} {key}={a[key]}")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()
        if tag == "td":
            self._cell = None
        if tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._row and self._cell:
            self.cells[(self._row, self._cell)] += data


def _chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000", *args],
        capture_output=True, text=True, timeout=120,
    )


def rendered_dom(page: Path) -> _PageDom:
    result = _chromium("--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _PageDom()
    dom.feed(result.stdout)
    return dom


def check_page(dom: _PageDom, metrics: dict[str, dict]) -> list[str]:
    """What is wrong with the rendered page, compared with the marts' role_metrics rows."""
    problems = [f"chart {c} drew nothing" for c in CHART_IDS if dom.drawn.get(c, 0) < 1]
    problems += [f"network reference {r}" for r in dom.remote]
    for role, m in metrics.items():
        postings = dom.cells.get(("active_postings", role))
        if postings != f"{m['active_postings']:,}":
            problems.append(f"{role}: active postings shown {postings!r}, mart {m['active_postings']:,}")
        salary = dom.cells.get(("median_us_base_salary_usd", role), "")
        want = f"${m['median_us_base_salary_usd']:,.0f} (n={m['us_salaried_postings']:,};"
        if not salary.startswith(want):
            problems.append(f"{role}: median salary shown {salary!r}, mart {want!r}")
    return problems


@pytest.fixture(scope="module")
def page(article_warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("page") / "data-engineer-vs-data-scientist.html"
    result = run_cli(["report", "--role-a", ROLE_A, "--role-b", ROLE_B, "--format", "html", "--output", str(out)],
                     article_warehouse.db_path)
    assert result.returncode == 0, result.stderr
    return out


def _metrics(warehouse) -> dict[str, dict]:
    rows = warehouse.query("select * from marts.role_metrics where role in (?, ?)", [ROLE_A, ROLE_B])
    assert len(rows) == 2
    return {r["role"]: r for r in rows}


def test_page_is_self_contained(page):
    text = page.read_text(encoding="utf-8")
    # no script or stylesheet is fetched: every <script> is inline, no <link>, no remote src
    assert not re.search(r"<script[^>]*\ssrc=", text)
    assert not re.search(r"<link[^>]*>", text)
    assert "vegaEmbed" in text
    specs = json.loads(re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', text,
                                 re.S).group(1))
    assert sorted(specs) == sorted(CHART_IDS)
    for chart_id, spec in specs.items():
        assert spec.get("title"), f"{chart_id} has no title"


def test_page_renders_every_chart_with_the_marts_numbers(page, article_warehouse):
    if CHROMIUM is None:
        pytest.skip("SKIPPED LOUDLY: no chromium on PATH (apt-get install chromium): the page was not rendered")
    dom = rendered_dom(page)
    assert check_page(dom, _metrics(article_warehouse)) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "report-page-data-engineer-vs-data-scientist.png"
    result = _chromium(f"--screenshot={shot}", "--window-size=1400,7600", page.as_uri())
    assert result.returncode == 0 and shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]


def test_the_check_fails_on_a_broken_page(page, article_warehouse, tmp_path):
    """The check can fail: a page with one chart's spec removed and a wrong postings figure."""
    if CHROMIUM is None:
        pytest.skip("SKIPPED LOUDLY: no chromium on PATH (apt-get install chromium): the page was not rendered")
    metrics = _metrics(article_warehouse)
    text = page.read_text(encoding="utf-8")
    shown = f"{metrics[ROLE_A]['active_postings']:,}"
    cell = f'<td data-role="{ROLE_A}">{shown}</td>'
    assert cell in text
    broken = text.replace(cell, f'<td data-role="{ROLE_A}">{metrics[ROLE_A]["active_postings"] + 1:,}</td>')
    broken = broken.replace('"chart-monthly": {', '"chart-monthly-gone": {', 1)
    bad = tmp_path / "broken.html"
    bad.write_text(broken, encoding="utf-8")
    problems = check_page(rendered_dom(bad), metrics)
    assert "chart chart-monthly drew nothing" in problems
    assert any(p.startswith(f"{ROLE_A}: active postings shown") for p in problems)


def test_markdown_and_json_carry_the_same_headline(article_warehouse):
    metrics = _metrics(article_warehouse)
    md = run_cli(["report", "--role-a", ROLE_A, "--role-b", ROLE_B, "--format", "md"], article_warehouse.db_path)
    assert md.returncode == 0, md.stderr
    assert f"| Active postings | {metrics[ROLE_A]['active_postings']:,} | {metrics[ROLE_B]['active_postings']:,} |" \
        in md.stdout
    js = run_cli(["report", "--role-a", ROLE_A, "--role-b", ROLE_B, "--format", "json"], article_warehouse.db_path)
    assert js.returncode == 0, js.stderr
    data = json.loads(js.stdout)
    for role in (ROLE_A, ROLE_B):
        assert data["metrics"][role]["active_postings"] == metrics[role]["active_postings"]
        assert data["metrics"][role]["median_us_base_salary_usd"] == metrics[role]["median_us_base_salary_usd"]

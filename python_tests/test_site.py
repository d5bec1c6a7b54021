"""`job-market site`: the index and the role-pair pages as a reader finds them, in headless Chromium.

The site is written from the published marts of the article warehouse; the test opens the index,
checks its figures against the marts, follows the index's own link to a pair other than the
article's, and checks that page as test_report_page checks a report page (every chart drawn,
headline numbers equal to the marts, no network reference). Screenshots go to target/screenshots/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb
import pytest

from test_report_page import CHROMIUM, SCREENSHOTS, _chromium, check_page, rendered_dom

pytestmark = pytest.mark.e2e

PAIR = ("Data Analyst", "Data Engineer")  # not the article's pair


class _IndexDom(HTMLParser):
    """Links of the index (text -> href) and its roles table (role -> postings cell text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}
        self.postings: dict[str, str] = {}
        self._href: str | None = None
        self._text = ""
        self._role: str | None = None
        self._in_postings = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self._href, self._text = a.get("href"), ""
        if tag == "tr" and "data-role" in a:
            self._role = a["data-role"]
        if tag == "td" and self._role and a.get("class") == "postings":
            self._in_postings = True
            self.postings[self._role] = ""

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links[re.sub(r"\s+", " ", self._text).strip()] = self._href
            self._href = None
        if tag == "td":
            self._in_postings = False
        if tag == "tr":
            self._role = None

    def handle_data(self, data):
        if self._href is not None:
            self._text += data
        if self._in_postings:
            self.postings[self._role] += data


def _dump(page: Path) -> str:
    result = _chromium("--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _site(db: Path, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, JOB_MARKET_DB=str(db))
    return subprocess.run([sys.executable, "-m", "job_market.cli", "site", "--db", str(db), "--output", str(out)],
                          env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def site(published_article, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = _site(published_article.path, out)
    assert result.returncode == 0, result.stderr
    assert "105 role-pair pages" in result.stdout, result.stdout
    return out


def _marts(published_article, sql: str, params=()) -> list[dict]:
    con = duckdb.connect(str(published_article.path), read_only=True)
    try:
        cursor = con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]
    finally:
        con.close()


def test_site_has_a_page_per_pair_and_makes_no_network_request(site, published_article):
    pairs = _marts(published_article, "select role_a, role_b from marts.role_pair_comparison where role_a < role_b")
    pages = sorted(p.name for p in (site / "pairs").glob("*.html"))
    assert len(pages) == len(pairs) == 105
    for page in [site / "index.html", *(site / "pairs").glob("*.html")]:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)=["'](https?:)?//""", text), f"{page.name} references the network"
        for src in re.findall(r'<script[^>]*\ssrc="([^"]+)"', text):  # local files that exist
            assert (page.parent / src).resolve().is_file(), f"{page.name}: missing {src}"


def test_index_leads_to_a_pair_page_with_every_chart_and_the_marts_numbers(site, published_article):
    if CHROMIUM is None:
        pytest.skip("SKIPPED LOUDLY: no chromium on PATH (apt-get install chromium): the site was not rendered")
    index = _IndexDom()
    index.feed(_dump(site / "index.html"))
    roles = _marts(published_article, "select role, active_postings from marts.role_metrics")
    assert index.postings == {r["role"]: f"{r['active_postings']:,}" for r in roles}
    pair_links = {text: href for text, href in index.links.items() if " vs " in text}
    assert len(pair_links) == 105

    href = pair_links[f"{PAIR[0]} vs {PAIR[1]}"]  # follow the index's own link
    page = (site / unquote(urlparse(href).path)).resolve()
    assert page.is_file(), href
    metrics = {r["role"]: r for r in _marts(
        published_article, "select * from marts.role_metrics where role in (?, ?)", PAIR)}
    dom = rendered_dom(page)
    assert check_page(dom, metrics) == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, url, height in (("site-index.png", (site / "index.html").as_uri(), 1800),
                              ("site-pair-data-analyst-vs-data-engineer.png", page.as_uri(), 7600)):
        shot = SCREENSHOTS / name
        result = _chromium(f"--screenshot={shot}", f"--window-size=1400,{height}", url)
        assert result.returncode == 0 and shot.exists() and shot.stat().st_size > 10_000, result.stderr[-2000:]


def test_the_check_fails_when_the_shared_chart_library_is_missing(site, published_article, tmp_path):
    if CHROMIUM is None:
        pytest.skip("SKIPPED LOUDLY: no chromium on PATH (apt-get install chromium): the site was not rendered")
    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    (broken / "vega-embed.js").unlink()
    page = next((broken / "pairs").glob("data-analyst--vs--data-engineer.html"))
    metrics = {r["role"]: r for r in _marts(
        published_article, "select * from marts.role_metrics where role in (?, ?)", PAIR)}
    problems = check_page(rendered_dom(page), metrics)
    assert "chart chart-salary drew nothing" in problems and "chart chart-monthly drew nothing" in problems


def test_site_without_marts_says_why_in_one_line(tmp_path):
    result = _site(tmp_path / "missing.duckdb", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no warehouse at" in result.stderr, result.stderr


def test_page_names_are_unique_when_roles_share_a_slug():
    from job_market.site import page_names

    names = page_names([("C++ Engineer", "Data Engineer"), ("C Engineer", "Data Engineer"), ("A", "B")])
    assert len(set(names.values())) == 3
    assert names[("A", "B")] == "a--vs--b.html"

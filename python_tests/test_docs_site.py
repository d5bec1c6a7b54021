"""The docs site (`make docs`, src/job_market/docs_site.py) as a person opens it.

The site is generated the way `job-market docs` does it, over the article warehouse: `dbt docs
generate --static`, then the page rewritten by docs_site.write_static_page. Headless Chromium (see
headless.py) opens the page from the file system, and the tests read the DOM the browser built:
the overview page shows the project's overview (not dbt's default welcome) with every mart and its
grain, a mart's page shows its description and its columns with the warehouse's types, and no page
shows the manifest as raw text. dbt's own page, as `--static` wrote it, is checked the same way and
must fail: a unit-test fixture holds the text `</script>`, which ends the script that inlines the
manifest. Screenshots go to target/screenshots/ (JOB_MARKET_SCREENSHOTS to change it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import dbt
from headless import Node, chromium_or_skip, dump_dom, screenshot
from job_market import cli, docs_site
from job_market.project import PROJECT_DIR, WarehouseSettings

SCREENSHOTS = Path(os.environ.get("JOB_MARKET_SCREENSHOTS", PROJECT_DIR / "target" / "screenshots"))
MART = "model.job_market_warehouse.role_metrics"
RAW_JSON_MARKERS = ('"unique_id":', '"resource_type":', '"MANIFEST.JSON INLINE DATA"')


# --- what a person must see ------------------------------------------------------------------------


def raw_json_problems(dom: Node) -> list[str]:
    text = dom.find("body").text() if dom.find("body") else dom.text()
    shown = [marker for marker in RAW_JSON_MARKERS if marker in text]
    return [f"the page shows raw JSON ({', '.join(shown)}): {text[:200]!r}..."] if shown else []


def overview_problems(dom: Node, marts: dict[str, dict]) -> list[str]:
    """The overview page shows the project's overview: its title, and a grain row per mart."""
    problems = raw_json_problems(dom)
    overview = dom.find(marked="overview_md")
    if overview is None:
        return problems + ["no rendered overview (no element marked='overview_md'): the site did not start"]
    if "Welcome to the auto-generated documentation" in overview.text():
        problems.append("the overview is dbt's default welcome page, not the project's __overview__")
    titles = [h.text() for h in overview.find_all("h1")]
    if titles != ["Job Market Warehouse"]:
        problems.append(f"overview title {titles}, expected ['Job Market Warehouse']")
    headings = [h.text() for h in overview.find_all("h2")]
    for heading in ("Layers", "The marts and their grain", "Build it", "Read it"):
        if heading not in headings:
            problems.append(f"overview has no section {heading!r} (sections: {headings})")
    grain = {}
    for row in overview.find_all("tr"):
        cells = row.find_all("td")
        link = cells[0].find("a") if cells else None
        if link is not None:
            grain[link.attrs.get("href", "")] = (link.text(), cells[1].text() if len(cells) > 1 else "")
    for unique_id, node in marts.items():
        name, one_row_per = grain.get(f"#!/model/{unique_id}", (None, ""))
        if name != node["name"] or not one_row_per:
            problems.append(f"the overview's grain table has no row linking to {node['name']} with its grain")
    for text in ("make build", "job-market report", "job_market.marts.duckdb"):
        if text not in overview.text():
            problems.append(f"the overview does not say {text!r}")
    return problems


def mart_page_problems(dom: Node, node: dict, catalog_node: dict) -> list[str]:
    """A mart's page shows its name, its description and every column with its type."""
    problems = raw_json_problems(dom)
    title = dom.find("h1")
    if title is None or not title.text().startswith(node["name"]):
        problems.append(f"page title {title.text() if title else None!r}, expected {node['name']!r}")
    description = dom.find(marked="model.description")
    # the mart's own first sentence (after the shared doc block), e.g. "One row per canonical role ..."
    first_sentence = re.sub(r"\s+", " ", node["description"].split("\n\n")[-1].split(":")[0]).strip()
    if description is None or first_sentence not in description.text():
        problems.append(f"the mart's description ({first_sentence!r}) is not shown")
    shown = {}
    for row in dom.find_all("tr", cls="column-row"):
        cells = row.find_all("td")
        if len(cells) >= 3:
            shown[cells[0].text()] = (cells[1].text(), cells[2].text())
    expected = {name.lower(): column["type"] for name, column in catalog_node["columns"].items()}
    if set(shown) != set(expected):
        problems.append(f"columns shown {sorted(shown)}, expected {sorted(expected)}")
    for name, (type_, text) in shown.items():
        if name in expected and type_ != expected[name]:
            problems.append(f"column {name}: type {type_!r} shown, catalog says {expected[name]!r}")
        if not text:
            problems.append(f"column {name}: no description shown")
    return problems


# --- the site ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(article_warehouse, tmp_path_factory) -> dict:
    """dbt's static page (as `--static` wrote it, kept as dbt_static_index.html), then the page
    rewritten by docs_site; with the manifest and catalog they inline."""
    chromium_or_skip()  # nothing to generate when no browser can look at it
    target = tmp_path_factory.mktemp("docs_site") / "target"
    result = dbt(
        ["docs", "generate", "--static"], db_path=article_warehouse.db_path,
        raw_glob=str(article_warehouse.data_dir / "raw" / "*.jsonl*"), target_path=target,
    )
    assert result.returncode == 0, f"dbt docs generate failed:\n{(result.stdout + result.stderr)[-4000:]}"
    dbt_page = shutil.copy(target / docs_site.PAGE_NAME, target / "dbt_static_index.html")
    page = docs_site.write_static_page(target)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    marts = {
        uid: node for uid, node in manifest["nodes"].items()
        if node["resource_type"] == "model" and node["config"].get("schema") == "marts"
    }
    assert len(marts) >= 9
    return {"page": page, "dbt_page": Path(dbt_page), "manifest": manifest, "catalog": catalog, "marts": marts}


def url(page: Path, route: str) -> str:
    return f"{page.as_uri()}#!/{route}"


@pytest.mark.e2e
def test_the_page_inlines_the_same_data_with_no_script_end_in_it(site):
    html = site["page"].read_text(encoding="utf-8")
    template = docs_site.dbt_docs_template().read_text(encoding="utf-8")
    assert html.lower().count("</script") == template.lower().count("</script")
    # the project really does hold the text that breaks dbt's page
    assert "</script" in (site["page"].parent / "manifest.json").read_text(encoding="utf-8")
    assert site["dbt_page"].read_text(encoding="utf-8").lower().count("</script") > template.lower().count("</script")


@pytest.mark.e2e
def test_overview_page_shows_the_project_overview(site):
    dom = dump_dom(url(site["page"], "overview"))
    shot = screenshot(url(site["page"], "overview"), SCREENSHOTS / "docs_overview.png", window=(1400, 2000))
    problems = overview_problems(dom, site["marts"])
    assert not problems, f"overview page (screenshot {shot}):\n" + "\n".join(problems)


@pytest.mark.e2e
def test_a_mart_page_shows_its_description_and_columns(site):
    dom = dump_dom(url(site["page"], f"model/{MART}"))
    shot = screenshot(url(site["page"], f"model/{MART}"), SCREENSHOTS / "docs_role_metrics.png", window=(1400, 2000))
    problems = mart_page_problems(dom, site["manifest"]["nodes"][MART], site["catalog"]["nodes"][MART])
    assert not problems, f"{MART} page (screenshot {shot}):\n" + "\n".join(problems)


@pytest.mark.e2e
def test_the_checks_fail_on_dbts_unfixed_page(site):
    """The same checks on dbt's page as `--static` wrote it: the manifest shows as raw text, the
    site never starts. (If dbt ever escapes the data itself, this test says so: then the rewrite
    can go.)"""
    dom = dump_dom(url(site["dbt_page"], "overview"))
    screenshot(url(site["dbt_page"], "overview"), SCREENSHOTS / "docs_dbt_unfixed_page.png")
    problems = overview_problems(dom, site["marts"])
    assert raw_json_problems(dom), "dbt's own static page shows no raw JSON any more"
    assert any("did not start" in p for p in problems), problems


# --- the page rewrite and the command, without a browser ------------------------------------------


TEMPLATE = ('<html><head><script>var n={manifest:"MANIFEST.JSON INLINE DATA",'
            'catalog:"CATALOG.JSON INLINE DATA"};</script></head><body></body></html>')


def test_script_safe_json_is_the_same_json_without_a_less_than_sign():
    value = {"fixture": "a</script><script>alert(1)</script> <!-- <script> \\< \u2028", "n": [1, "<"]}
    text = json.dumps(value, ensure_ascii=False)
    safe = docs_site.script_safe_json(text)
    assert "<" not in safe
    assert json.loads(safe) == value


def test_render_static_page_replaces_each_placeholder_once():
    manifest = json.dumps({"description": 'mentions "CATALOG.JSON INLINE DATA" and </SCRIPT>'})
    page = docs_site.render_static_page(TEMPLATE, manifest, '{"nodes": {}}')
    assert page.lower().count("</script") == 1
    inlined = page.split("var n={manifest:", 1)[1].split(",catalog:", 1)
    assert json.loads(inlined[0]) == json.loads(manifest)
    assert json.loads(inlined[1].split("};</script>")[0]) == {"nodes": {}}
    with pytest.raises(docs_site.DocsSiteError, match="expected once"):
        docs_site.render_static_page(TEMPLATE.replace('"CATALOG.JSON INLINE DATA"', "null"), manifest, "{}")


def test_docs_command_writes_the_page_and_says_where(tmp_path, monkeypatch, capsys):
    db = tmp_path / "w.duckdb"
    settings = WarehouseSettings(db_path=db, raw_glob=str(tmp_path / "*.jsonl"))
    monkeypatch.setattr(WarehouseSettings, "from_env", classmethod(lambda cls: settings))
    target = tmp_path / "target"

    assert cli.main(["docs", "--target-path", str(target)]) == 2  # no warehouse yet: one line why
    assert "no warehouse at" in capsys.readouterr().err

    db.write_bytes(b"")
    calls = []

    def fake_dbt(args, settings_, *, target_path=None, extra_env=None):  # what dbt docs generate writes
        calls.append((args, target_path))
        target_path.mkdir(parents=True)
        (target_path / "manifest.json").write_text(json.dumps({"d": "</script>"}))
        (target_path / "catalog.json").write_text("{}")
        (target_path / docs_site.PAGE_NAME).write_text("dbt's page")
        return 0

    monkeypatch.setattr(docs_site, "run_dbt", fake_dbt)
    assert cli.main(["docs", "--target-path", str(target)]) == 0
    assert calls == [(["docs", "generate", "--static"], target)]
    page = target / docs_site.PAGE_NAME
    assert f"Docs site (one self-contained file, works offline): {page}" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert "</script>" not in html.replace("</script>", "", 1) and "\\u003c/script>" in html

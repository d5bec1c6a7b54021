"""The docs site: `dbt docs generate --static`, then the page made safe for any text in the project.

dbt's static page (``<target>/static_index.html``) is dbt's docs ``index.html`` with the contents of
``manifest.json`` and ``catalog.json`` pasted, as they are, over the two placeholders
``"MANIFEST.JSON INLINE DATA"`` and ``"CATALOG.JSON INLINE DATA"`` inside the ``<script>`` element
that runs the site (the app reads them as object literals). The HTML parser does not know about
JavaScript strings: it ends that element at the first ``</script`` it meets, so a description, a
unit-test fixture or a table comment holding the text ``</script>`` (one in
``models/staging/job_board/_job_board__models.yml`` does) cuts the app short and the browser shows
the rest of the manifest as raw text; ``<!--`` followed by ``<script`` upsets the parser too.

:func:`write_static_page` writes the page again from the same template and the same two files, with
every ``<`` of their JSON text written as the escape ``\\u003c``. In JSON a ``<`` can only stand
inside a string (never in an escape sequence or between tokens), where ``\\u003c`` means the same
character, so the app reads identical data and the parser never sees a ``<`` in it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from job_market.project import PROJECT_DIR, WarehouseSettings, run_dbt

PAGE_NAME = "static_index.html"
PLACEHOLDERS = {"manifest": '"MANIFEST.JSON INLINE DATA"', "catalog": '"CATALOG.JSON INLINE DATA"'}
DEFAULT_TARGET = PROJECT_DIR / "target"


class DocsSiteError(Exception):
    """The static page cannot be written (no manifest or catalog, an unexpected template, ...)."""


def dbt_docs_template() -> Path:
    """dbt-core's docs page template (the file `dbt docs generate` copies and inlines into)."""
    spec = importlib.util.find_spec("dbt.task.docs")
    if spec is None or not spec.submodule_search_locations:
        raise DocsSiteError("dbt-core's docs template not found (is dbt-core installed?)")
    return Path(list(spec.submodule_search_locations)[0]) / "index.html"


def script_safe_json(json_text: str) -> str:
    """`json_text` with every ``<`` written ``\\u003c``: the same JSON value, with nothing in it an
    HTML parser can read as the end of a script element (``</script``) or a comment (``<!--``)."""
    return json_text.replace("<", "\\u003c")


def render_static_page(template: str, manifest_text: str, catalog_text: str) -> str:
    """The static page: `template` with each placeholder replaced, once, by its escaped JSON.

    One pass over the template (split at the placeholders), so a placeholder's text inside the
    manifest is left alone; a template without exactly one of each placeholder is refused."""
    data = {"manifest": manifest_text, "catalog": catalog_text}
    for name, placeholder in PLACEHOLDERS.items():
        json.loads(data[name])  # refuse to inline something that is not JSON
        found = template.count(placeholder)
        if found != 1:
            raise DocsSiteError(f"dbt's docs template holds {placeholder} {found} times, expected once")
    head, rest = template.split(PLACEHOLDERS["manifest"])
    if PLACEHOLDERS["catalog"] in head:  # the template names the catalog first: handle either order
        before, after = head.split(PLACEHOLDERS["catalog"])
        return before + script_safe_json(catalog_text) + after + script_safe_json(manifest_text) + rest
    middle, tail = rest.split(PLACEHOLDERS["catalog"])
    return head + script_safe_json(manifest_text) + middle + script_safe_json(catalog_text) + tail


def write_static_page(target_dir: Path, template_path: Path | None = None) -> Path:
    """(Re)write ``<target_dir>/static_index.html`` from the manifest and catalog in `target_dir`
    (what `dbt docs generate` wrote there); returns its path. The page is replaced atomically and
    holds exactly as many ``</script`` as the template: the data adds none."""
    target_dir = Path(target_dir)
    texts = {}
    for name in PLACEHOLDERS:
        path = target_dir / f"{name}.json"
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DocsSiteError(f"no {path}: run `dbt docs generate` first") from None
    template = (template_path or dbt_docs_template()).read_text(encoding="utf-8")
    page = render_static_page(template, texts["manifest"], texts["catalog"])
    if page.lower().count("</script") != template.lower().count("</script"):
        raise DocsSiteError("the static page would hold a script end tag the template does not")
    out = target_dir / PAGE_NAME
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return out


def generate(settings: WarehouseSettings, target_dir: Path = DEFAULT_TARGET) -> int:
    """`job-market docs`: `dbt docs generate --static` over the configured warehouse into
    `target_dir`, the page rewritten (see :func:`write_static_page`), and where it is. Returns 0,
    dbt's exit code, or 2 with one line why (no warehouse yet, no page written)."""
    if not settings.db_path.exists():
        print(f"job-market: no warehouse at {settings.db_path}: build it first (`job-market build`, or "
              f"`make docs`, which builds the test warehouse when it is missing)", file=sys.stderr)
        return 2
    target_dir = Path(target_dir).absolute()
    code = run_dbt(["docs", "generate", "--static"], settings, target_path=target_dir)
    if code != 0:
        return code
    try:
        page = write_static_page(target_dir)
    except (DocsSiteError, OSError, ValueError) as exc:
        print(f"job-market: dbt wrote the docs but the static page was not made safe: {exc}", file=sys.stderr)
        return 2
    print(f"\nDocs site (one self-contained file, works offline): {page}\n"
          f"  open {page.as_uri()}  (overview: #!/overview, a mart: "
          f"#!/model/model.job_market_warehouse.role_metrics)")
    return 0

"""Every macro of the project is documented in its macro properties (macros/_macros.yml, and
tests/generic/_generic__tests.yml for the generic tests, which dbt stores as `test_<name>` macros),
so `dbt docs` says what each one does and what each of its arguments is.

The checks read the manifest of a fresh `dbt parse`: a macro added without an entry, an argument
added to a signature but not to the properties (or left there after it was removed), or an entry
for a macro that no longer exists fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import jinja2.nodes
import pytest

from conftest import dbt

PACKAGE = "job_market_warehouse"

# `{% macro name(args) %}` or `{% test name(args) %}`, up to the end of the tag
SIGNATURE = re.compile(r"{%-?\s*(?:macro|test)\s+(\w+\s*\(.*?\))\s*-?%}", re.DOTALL)


def signature_arguments(macro_sql: str) -> list[str]:
    """The argument names of the macro (or generic test) defined by `macro_sql`, in order."""
    match = SIGNATURE.match(macro_sql.lstrip())
    assert match, f"no macro signature at the start of: {macro_sql[:120]!r}"
    template = jinja2.Environment().parse("{% macro " + match.group(1) + " %}{% endmacro %}")
    (macro,) = template.find_all(jinja2.nodes.Macro)
    return [argument.name for argument in macro.args]


@pytest.fixture(scope="module")
def project_macros(tmp_path_factory) -> list[dict]:
    target = tmp_path_factory.mktemp("macro_docs") / "target"
    result = dbt(["parse"], db_path=target.parent / "parse.duckdb", raw_glob="", target_path=target)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"dbt parse failed:\n{log[-4000:]}"
    # a properties entry naming a macro that does not exist (renamed, removed, misspelt)
    assert "which was not found" not in log, f"macro properties without a macro:\n{log[-4000:]}"
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    return sorted(
        (macro for macro in manifest["macros"].values() if macro["package_name"] == PACKAGE),
        key=lambda macro: macro["unique_id"],
    )


def test_signature_reader():
    assert signature_arguments("{% macro rules_hash(relations, settings=[]) -%}\n  x\n{%- endmacro %}") == [
        "relations", "settings",
    ]
    assert signature_arguments("{% test is_ratio_of(model, column_name, numerator, denominator, tolerance=1e-9) %}") == [
        "model", "column_name", "numerator", "denominator", "tolerance",
    ]
    assert signature_arguments("{%- macro run_timestamp() -%}{%- endmacro %}") == []


def test_the_manifest_holds_every_kind_of_project_macro(project_macros):
    paths = {macro["original_file_path"] for macro in project_macros}
    for folder in ("macros/cross_db/", "macros/parsing/", "tests/generic/"):
        assert any(path.startswith(folder) for path in paths), folder
    assert any("/" not in path.removeprefix("macros/") for path in paths if path.startswith("macros/"))


def test_every_macro_has_a_description(project_macros):
    undocumented = [
        f"{macro['name']} ({macro['original_file_path']})"
        for macro in project_macros
        if not macro["description"].strip()
    ]
    assert not undocumented, "macros without a description in their properties: " + ", ".join(undocumented)


def test_every_argument_is_documented(project_macros):
    problems = []
    for macro in project_macros:
        expected = signature_arguments(macro["macro_sql"])
        documented = [argument["name"] for argument in macro["arguments"]]
        if documented != expected:
            problems.append(f"{macro['name']}: signature {expected}, documented {documented}")
            continue
        for argument in macro["arguments"]:
            missing = [key for key in ("type", "description") if not (argument.get(key) or "").strip()]
            if missing:
                problems.append(f"{macro['name']}.{argument['name']}: no {' or '.join(missing)}")
    assert not problems, "macro arguments not documented as in their signature:\n" + "\n".join(problems)

"""Checks that replaced per-column dbt tests still catch what they must.

* `not_null_columns` (tests/generic) is rendered with Jinja and run on DuckDB directly, so its
  failures can be asserted without a dbt build;
* every share column of a mart carries the contract check that replaced the `is_share` test.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import jinja2
import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
GENERIC_TESTS = PROJECT / "tests" / "generic"
MART_MODELS = PROJECT / "models" / "marts" / "roles" / "_roles__models.yml"


def render_generic_test(name: str, **arguments) -> str:
    """The SQL of a generic test: its `{% test %}` block rendered as a plain Jinja macro."""
    text = (GENERIC_TESTS / f"{name}.sql").read_text(encoding="utf-8")
    text = re.sub(r"{%\s*test\s+", "{% macro ", text).replace("{% endtest %}", "{% endmacro %}")
    module = jinja2.Environment(extensions=["jinja2.ext.do"]).from_string(text).module
    return str(getattr(module, name)(**arguments))


@pytest.fixture()
def con():
    con = duckdb.connect()
    yield con
    con.close()


def test_not_null_columns_reports_each_column_with_nulls(con):
    con.execute("create table t as select * from (values (1, 'x', null), (2, null, null), (3, 'z', 5.0)) v(a, b, c)")
    rows = con.execute(render_generic_test("not_null_columns", model="t", columns=["a", "b", "c"])).fetchall()
    assert sorted(rows) == [("b", 1), ("c", 2)]


def test_not_null_columns_passes_on_complete_and_on_empty_tables(con):
    con.execute("create table full_rows as select * from (values (1, 'x'), (2, 'y')) v(a, b)")
    con.execute("create table no_rows as select * from full_rows where false")
    for table in ("full_rows", "no_rows"):
        assert con.execute(render_generic_test("not_null_columns", model=table, columns=["a", "b"])).fetchall() == []


def _mart_columns():
    models = yaml.safe_load(MART_MODELS.read_text(encoding="utf-8"))["models"]
    for model in models:
        for column in model.get("columns", []):
            yield model, column


# ratios named like shares that are signed differences, not fractions of a role's postings
SIGNED_RATIOS = {"premium_share", "median_salary_gap_share"}


def _is_share(name: str) -> bool:
    return (name == "share" or name.endswith("_share") or name.startswith("share_") or name == "jaccard") \
        and name not in SIGNED_RATIOS


def test_every_mart_share_column_is_checked_by_its_contract():
    shares = [(m, c) for m, c in _mart_columns() if _is_share(c["name"])]
    assert len(shares) == 33  # one per is_share test this check replaced
    for model, column in shares:
        assert model["config"]["contract"]["enforced"] is True, model["name"]
        checks = [c.get("expression") for c in column.get("constraints", []) if c["type"] == "check"]
        assert checks == [f"{column['name']} between 0 and 1"], (model["name"], column["name"])
    # and no other column carries such a check by mistake
    checked = {(m["name"], c["name"]) for m, c in _mart_columns()
               if any(k["type"] == "check" for k in c.get("constraints", []))}
    assert checked == {(m["name"], c["name"]) for m, c in shares}

"""DuckDB's fast skill tokenizer (macros/parsing/text_keys.sql, duckdb__skill_tokens) must give
exactly the tokens of the portable definition: every match of \\.?[a-z0-9+#]+(?:\\.[a-z0-9+#]+)*
in the lowercased text. The macro is rendered with Jinja and run on DuckDB against that regex on
hand-picked edge cases and on random text built from the characters that matter."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import jinja2
import pytest

MACROS = Path(__file__).resolve().parents[1] / "macros" / "parsing" / "text_keys.sql"
TOKEN_PATTERN = r"\.?[a-z0-9+#]+(?:\.[a-z0-9+#]+)*"

EDGE_CASES = [
    "", " ", ".", "..", "...", "a.", ".a", "a..b", "a...b", "..net", "node.js.", "node.js..", ".net",
    "C++, C# and .NET", "x.(y", "a. .net", "a . b", "end. Next", "v1.2.3.", "e.g. pandas", "#1 + 2",
    "tabs\tand\nnew lines", "non\u00a0breaking", "Café Straße", "  padded  ", "a,,b", "(sql)", "++", "#",
    "Python/SQL", "scikit-learn", "R&D", "1.5M", "...leading dots", "trailing dots...",
]


def _tokenizer(column: str) -> str:
    module = jinja2.Environment().from_string(MACROS.read_text(encoding="utf-8")).module
    return str(module.duckdb__skill_tokens(column))


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    yield con
    con.close()


def _mismatches(con, texts):
    con.execute("create or replace table texts as select unnest(?::varchar[]) as t", [texts])
    return con.execute(
        f"""
        select t, regexp_extract_all(lower(t), '{TOKEN_PATTERN}') as expected, {_tokenizer('t')} as got
        from texts
        where expected is distinct from got
        """
    ).fetchall()


def test_edge_cases_match_the_regex(con):
    assert _mismatches(con, EDGE_CASES + [None]) == []


def test_random_text_matches_the_regex(con):
    pieces = list("ab c.+#1 ,;:()-/\t\né\u00a0!?'\"A") + ["..", "...", " .", ". ", "js", "net"]
    rng = random.Random(20261126)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(50_000)]
    assert _mismatches(con, texts) == []


def test_known_tokens(con):
    got = con.execute(f"select {_tokenizer('t')} from (select ? as t)", ["We need C++, C#, .NET and Node.js."]).fetchone()[0]
    assert got == ["we", "need", "c++", "c#", ".net", "and", "node.js"]
    assert con.execute(f"select {_tokenizer('t')} from (select ? as t)", [" ... "]).fetchone()[0] == []

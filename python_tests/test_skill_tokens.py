"""The skill tokenizer (macros/parsing/text_keys.sql) is one rule with four implementations: the
portable default__skill_tokens, DuckDB's fast duckdb__skill_tokens, the generator's Python mirror
(job_market.generator.skill_tokens) and bench/baseline.sql's DuckDB macro. All four must give
exactly the tokens of the rule as the macro's doc comment states it, read here character by
character (reference_tokens), on hand-picked edge cases and on random text built from the
characters that matter."""

from __future__ import annotations

import random
import re
from pathlib import Path

import duckdb
import jinja2
import pytest

from job_market import generator as gen

ROOT = Path(__file__).resolve().parents[1]
MACROS = ROOT / "macros" / "parsing" / "text_keys.sql"
BASELINE = ROOT / "bench" / "baseline.sql"

# the rule, restated independently of the regular expressions
TOKEN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789+#")
SEPARATORS = set(",;:!?()[]{}|/\\*\n\r\v\f•·‣◦▪▫●○■□►▶➢➤✓✔→–—―…")
BOUNDARY = "|"


def reference_tokens(text: str) -> list[str]:
    """Tokens are runs of [a-z0-9+#] and of dots that a token character follows and no dot
    precedes; a gap between two tokens holding a separator (a separator character, a dot outside
    a token, a hyphen not between two token characters or dots) is one boundary token."""
    s = text.lower()
    n = len(s)

    def token_char(j: int) -> bool:
        return 0 <= j < n and s[j] in TOKEN_CHARS

    def joining(j: int) -> bool:
        return 0 <= j < n and (s[j] in TOKEN_CHARS or s[j] == ".")

    out: list[str] = []
    current: list[str] = []
    separated = False
    for i, c in enumerate(s):
        in_token = c in TOKEN_CHARS or (c == "." and token_char(i + 1) and not (i > 0 and s[i - 1] == "."))
        if in_token:
            if not current:
                if out and separated:
                    out.append(BOUNDARY)
                separated = False
            current.append(c)
            continue
        if current:
            out.append("".join(current))
            current = []
        if c in SEPARATORS or c == "." or (c == "-" and not (joining(i - 1) and joining(i + 1))):
            separated = True
    if current:
        out.append("".join(current))
    return out


EDGE_CASES = [
    "", " ", ".", "..", "...", "a.", ".a", "a..b", "a...b", "..net", "node.js.", "node.js..", ".net",
    "C++, C# and .NET", "x.(y", "a. .net", "a . b", "end. Next", "v1.2.3.", "e.g. pandas", "#1 + 2",
    "tabs\tand\nnew lines", "non\u00a0breaking", "Café Straße", "  padded  ", "a,,b", "(sql)", "++", "#",
    "Python/SQL", "scikit-learn", "R&D", "1.5M", "...leading dots", "trailing dots...",
    # separators and what is not one
    "Requirements: Apache Spark, SQL.", "Spark (SQL)", "Spark. SQL is", "scikit-learn; PyTorch",
    "Spark/SQL", "Spark | SQL", "• Spark • SQL", "Spark · SQL", "- Spark\n- SQL", " - Spark - SQL",
    "Spark\nSQL", "Spark\r\nSQL", "Spark -- SQL", "Spark--SQL", "Spark -SQL", "Spark- SQL", "-x-", "x-.net",
    "x.-y", "a-b", "c++-based", "CI/CD", "A/B testing", "PL/SQL", "Spark — SQL", "Spark – SQL", "Spark…SQL",
    "Know Spark? SQL too!", "* Spark * SQL", "[Spark] {SQL}", "a\\b", "Weights & Biases", "Ph.D. in ML",
    "e.g.: Spark", ",", " , ", ", a ,", "|", "a | | b", "(+)", ". .net", "a.b..c", "x -.net", "x- .net",
]


def _module():
    env = jinja2.Environment()
    # the portable macro calls the project's cross-database macros: their default (DuckDB) forms
    env.globals["regex_replace_all"] = lambda s, p, r: f"regexp_replace({s}, {p}, {r}, 'g')"
    env.globals["regex_extract_all"] = lambda s, p, g=0: f"regexp_extract_all({s}, {p}, {g})"
    env.globals["trim_chars"] = lambda s, c: f"trim({s}, {c})"
    return env.from_string(MACROS.read_text(encoding="utf-8")).module


def _fast(column: str) -> str:
    return str(_module().duckdb__skill_tokens(column))


def _portable(column: str) -> str:
    return str(_module().default__skill_tokens(column))


def _baseline_macros() -> list[str]:
    """bench/baseline.sql's own skill tokenizer macros, as DuckDB statements."""
    sql = BASELINE.read_text(encoding="utf-8")
    found = re.findall(r"create or replace temp macro skill_token\w*\(x\) as.*?;\n", sql, flags=re.S)
    assert len(found) == 2, "bench/baseline.sql: expected the macros skill_token_text and skill_tokens"
    return found


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    for statement in _baseline_macros():
        con.execute(statement)
    yield con
    con.close()


def _mismatches(con, texts):
    """(text, reference, fast, portable, baseline, python) for every text one of them gets wrong."""
    con.execute("create or replace table texts as select unnest(?::varchar[]) as t", [texts])
    rows = con.execute(
        f"select t, {_fast('t')}, {_portable('t')}, skill_tokens(t) from texts"
    ).fetchall()
    bad = []
    for text, fast, portable, baseline in rows:
        expected = None if text is None else reference_tokens(text)
        python = None if text is None else gen.skill_tokens(text)
        if not (fast == portable == baseline == python == expected):
            bad.append((text, expected, fast, portable, baseline, python))
    return bad


def test_edge_cases_follow_the_rule(con):
    assert _mismatches(con, EDGE_CASES + [None]) == []


def test_random_text_follows_the_rule(con):
    pieces = list("ab c.+#1 ,;:()-/|\t\né\u00a0!?'\"&*A•·—") + ["..", "...", " .", ". ", " - ", "- ", "js", "net"]
    rng = random.Random(20261126)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(50_000)]
    assert _mismatches(con, texts) == []


def test_known_tokens(con):
    def tokens(text):
        return con.execute(f"select {_fast('t')} from (select ? as t)", [text]).fetchone()[0]

    assert tokens("We need C++, C#, .NET and Node.js.") == ["we", "need", "c++", "|", "c#", "|", ".net", "and", "node.js"]
    assert tokens("Requirements: Apache Spark, SQL.") == ["requirements", "|", "apache", "spark", "|", "sql"]
    assert tokens("scikit-learn and machine learning") == ["scikit", "learn", "and", "machine", "learning"]
    assert tokens("Stack:\n- Spark\n- SQL") == ["stack", "|", "spark", "|", "sql"]
    assert tokens("CI/CD") == ["ci", "|", "cd"]
    assert tokens(" ... ") == []


def test_python_mirror_states_the_same_pattern():
    """The generator spells the macro's boundary pattern, "$" as "\\Z" (Python's "$" also
    matches before a final line break)."""
    pattern = str(_module().skill_boundary_pattern()).strip()
    assert pattern.startswith("'") and pattern.endswith("'")
    assert gen.SKILL_BOUNDARY_RE.pattern == pattern[1:-1].replace("$", r"\Z")

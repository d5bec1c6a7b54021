"""Description text (macros/parsing/text_keys.sql, html_to_text) keeps its line breaks: they
separate phrases, so a skill alias never matches across one (skill_tokens). Three implementations
must agree: the macro, the generator's Python mirror (job_market.generator.html_to_text, used for
the generator's ground truth) and bench/baseline.sql's DuckDB macro. All are checked against the
rule read here step by step, on hand-picked cases and on random text."""

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

BLOCK_TAGS = {"br", "hr", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table",
              "thead", "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
              "article", "header", "footer"}
ENTITIES = (("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"),
            ("&amp;", "&"))
WHITESPACE = set("\t\n\f\r ")   # RE2's \s


def _tag_end(text: str, i: int) -> int:
    """Index of the ">" closing a tag that starts at text[i] == "<", or -1."""
    return text.find(">", i) if text[i] == "<" else -1


def _is_block_tag(tag: str) -> bool:
    """"<", at most one "/", a name from BLOCK_TAGS (any case) ending at a non-word character."""
    name = tag[2:] if tag.startswith("</") else tag[1:]
    word = re.match(r"[A-Za-z0-9_]*", name).group(0)
    return word.lower() in BLOCK_TAGS


def _replace_tags(text: str, block: bool) -> str:
    out, i = [], 0
    while i < len(text):
        end = _tag_end(text, i)
        if end >= 0 and (not block or _is_block_tag(text[i:end + 1])):
            out.append("\n" if block else " ")
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def reference_text(text: str | None) -> str | None:
    """Tags: first every block or line tag (BLOCK_TAGS, opening or closing) becomes a line break,
    then every other "<...>" a space. Entities decoded. Then each run of whitespace is one line
    break when it holds a LF or CR, else one space; line breaks and spaces at either end go;
    empty is null."""
    if text is None:
        return None
    t = _replace_tags(_replace_tags(text, block=True), block=False)
    for a, b in ENTITIES:
        t = t.replace(a, b)
    pieces, run = [], []
    for c in t + "\0":
        if c in WHITESPACE:
            run.append(c)
            continue
        if run:
            pieces.append("\n" if ("\n" in run or "\r" in run) else " ")
            run = []
        pieces.append(c)
    t = "".join(pieces)[:-1].strip(" \n")
    return t or None


EDGE_CASES = [
    "", " ", "\n", " \n \r\n ", "plain", "a  b", "a\tb", "a\nb", "a \n b", "a\r\nb", "a\n\n\nb", "a\rb",
    "a\fb", "\na\n", "<p>Spark</p><p>SQL</p>", "<ul><li>Apache Spark</li><li>SQL</li></ul>",
    "Apache Spark<br>SQL<br/>Kafka<BR />x", "<b>Apache</b> <i>Spark</i> SQL", "<P CLASS='x'>a</P>",
    "<pre>x</pre><param>y", "<li>a</li> <li>b</li>", "<td>a</td><td>b</td>", "<h2>a</h2>b",
    "<span>a</span>b", "a<b>b</b>c", "<liner>a", "<br", "a < b > c", "x &lt;br&gt; y", "&nbsp;\n&nbsp;",
    "R&amp;D&nbsp;team", "<script>alert(1)</script>", "a\u00a0\nb", "a\u2028b", "a \t \n\t b",
    "<div>\n  <p>\n    text\n  </p>\n</div>", "<hr/>", "<br>", "  <br>  ", "a<br>\n<br>\nb", "a < b <p> c", "<//p>x", "<p_x>y", "</li >z",
]


def _module():
    env = jinja2.Environment()
    env.globals["regex_replace_all"] = lambda s, p, r: f"regexp_replace({s}, {p}, {r}, 'g')"
    env.globals["dbt"] = type("dbt", (), {"position": staticmethod(lambda sub, s: f"position({sub} in {s})")})
    env.globals["trim_chars"] = lambda s, c: f"trim({s}, {c})"
    return env.from_string(MACROS.read_text(encoding="utf-8")).module


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    sql = BASELINE.read_text(encoding="utf-8")
    found = re.findall(r"create or replace temp macro html_(?:without_tags|lines|to_text)\(x\) as.*?;\n", sql, flags=re.S)
    assert len(found) == 3, "bench/baseline.sql: expected the macros html_without_tags, html_lines and html_to_text"
    for statement in found:
        con.execute(statement)
    yield con
    con.close()


def _mismatches(con, texts):
    con.execute("create or replace table texts as select unnest(?::varchar[]) as t", [texts])
    macro = str(_module().html_to_text("t"))
    rows = con.execute(f"select t, {macro}, html_to_text(t) from texts").fetchall()
    bad = []
    for text, warehouse, baseline in rows:
        expected, python = reference_text(text), gen.html_to_text(text)
        if not (warehouse == baseline == python == expected):
            bad.append((text, expected, warehouse, baseline, python))
    return bad


def test_edge_cases_follow_the_rule(con):
    assert _mismatches(con, EDGE_CASES + [None]) == []


def test_random_text_follows_the_rule(con):
    pieces = (list("ab \t\n\r\f&;<>/") + ["<p>", "</p>", "<li>", "</li>", "<br>", "<br/>", "<b>", "</b>",
              "<ul>", "<DIV class='x'>", "<span>", "&amp;", "&nbsp;", "&lt;", "  ", "\r\n", "\u00a0"])
    rng = random.Random(20261127)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    assert _mismatches(con, texts) == []


def test_line_breaks_separate_skill_phrases():
    for html in ("<ul><li>Apache Spark</li><li>SQL</li></ul>", "Apache Spark<br>SQL", "Apache Spark\nSQL",
                 "<p>Apache Spark</p>\n<p>SQL</p>"):
        assert gen.skill_tokens(gen.html_to_text(html)) == ["apache", "spark", "|", "sql"], html
    # an inline tag is no separator
    assert gen.skill_tokens(gen.html_to_text("<b>Spark</b> SQL")) == ["spark", "sql"]

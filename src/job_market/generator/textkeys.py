"""The warehouse's text keys in Python: accent folding, match keys, HTML to text, skill tokens."""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

_NON_KEY = re.compile(r"[^a-z0-9+#]+")
_TAG_RE = re.compile(r"<[^>]*>")
# html_to_text (macros/parsing/text_keys.sql): a tag that starts or ends a block or line is a line
# break; a whitespace run with a line break is one "\n", any other one space (ASCII whitespace,
# RE2's \s, not Python's Unicode \s)
_BLOCK_TAG_RE = re.compile(
    r"(?i)</?(?:br|hr|p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|blockquote|pre|section"
    r"|article|header|footer)\b[^>]*>",
    re.ASCII,
)
_LINE_BREAK_RE = re.compile(r"[\t\f ]*[\n\r][\t\n\f\r ]*")
_SPACE_RE = re.compile(r"[\t\f ]+")
# skill tokens (macros/parsing/text_keys.sql, skill_tokens): every gap between tokens that holds a
# separator becomes the boundary token "|"; the pattern is the macro's skill_boundary_pattern with
# "$" spelled "\Z" (python_tests/test_skill_tokens.py checks both and the tokens they give)
SKILL_BOUNDARY_RE = re.compile(
    r"(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|\Z))*(?:[,;:!?()\[\]{}|/\\*\n\r\v\f•·‣◦▪▫●○■□►▶➢➤✓✔→–—―…]"
    r"|\.+(?:[^a-z0-9+#]|\Z)|(?:^|[^a-z0-9+#.])-|-(?:[^a-z0-9+#.]|\Z))(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|\Z))*"
)
SKILL_BOUNDARY = "|"
TOKEN_RE = re.compile(r"\||\.?[a-z0-9+#]+(?:\.[a-z0-9+#]+)*")
_ENTITIES = (("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"),
             ("&amp;", "&"))
_DOTTED_INITIAL = re.compile(r"\b([a-z])\.")


def fold_accents(text: str) -> str:
    """The warehouse's fold_accents macro (DuckDB strip_accents): "São Paulo" -> "Sao Paulo"."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def text_match_key(text: Optional[str]) -> Optional[str]:
    """Titles, workplace and board-level text: accents folded, lowercase, '&' -> ' and ', dotted
    initials closed up ("a.i." -> "ai"), every other char outside [a-z0-9+#] -> one space,
    trimmed, padded with one space each side."""
    if text is None:
        return None
    lowered = fold_accents(text).lower().replace("&", " and ")
    return " " + _NON_KEY.sub(" ", _DOTTED_INITIAL.sub(r"\1", lowered)).strip() + " "


def html_to_text(text: Optional[str]) -> Optional[str]:
    """Block and line tags -> line break, other tags -> space, common entities decoded,
    whitespace collapsed with line breaks kept (the warehouse's rule)."""
    if text is None:
        return None
    t = _TAG_RE.sub(" ", _BLOCK_TAG_RE.sub("\n", text))
    for a, b in _ENTITIES:
        t = t.replace(a, b)
    t = _SPACE_RE.sub(" ", _LINE_BREAK_RE.sub("\n", t)).strip(" \n")
    return t or None


def skill_tokens(text: str) -> list[str]:
    """The warehouse's skill tokens: words keeping + # and inner / leading dots, with the boundary
    token "|" where a separator lies between two of them (none at either end)."""
    tokens = TOKEN_RE.findall(SKILL_BOUNDARY_RE.sub(" | ", text.lower()))
    if tokens and tokens[0] == SKILL_BOUNDARY:
        del tokens[0]
    if tokens and tokens[-1] == SKILL_BOUNDARY:
        del tokens[-1]
    return tokens


def blank(v) -> bool:
    """None or only whitespace."""
    return v is None or (isinstance(v, str) and v.strip() == "")


"""Raw job-posting generator for the Job Market Warehouse.

Writes scrape batches of JSON Lines (plain and gzip) that follow the raw landing contract, plus a
ground-truth file with the final state of every posting, so that the default build reproduces the
reference article's figures exactly.

    PYTHONPATH=src python -m job_market.generator --seed 42 --out data/generated \
        [--calibration article|random] [--scale 1.0] [--description-chars 600]

Layout of ``--out``:

    raw/batch_<YYYY-MM-DD>_<NNN>.jsonl[.gz]   one file per scrape batch (NNN: global batch number)
    truth/postings_truth.jsonl                one line per (source, posting_id): its final state
    truth/manifest.json                       seed, calibration, counts

Every truth value is derived from the rendered raw text of the posting's latest observation by
reference implementations of the warehouse's classification rules (``Taxonomy`` below, reading the
seeds in ``seeds/taxonomies``), and checked against what the generator intended: a text form that
would be classified differently from the intent fails generation loudly.

Conventions the truth follows (the warehouse must compute the same):

* latest observation per (source, posting_id) by ``scraped_at`` in UTC (no offset = UTC);
  ``is_active``: status missing/null or ``active`` in any case; ``closed``/``expired`` are not;
* role / seniority: ``text_match_key`` of the title, seed regexes by precedence (role ties by
  name); title level patterns first (on the title with the seniority_title_exclusions phrases
  blanked out), then the board ``seniority`` field, else ``unspecified``;
* country: location cut at , - – — ( ) / | ; (lowercased), each part keyed by turning every
  non [a-z&] run into one space, also with workplace/filler words stripped ("remote", "greater",
  "area", ...); the last matching part decides; a candidate country named by another part wins,
  then the lowest term_priority, then the country code;
* arrangements: every pattern matching ``workplace_type``; if it names none (or is missing) every
  pattern matching the location; nothing -> ["unspecified"];
* skills: whole-tag alias match (any alias) plus description matches of text-allowed aliases on
  the tokens of the description with tags replaced by spaces and entities decoded; a match inside
  a longer match is dropped, also inside an exclusion phrase of skill_text_exclusions ("spark
  joy", "r&d"), which then names no skill; truth lists are sorted by code point (case-sensitive);
* salary: structured min/max win over text; midpoint of the annualized bounds in USD (rounded to
  cents in the truth); unusable when below 10,000 or above 1,000,000, min > max, or no amount;
* posted_date: the UTC date of ``posted_at`` (date-only, ``...Z`` or naive timestamps only).

Standard library only.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import gzip
import hashlib
import json
import math
import os
import shutil
import random
import re
import unicodedata
import sys
import time
from pathlib import Path
from typing import Optional

from . import calibration as cal

GENERATOR_VERSION = "1.0.0"
SOURCES = ("linkedin", "greenhouse", "lever", "indeed", "workday")
SOURCE_WEIGHTS = (0.35, 0.20, 0.12, 0.20, 0.13)
SOURCE_CUM = tuple(sum(SOURCE_WEIGHTS[:i + 1]) for i in range(len(SOURCE_WEIGHTS) - 1))
# how often a source states the arrangement in workplace_type rather than in the location text
USE_WORKPLACE_PROB = {"linkedin": 0.8, "lever": 0.7, "workday": 0.6, "greenhouse": 0.4,
                      "indeed": 0.3}
# how often a source carries board skill tags
TAG_PROB = {"linkedin": 0.85, "indeed": 0.45, "lever": 0.2, "greenhouse": 0.08, "workday": 0.05}

POSTED_START = dt.date(2025, 6, 1)
POSTED_END = dt.date(2026, 5, 15)
SCRAPE_START = dt.date(2026, 4, 20)
SCRAPE_END = dt.date(2026, 5, 20)


class GenerationError(AssertionError):
    """A rendered form would not be classified as intended."""


# Fast, deterministic draws from a Random's .random (much cheaper than Random.choice & co.)
def _pick(rnd, seq):
    return seq[int(rnd() * len(seq))]


def _shuffle(rnd, x: list) -> None:
    for i in range(len(x) - 1, 0, -1):
        j = int(rnd() * (i + 1))
        x[i], x[j] = x[j], x[i]


def _sample(rnd, seq, k: int) -> list:
    pool = list(seq)
    n = len(pool)
    for i in range(k):
        j = i + int(rnd() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def seeds_dir() -> Path:
    env = os.environ.get("JOB_MARKET_SEEDS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "seeds" / "taxonomies"


# =============================================================================================
# Reference implementation of the warehouse's classification rules
# =============================================================================================

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
_LOC_PART_RE = re.compile(r"[^,()/|;\u2013\u2014-]+")
_LOC_NON_KEY = re.compile(r"[^a-z&]+")
_LOC_STRIP_RE = re.compile(
    r" (remote|hybrid|on +site|onsite|in +office|anywhere|worldwide|global|wfh|work +from +home|only"
    r"|based|greater|area|metro|metropolitan|region|hq|headquarters|office|first|in) "
)
_SPACES = re.compile(r" +")
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


def _blank(v) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


class Taxonomy:
    """Seeds plus the warehouse's matching rules, implemented in Python."""

    def __init__(self, directory: Optional[Path] = None):
        d = Path(directory) if directory else seeds_dir()
        self.dir = d

        def rows(name):
            with open(d / name, newline="", encoding="utf-8") as f:
                return list(csv.DictReader(f))

        self.roles = [r["role"] for r in rows("roles.csv")]
        rp = rows("role_title_patterns.csv")
        self.role_patterns = [
            (int(r["precedence"]), r["role"], re.compile(" " + r["title_pattern"].strip() + " "))
            for r in rp
        ]
        self.role_patterns.sort(key=lambda x: (x[0], x[1]))
        sp = rows("seniority_patterns.csv")
        self.title_levels = sorted(
            [(int(r["precedence"]), r["seniority_level"], re.compile(" " + r["pattern"].strip() + " "))
             for r in sp if r["applies_to"] == "title"], key=lambda x: x[0])
        self.board_levels = sorted(
            [(int(r["precedence"]), r["seniority_level"], re.compile(" " + r["pattern"].strip() + " "))
             for r in sp if r["applies_to"] == "board"], key=lambda x: x[0])
        # seniority_title_exclusions: phrases blanked out of the title before the level patterns
        exclusions = d / "seniority_title_exclusions.csv"
        phrases = sorted(text_match_key(r["phrase"]).strip().replace(" ", " +")
                         for r in (rows(exclusions.name) if exclusions.exists() else []))
        self.title_level_exclusion = re.compile(" (" + "|".join(phrases) + ") ") if phrases else None
        lv = rows("seniority_levels.csv")
        self.level_info = {
            r["seniority_level"]: {
                "rank": int(r["level_rank"]),
                "entry": r["is_entry_level"].strip().lower() == "true",
                "senior_plus_staff": r["is_senior_plus_staff"].strip().lower() == "true",
            } for r in lv
        }
        self.arrangement_patterns = [
            (r["work_arrangement"], re.compile(" " + r["pattern"].strip() + " "))
            for r in rows("work_arrangement_patterns.csv")
        ]
        self.location_terms: dict[str, list] = {}
        for r in rows("location_terms.csv"):
            self.location_terms.setdefault(r["location_term"], []).append(
                (r["country_code"], int(r["term_priority"])))
        self.countries = {r["country_code"]: r["country_name"] for r in rows("countries.csv")}
        self.usd_per_unit = {r["currency_code"]: float(r["usd_per_unit"]) for r in rows("currencies.csv")}
        self.period_factor = {r["salary_period"]: float(r["annualization_factor"])
                              for r in rows("salary_periods.csv")}
        self.skills = [r["skill"] for r in rows("skills.csv")]
        # alias keys --------------------------------------------------------------------------
        self.alias_rows = rows("skill_aliases.csv")
        self.alias_key_skill: dict[str, str] = {}
        self.alias_key_text: dict[str, bool] = {}
        self.skill_aliases: dict[str, list] = {}
        self.skill_text_aliases: dict[str, list] = {}
        for r in self.alias_rows:
            alias, skill = r["alias"], r["skill"]
            allowed = r["is_text_match_allowed"].strip().lower() == "true"
            key = " ".join(skill_tokens(alias))
            prev = self.alias_key_skill.get(key)
            if prev is not None and prev != skill:
                raise GenerationError(f"alias key {key!r} claimed by {prev} and {skill}")
            self.alias_key_skill[key] = skill
            self.alias_key_text[key] = self.alias_key_text.get(key, False) or allowed
            self.skill_aliases.setdefault(skill, []).append(alias)
            if allowed:
                self.skill_text_aliases.setdefault(skill, []).append(alias)
        # first token -> [(tokens tuple, skill)] for text-allowed keys, longest first
        self.text_by_first: dict[str, list] = {}
        for key, skill in self.alias_key_skill.items():
            if not self.alias_key_text[key]:
                continue
            toks = tuple(key.split(" "))
            self.text_by_first.setdefault(toks[0], []).append((toks, skill))
        for v in self.text_by_first.values():
            v.sort(key=lambda x: -len(x[0]))
        self.all_alias_tokens = set()
        self.nonfinal_alias_tokens = set()
        self.noninitial_alias_tokens = set()
        for key in self.alias_key_skill:
            toks = key.split(" ")
            self.all_alias_tokens.update(toks)
            self.nonfinal_alias_tokens.update(toks[:-1])
            self.noninitial_alias_tokens.update(toks[1:])
        # exclusion phrases (skill_text_exclusions.csv): description patterns without a skill
        # ("spark joy", "r&d"); by the longest-match rule they swallow the alias inside them and
        # then vanish, as in int_posting_skills_extracted. Tags are not affected. Their words
        # join the boundary sets, so generated text never forms one across a sentence boundary.
        self.exclusion_keys: set = set()
        exclusions = d / "skill_text_exclusions.csv"
        for r in (rows(exclusions.name) if exclusions.exists() else []):
            toks = tuple(skill_tokens(r["phrase"]))
            if len(toks) < 2 or " ".join(toks) in self.exclusion_keys:
                continue
            self.exclusion_keys.add(" ".join(toks))
            self.text_by_first.setdefault(toks[0], []).append((toks, None))
            self.nonfinal_alias_tokens.update(toks[:-1])
            self.noninitial_alias_tokens.update(toks[1:])
        for v in self.text_by_first.values():
            v.sort(key=lambda x: -len(x[0]))
        self._role_cache: dict = {}
        self._level_cache: dict = {}
        self._loc_cache: dict = {}
        self._arr_cache: dict = {}
        self._tag_cache: dict = {}
        self._saltext_cache: dict = {}

    # ---- titles ---------------------------------------------------------------------------
    def classify_role(self, title: str) -> Optional[str]:
        r = self._role_cache.get(title, 0)
        if r != 0:
            return r
        key = text_match_key(title.strip())
        role = None
        for _, name, pat in self.role_patterns:
            if pat.search(key):
                role = name
                break
        self._role_cache[title] = role
        return role

    def classify_level(self, title: str, board: Optional[str]) -> str:
        ck = (title, board)
        r = self._level_cache.get(ck)
        if r is not None:
            return r
        tkey = text_match_key(title.strip())
        if self.title_level_exclusion is not None:
            tkey = _SPACES.sub(" ", self.title_level_exclusion.sub(" ", tkey.replace(" ", "  ")))
        level = None
        for _, name, pat in self.title_levels:
            if pat.search(tkey):
                level = name
                break
        if level is None:
            bkey = " " if _blank(board) else text_match_key(board.strip())
            for _, name, pat in self.board_levels:
                if pat.search(bkey):
                    level = name
                    break
        level = level or "unspecified"
        self._level_cache[ck] = level
        return level

    # ---- location -------------------------------------------------------------------------
    def classify_country(self, location: Optional[str]) -> Optional[str]:
        if _blank(location):
            return None
        r = self._loc_cache.get(location, 0)
        if r != 0:
            return r
        parts = _LOC_PART_RE.findall(fold_accents(location.strip()).lower())
        cands = []   # (position, country, priority)
        for pos, raw in enumerate(parts, start=1):
            key = _SPACES.sub(" ", _LOC_NON_KEY.sub(" ", raw)).strip()
            stripped = _SPACES.sub(" ", _LOC_STRIP_RE.sub(" ", " " + key.replace(" ", "  ") + " ")).strip()
            seen = set()
            for k in (key, stripped):
                for country, prio in self.location_terms.get(k, ()):
                    if (country, prio) not in seen:
                        seen.add((country, prio))
                        cands.append((pos, country, prio))
        result = None
        if cands:
            deciding = max(c[0] for c in cands)
            others = {c[1] for c in cands if c[0] != deciding}
            best = min((0 if c[1] in others else 1, c[2], c[1]) for c in cands if c[0] == deciding)
            result = best[2]
        self._loc_cache[location] = result
        return result

    # ---- work arrangement -----------------------------------------------------------------
    def _arr_of(self, text: Optional[str]) -> list:
        if _blank(text):
            return []
        key = text_match_key(text.strip())
        return sorted(a for a, pat in self.arrangement_patterns if pat.search(key))

    def classify_arrangements(self, workplace_type: Optional[str], location: Optional[str]) -> tuple:
        ck = (workplace_type, location)
        r = self._arr_cache.get(ck)
        if r is not None:
            return r
        arr = self._arr_of(workplace_type) or self._arr_of(location) or ["unspecified"]
        r = tuple(arr)
        self._arr_cache[ck] = r
        return r

    # ---- skills ---------------------------------------------------------------------------
    def tag_skill(self, tag: str) -> Optional[str]:
        r = self._tag_cache.get(tag, 0)
        if r != 0:
            return r
        t = tag.strip()
        r = self.alias_key_skill.get(" ".join(skill_tokens(t))) if t else None
        self._tag_cache[tag] = r
        return r

    def text_skills_from_tokens(self, tokens: list) -> set:
        by_first = self.text_by_first
        matches = []
        n = len(tokens)
        for i in range(n):
            cands = by_first.get(tokens[i])
            if cands is None:
                continue
            for toks, skill in cands:
                L = len(toks)
                if L == 1 or (i + L <= n and tuple(tokens[i:i + L]) == toks):
                    matches.append((i, i + L - 1, skill))
        if len(matches) <= 1:
            return {m[2] for m in matches if m[2] is not None}
        out = set()
        for s, e, sk in matches:
            # exclusion phrases (skill None) only swallow; they are never a skill themselves
            if sk is None:
                continue
            if not any(s2 <= s and e2 >= e and (e2 - s2) > (e - s) for s2, e2, _ in matches):
                out.add(sk)
        return out

    def description_skills(self, description: Optional[str]) -> set:
        text = html_to_text(description)
        if text is None:
            return set()
        return self.text_skills_from_tokens(skill_tokens(text))

    def posting_skills(self, tags, description) -> set:
        out = set()
        if tags:
            for t in tags:
                s = self.tag_skill(t)
                if s:
                    out.add(s)
        out |= self.description_skills(description)
        return out

    # ---- salary ---------------------------------------------------------------------------
    def _parse_text(self, text: str):
        r = self._saltext_cache.get(text)
        if r is None:
            r = parse_salary_text(text)
            if len(self._saltext_cache) < 200000:
                self._saltext_cache[text] = r
        return r

    def salary_usd_annual(self, obs: dict) -> Optional[float]:
        """Annual USD base salary of an observation, or None when not usable."""
        smin, smax = _to_float(obs.get("salary_min")), _to_float(obs.get("salary_max"))
        text = obs.get("salary")
        text = None if _blank(text) else text.strip()
        if smin is not None or smax is not None:
            lo = smin if smin is not None else smax
            hi = smax if smax is not None else smin
            cur = obs.get("salary_currency")
            cur = None if _blank(cur) else cur.strip().upper()
            tcur = self._parse_text(text)[2] if text else None
            cur = cur or tcur
            pf = obs.get("salary_period")
            period = None if _blank(pf) else period_from_text(pf.strip())
            if period is None and text:
                period = self._parse_text(text)[3]
        elif text is not None:
            lo, hi, cur, period = self._parse_text(text)
            if lo is None:
                return None
            scur, spf = obs.get("salary_currency"), obs.get("salary_period")
            cur = cur or (None if _blank(scur) else scur.strip().upper())
            period = period or (None if _blank(spf) else period_from_text(spf.strip())) or "year"
        else:
            return None
        if cur is None or cur not in self.usd_per_unit or period is None \
                or period not in self.period_factor:
            return None
        if lo <= 0 or hi <= 0 or lo > hi:
            return None
        f, rate = self.period_factor[period], self.usd_per_unit[cur]
        mid = (lo * f * rate + hi * f * rate) / 2.0
        if mid < 10000 or mid > 1000000:
            return None
        return round(mid, 2)


def _to_float(v) -> Optional[float]:
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v).strip())
    except ValueError:
        return None


# ---- salary text (port of macros/parsing/salary.sql) -----------------------------------------
_NUM = r"(\d{1,3}(?:[.'\u2019]\d{3})+\b|\d[\d,]*(?:\.\d+)?)\s*(?:(k|m|lpa|lakhs?)\b)?"
_JOIN = (r"(?:\s*(?:[$\u20ac\u00a3\u20b9\u00a5]|usd|eur|gbp|inr|cad|aud|chf))?"
         r"(?:\s*(?:/|per|an|a)\s*(?:hr|hour|yr|year|mo|month|wk|week|day|annum))?"
         r"\s*(?:-|\u2013|\u2014|to)\s*(?:[a-z]{0,2}\$|[$\u20ac\u00a3\u20b9\u00a5]|usd|eur|gbp|inr|cad|aud)?\s*")
_RANGE_RE = re.compile(_NUM + _JOIN + _NUM)
_SINGLE_RE = re.compile(_NUM)
_MULT = {"k": 1000.0, "m": 1000000.0, "lpa": 100000.0, "lakh": 100000.0, "lakhs": 100000.0}
_PERIOD_RES = (
    ("year", re.compile(r"(\byears?\b|\byearly\b|\bannual(ly)?\b|\bannum\b|\bp\.?a\.?(\s|$)|/\s*yr\b|\byr\b|\blpa\b"
                       r"|\bpor a(n|\u00f1)o\b|\banual\b|\bpro jahr\b|\bj(a|\u00e4)hrlich\b|\bpar an\b)")),
    ("month", re.compile(r"(\bmonths?\b|\bmonthly\b|/\s*mo\b|\bmth\b|\bm(e|\u00ea)s\b|\bmensal\b"
                        r"|\bmensual\b|\bmonatlich\b|\bpro monat\b|\bpar mois\b)")),
    ("week", re.compile(r"(\bweeks?\b|\bweekly\b|/\s*wk\b)")),
    ("day", re.compile(r"(\bdays?\b|\bdaily\b)")),
    ("hour", re.compile(r"(\bhours?\b|\bhourly\b|/\s*hr\b|\bhrs?\b|/\s*h\b|\bph\b)")),
)
_CUR_RES = (
    ("CAD", re.compile(r"(\bca\$|\bc\$|\bcad)")),
    ("AUD", re.compile(r"(\bau\$|\ba\$|\baud)")),
    ("SGD", re.compile(r"(\bs\$|\bsgd)")),
    ("EUR", re.compile("(\u20ac|\\beur)")),
    ("GBP", re.compile("(\u00a3|\\bgbp)")),
    ("INR", re.compile("(\u20b9|\\binr|\\brs\\.?\\s|\\blpa\\b|\\blakhs?\\b)")),
    ("JPY", re.compile("(\u00a5|\\bjpy\\b)")),
    ("USD", re.compile(r"(\$|\busd)")),
)
_401K = re.compile(r"401\s*\(?k\)?")
_ISO3 = re.compile(r"\b([A-Z]{3})\b")


def period_from_text(text: str) -> Optional[str]:
    low = text.lower()
    for name, pat in _PERIOD_RES:
        if pat.search(low):
            return name
    return None


def currency_from_text(text: str) -> Optional[str]:
    low = text.lower()
    for name, pat in _CUR_RES:
        if pat.search(low):
            return name
    m = _ISO3.search(text)
    return m.group(1).upper() if m else None


_DOTTED_THOUSANDS = re.compile(r"\d{1,3}([.'\u2019]\d{3})+")


def _amount(digits: str) -> float:
    """"90.000" / "130'000" are whole numbers; otherwise commas separate thousands."""
    if _DOTTED_THOUSANDS.fullmatch(digits):
        return float(re.sub(r"[.'\u2019]", "", digits))
    return float(digits.replace(",", ""))


# a sign before an amount (macro salary_text_has_signed_amount); a dash after an amount, a word or
# a currency written behind an amount is a range or a separator
_SIGNED_AMOUNT_RE = re.compile(
    r"(^|[^0-9a-z.,'\u2019%)\s$€£₹¥])\s*(?:[$€£₹¥]\s*)?[-\u2212+]\s*"
    r"(?:[a-z]{0,2}\$|[$€£₹¥]|usd|eur|gbp|inr|cad|aud)?\s*\d"
)


def parse_salary_text(text: Optional[str]):
    """(min, max, currency, period) read from free text the way the warehouse reads it; amounts
    are None when the text names no amount with a currency or period."""
    if text is None:
        return None, None, None, None
    # amounts are read with "401(k)" (a pension plan, not pay) removed, as the salary macros do
    low = _401K.sub(" ", text.lower())
    cur = currency_from_text(text)
    period = period_from_text(text)
    if not re.search(r"\d", low) or (cur is None and period is None):
        return None, None, cur, period
    if _SIGNED_AMOUNT_RE.search(low):  # "-$50,000": a signed amount is no pay
        return None, None, cur, period
    m = _RANGE_RE.search(low)
    if m:
        mult_lo = _MULT.get(m.group(2) or m.group(4) or "", 1.0)
        mult_hi = _MULT.get(m.group(4) or "", 1.0)
        lo = _amount(m.group(1)) * mult_lo
        hi = _amount(m.group(3)) * mult_hi
    else:
        m = _SINGLE_RE.search(low)
        lo = hi = _amount(m.group(1)) * _MULT.get(m.group(2) or "", 1.0)
    return lo, hi, cur, period


# =============================================================================================
# Text banks
# =============================================================================================

# Titles ------------------------------------------------------------------------------------
# bases: plain titles (no level); a trailing "*" marks a base that takes numeral suffixes (I, II, III)
# mgmt: "<X> Engineering"-style heads for manager/director/executive titles
TITLE_FAMILIES = {
    "ai": {
        "bases": ["AI Engineer*", "A.I. Engineer*", "Artificial Intelligence Engineer*", "Generative AI Engineer*",
                  "GenAI Engineer*", "Gen AI Engineer*", "LLM Engineer*", "Applied AI Engineer*",
                  "AI Developer*", "Software Engineer, AI", "Engineer - Generative AI",
                  "Software Engineer, Generative AI", "Software Engineer - LLM",
                  "Generative AI Developer*"],
        "mgmt": ["AI Engineering", "Generative AI Engineering", "Applied AI Engineering",
                 "LLM Engineering"],
    },
    "mle": {
        "bases": ["Machine Learning Engineer*", "ML Engineer*", "Machine-Learning Engineer*",
                  "AI/ML Engineer*", "Deep Learning Engineer*", "Software Engineer, Machine Learning",
                  "Engineer, ML", "Machine Learning Engineer, Generative AI",
                  "Software Engineer (Machine Learning)", "ML Developer*",
                  "Machine Learning Engineer - Ranking"],
        "mgmt": ["Machine Learning Engineering", "ML Engineering", "Deep Learning Engineering"],
    },
    "mlops": {
        "bases": ["MLOps Engineer*", "ML Ops Engineer*", "ML Platform Engineer*",
                  "Machine Learning Platform Engineer*", "ML Infrastructure Engineer*",
                  "Machine Learning Infrastructure Engineer*"],
        "mgmt": ["ML Platform Engineering", "MLOps Engineering"],
    },
    "cv": {
        "bases": ["Computer Vision Engineer*", "CV Engineer*", "Vision Engineer*",
                  "Computer Vision Developer*"],
        "mgmt": ["Computer Vision Engineering"],
    },
    "nlp": {
        "bases": ["NLP Engineer*", "Natural Language Processing Engineer*", "NLP Developer*"],
        "mgmt": ["NLP Engineering"],
    },
    "research_scientist": {
        "bases": ["Research Scientist*", "AI Research Scientist*", "Machine Learning Scientist*",
                  "Research Scientist, Machine Learning", "ML Scientist*", "Deep Learning Scientist*"],
        "mgmt": [],
    },
    "research_engineer": {
        "bases": ["Research Engineer*", "AI Research Engineer*", "ML Research Engineer*",
                  "Machine Learning Research Engineer*", "Research Engineer, Machine Learning"],
        "mgmt": ["Research Engineering"],
    },
    "applied_scientist": {
        "bases": ["Applied Scientist*", "Applied ML Scientist*", "Applied Research Scientist*",
                  "Applied AI Scientist*"],
        "mgmt": [],
    },
    "data_scientist": {
        "bases": ["Data Scientist*", "Data Scientist, Product", "Data Scientist - Ads",
                  "Data Scientist, Marketing"],
        "mgmt": ["Data Science"],
    },
    "data_engineer": {
        "bases": ["Data Engineer*", "Big Data Engineer*", "ETL Developer*", "Data Platform Engineer*",
                  "Software Engineer, Data Platform", "Data Pipeline Engineer*"],
        "mgmt": ["Data Engineering", "Data Platform Engineering"],
    },
    "data_analyst": {
        "bases": ["Data Analyst*", "BI Analyst*", "Business Intelligence Analyst*",
                  "Product Data Analyst*", "Marketing Data Analyst*", "Product Analyst*"],
        "mgmt": [],
    },
    "analytics_engineer": {
        "bases": ["Analytics Engineer*"],
        "mgmt": ["Analytics Engineering"],
    },
    "bi_engineer": {
        "bases": ["BI Engineer*", "BI Developer*", "Business Intelligence Engineer*",
                  "Business Intelligence Developer*", "Power BI Developer*", "Tableau Developer*"],
        "mgmt": ["BI Engineering", "Business Intelligence Engineering"],
    },
    "data_architect": {
        "bases": ["Data Architect*", "Big Data Architect*", "Data Warehouse Architect*",
                  "Data Platform Architect*", "Enterprise Data Architect*"],
        "mgmt": [],
    },
    "prompt": {
        "bases": ["Prompt Engineer*", "AI Prompt Engineer*", "Prompt Engineering Specialist*"],
        "mgmt": [],
    },
}

LEVEL_FORMS = {
    # "{b}" plain base, "{n}" base that takes numeral suffixes, "{m}" management head
    "intern": ["{b} Intern", "{b} Internship", "Intern - {b}", "Summer Intern, {b}", "{b} Co-op"],
    "entry": ["Junior {b}", "Jr. {b}", "Entry Level {b}", "Associate {b}", "Graduate {b}",
              "{b} - New Grad", "{n} I", "{b} (New Grad)", "New Grad {b}"],
    "mid": ["{n} II", "Mid-Level {b}", "{b} (Mid-Level)"],
    "senior": ["Senior {b}", "Sr. {b}", "Sr {b}", "{n} III", "Senior {b}", "Snr {b}"],
    "staff": ["Staff {b}", "Senior Staff {b}", "{n} IV"],
    "principal": ["Principal {b}", "Distinguished {b}"],
    "lead": ["Lead {b}", "Tech Lead, {b}", "{n} Lead", "Team Lead - {b}"],
    "manager": ["{m} Manager", "Manager, {m}", "Senior Manager, {m}", "{m} Mgr"],
    "director": ["Director of {m}", "Head of {m}", "Director, {m}", "Senior Director, {m}",
                 "Associate Director, {m}"],
    "executive": ["VP of {m}", "VP, {m}", "Vice President, {m}"],
    "unspecified": ["{b}"],
}
# levels that can come from the board field on a plain title, with the board words
BOARD_FORMS = {
    "intern": ["Internship"],
    "entry": ["Entry level", "Associate", "Entry Level"],
    "mid": ["Mid-Senior level", "Mid-Senior Level", "Mid level"],
    "director": ["Director"],
    "executive": ["Executive"],
}
BOARD_FORM_PROB = {"intern": 0.25, "entry": 0.3, "mid": 0.55, "director": 0.04, "executive": 0.1}
BOARD_VALUES_ANY = ["Entry level", "Mid-Senior level", "Associate", "Director", "Internship",
                    "Executive", "Not Applicable"]

TITLE_DECORATIONS = [", Platform Team", " - Search", ", Growth", " - Payments", ", Trust & Safety",
                     " (Contract)", " - Core Product"]

UNRELATED_TITLES = {
    "swe": ["Software Engineer", "Backend Engineer", "Frontend Developer", "Full Stack Developer",
            "iOS Developer", "Android Developer", "DevOps Engineer", "Site Reliability Engineer",
            "QA Engineer", "Platform Engineer", "Cloud Engineer", "Security Engineer",
            "Embedded Software Engineer", "Solutions Architect", "Software Developer",
            "Mobile Engineer", "Network Engineer", "Systems Administrator"],
    "health": ["Registered Nurse", "Nurse Practitioner", "Medical Assistant", "Pharmacist",
               "Physical Therapist", "Dental Hygienist", "Licensed Practical Nurse"],
    "sales": ["Sales Associate", "Account Executive", "Sales Development Representative",
              "Retail Store Manager", "Customer Success Manager", "Business Development Manager",
              "Inside Sales Representative"],
    "marketing": ["Marketing Director", "Marketing Manager", "Content Writer", "SEO Specialist",
                  "Brand Manager", "Social Media Coordinator", "Growth Marketer"],
    "business": ["Product Manager", "Project Manager", "Program Manager", "Operations Manager",
                 "Business Analyst", "Financial Analyst", "Accountant", "HR Generalist",
                 "Recruiter", "Office Manager", "UX Designer", "Graphic Designer",
                 "Technical Writer", "Mechanical Engineer", "Civil Engineer", "Electrician",
                 "Truck Driver", "Warehouse Associate", "Customer Service Representative",
                 "Teacher", "Paralegal", "Executive Assistant"],
    # near misses: look like data/AI jobs, match no role pattern
    "trap": ["Machine Learning Recruiter", "Technical Recruiter, AI", "AI Product Manager",
             "Product Manager, Machine Learning", "Sales Engineer", "Data Center Technician",
             "AI Sales Specialist", "Machine Operator", "Data Entry Clerk", "Learning Engineer",
             "AI Trainer", "Data Governance Specialist", "Engineering Manager, Machine Learning",
             "Solutions Consultant, Generative AI", "AI Ethicist", "Data Protection Officer"],
}
UNRELATED_PREFIXES = ["", "", "", "", "Senior ", "Junior ", "Lead ", "Staff ", "Principal "]

# Locations -----------------------------------------------------------------------------------
LOCATIONS = {
    "US": ["San Francisco, CA", "New York, NY", "New York, NY 10001", "Seattle, WA",
           "Austin, Texas, United States", "Austin, TX", "Boston, MA", "Cambridge, MA",
           "Chicago, IL", "Mountain View, CA", "Palo Alto, California", "Sunnyvale, CA",
           "Los Angeles, CA", "San Diego, CA", "Denver, CO", "Atlanta, GA", "Pittsburgh, PA",
           "Washington, DC", "Redmond, WA", "Raleigh, NC", "Miami, FL", "Dallas, TX",
           "Houston, Texas", "Menlo Park, CA", "New York City", "NYC", "United States", "USA",
           "Fort Wayne, IN", "Greater Seattle Area", "US-CA-San Francisco", "US-NY-New York",
           "Salt Lake City, UT", "Phoenix, AZ", "Columbus, OH", "Nashville, TN",
           "Minneapolis, MN", "Philadelphia, PA", "Portland, OR", "San Jose, CA",
           "SF Bay Area", "San Francisco, California, United States"],
    "IN": ["Bengaluru, Karnataka, India", "Bangalore, IN", "Bangalore, Karnataka", "Hyderabad",
           "Hyderabad, Telangana, India", "Pune, Maharashtra, India", "Mumbai, India",
           "Gurugram, Haryana, India", "Gurgaon, India", "Chennai, Tamil Nadu",
           "Noida, Uttar Pradesh, India", "New Delhi, India", "IND-Bangalore", "India"],
    "GB": ["London, UK", "London, England, United Kingdom", "Manchester, United Kingdom",
           "Edinburgh, Scotland, United Kingdom", "Cambridge, UK", "Bristol, England", "London",
           "United Kingdom"],
    "CA": ["Toronto, ON, Canada", "Toronto, Ontario", "Vancouver, BC",
           "Vancouver, British Columbia, Canada", "Montreal, QC, Canada", "Waterloo, ON",
           "Ottawa, Ontario, Canada", "Calgary, Alberta"],
    "DE": ["Berlin, Germany", "Munich, Bavaria, Germany", "Berlin, DE", "Hamburg, Germany",
           "Frankfurt, Germany", "Munich"],
    "FR": ["Paris, France", "Lyon, France", "Paris"],
    "NL": ["Amsterdam, Netherlands", "Amsterdam, North Holland, Netherlands", "Amsterdam, NL",
           "Rotterdam, Netherlands", "Eindhoven, The Netherlands"],
    "SG": ["Singapore", "Singapore, Singapore"],
    "AU": ["Sydney, NSW, Australia", "Melbourne, VIC", "Sydney, Australia",
           "Brisbane, QLD, Australia"],
    "IL": ["Tel Aviv, Israel", "Tel Aviv-Yafo, Tel Aviv District, Israel", "Haifa, IL",
           "Herzliya, Israel"],
    "IE": ["Dublin, Ireland", "Dublin, IE", "Cork, Ireland"],
    "CH": ["Zurich, Switzerland", "Zurich, CH", "Geneva, Switzerland"],
    "ES": ["Madrid, Spain", "Barcelona, Spain"],
    "PL": ["Warsaw, Poland", "Krakow, Poland", "Wroclaw, Poland"],
    "SE": ["Stockholm, Sweden"],
    "JP": ["Tokyo, Japan"],
    "AE": ["Dubai, United Arab Emirates", "Abu Dhabi, UAE"],
    "BR": ["Sao Paulo, Brazil", "Rio de Janeiro, Brazil"],
    None: ["Anywhere", "Worldwide", "EMEA"],
}
# forms that already say remote
REMOTE_LOCATIONS = {
    "US": ["Remote - US", "United States (Remote)", "Remote, USA", "Remote (US)", "US Remote",
           "Remote | United States"],
    "IN": ["Remote - India", "India (Remote)"],
    "GB": ["Remote - UK", "United Kingdom (Remote)"],
    "CA": ["Remote - Canada"],
    "DE": ["Remote - Germany"],
    None: ["Remote", "Remote (Global)", "Remote - Worldwide"],
}
LOCATION_KEYWORD_FORMS = {
    "remote": ["{l} (Remote)", "Remote - {l}"],
    "hybrid": ["{l} (Hybrid)", "Hybrid - {l}"],
    "onsite": ["{l} (Onsite)"],
}
WORKPLACE_FORMS = {
    ("remote",): ["Remote", "remote", "Fully remote", "REMOTE", "Remote", "Work from home"],
    ("hybrid",): ["Hybrid", "hybrid", "HYBRID", "Hybrid", "Flexible hybrid"],
    ("onsite",): ["On-site", "Onsite", "On site", "In office", "onsite", "On-Site", "On-site"],
    ("hybrid", "remote"): ["Remote or Hybrid", "Hybrid / Remote", "Remote, Hybrid"],
    ("hybrid", "onsite"): ["Hybrid / On-site", "On-site or Hybrid", "Hybrid, Onsite"],
    ("onsite", "remote"): ["Remote or On-site", "On-site / Remote"],
}
COUNTRY_CURRENCY = {"US": "USD", "IN": "INR", "GB": "GBP", "CA": "CAD", "DE": "EUR", "FR": "EUR",
                    "NL": "EUR", "IE": "EUR", "ES": "EUR", "SG": "SGD", "AU": "AUD", "IL": "ILS",
                    "CH": "CHF", "PL": "PLN", "SE": "SEK", "JP": "JPY", "AE": "AED", "BR": "BRL"}
COUNTRY_PAY_FACTOR = {"IN": 0.22, "GB": 0.62, "CA": 0.72, "DE": 0.62, "FR": 0.55, "NL": 0.62,
                      "IE": 0.62, "ES": 0.42, "SG": 0.62, "AU": 0.66, "IL": 0.70, "CH": 0.88,
                      "PL": 0.36, "SE": 0.52, "JP": 0.50, "AE": 0.62, "BR": 0.26}

COMPANIES = [
    "Acme Analytics", "Nimbus Labs", "Orbital Systems", "Bluefin Health", "Quantive",
    "Northwind Traders", "Helix Bio", "Lumen Robotics", "Cobalt Financial", "Pioneer Retail",
    "Sequoia Logistics", "Vantage Media", "Aurora Mobility", "Granite Insurance", "Kestrel AI",
    "Mosaic Commerce", "Polaris Energy", "Redwood Software", "Summit Bank", "Tidal Games",
    "Umbra Security", "Verdant Foods", "Wavelength Networks", "Zephyr Travel", "Atlas Cloud",
    "Beacon Learning", "Cascade Semiconductors", "Delta Dynamics", "Ember Studios",
    "Fathom Research", "Golden Gate Capital", "Harbor Freight Lines", "Ion Batteries",
    "Juniper Care", "Kite Payments", "Lighthouse Data", "Meridian Telecom", "Nova Pharma",
    "Onyx Manufacturing", "Prism Labs", "Quarry Materials", "Radiant Solar", "Sable Legal",
    "Tandem Health", "Upland Farms", "Vector Motors", "Willow Hospitality", "Xenon Devices",
    "Yardstick Metrics", "Zenith Aerospace", "Parallel Minds", "Cedar Street Hospital",
    "Brightside Schools", "Ironclad Logistics", "Silverline Retail", "Copperleaf Systems",
]

# Descriptions ----------------------------------------------------------------------------------
# Filler sentences: no alias of any skill (checked at import), and their first/last words belong
# to no alias, so neighbouring sentences can never form an alias across the boundary.
GENERAL_FILLER = [
    "We are a fast-growing company with offices on three continents.",
    "Our team values clear writing, thoughtful reviews, and kind feedback.",
    "You will work closely with product managers, designers, and customers.",
    "We offer generous parental leave and a flexible vacation policy.",
    "Our benefits include medical, dental, and vision coverage for you and your family.",
    "We believe diverse teams build better products.",
    "You will help shape the roadmap and mentor other engineers.",
    "We publish our work and contribute to open source projects.",
    "We care deeply about reliability, security, and user privacy.",
    "Our customers include startups and large enterprises across many industries.",
    "You will own projects from the first sketch to the final launch.",
    "We hold a weekly demo day where everyone shares progress.",
    "We are an equal opportunity employer and welcome applicants of every background.",
    "You will write design documents and review code from peers.",
    "We move quickly but never at the expense of quality.",
    "Our mission is to make complex work feel simple.",
    "You will partner with sales and support to understand customer needs.",
    "The interview process has four short conversations and one take-home exercise.",
    "Relocation assistance is available for this position.",
    "You will improve internal tools that make every team faster.",
    "We value curiosity, ownership, and humility.",
    "Our office has free lunch on Tuesdays and Thursdays.",
    "Strong written and verbal communication skills are essential.",
    "You will debug tricky production issues and write clear postmortems.",
    "We are backed by leading investors and are growing steadily.",
    "Everyone on the team gets a new laptop and a home office stipend.",
    "You will help define coding standards and best practices.",
    "We ship small changes often and measure the results carefully.",
    "Candidates from non-traditional backgrounds are encouraged to apply.",
    "Our leadership team meets with every new hire in the first month.",
    "The team is small, experienced, and highly collaborative.",
    "You will balance short-term delivery with long-term design.",
    "We take on-call seriously and keep rotations humane.",
    "Accommodations are available on request during the hiring process.",
    "You will present findings to executives and non-technical partners.",
    "We track our goals openly and celebrate wins together.",
    "Our headquarters sits next to a park and a train station.",
    "You will join a friendly group of builders who love hard problems.",
    "We encourage people to take real time off every year.",
    "Hiring decisions are based on merit, business need, and values.",
    "You will collaborate with colleagues in several time zones.",
    "We offer a retirement plan with a company match.",
    "Most of our roadmap comes from direct conversations with customers.",
    "You will have the autonomy to choose how problems get solved.",
    "We document decisions so that anyone can catch up quickly.",
    "Our culture rewards clarity, candor, and follow-through.",
    "Wellness stipends, commuter benefits, and gym discounts are included.",
    "You will help us grow a welcoming and inclusive workplace.",
    "We review compensation twice a year.",
    "Please apply even if you do not meet every single requirement.",
]
FAMILY_FILLER = {
    "ai": [
        "You will turn research prototypes into dependable product features.",
        "Our assistants answer millions of customer questions every week.",
        "You will design evaluation suites that catch regressions early.",
        "You will work on retrieval quality, latency, and cost.",
        "Our product helps lawyers, doctors, and analysts draft documents faster.",
        "You will iterate with designers on conversational user experiences.",
    ],
    "ml": [
        "You will train models on large datasets and ship them to production.",
        "You will improve ranking quality for our search and feed products.",
        "Our models serve billions of predictions every day.",
        "You will work with scientists to bring new ideas into production.",
        "You will own model quality from offline metrics to online impact.",
        "Our fraud detection models protect millions of accounts.",
    ],
    "data": [
        "You will build dashboards that leaders use every morning.",
        "You will help teams answer questions with trustworthy numbers.",
        "Our platform ingests billions of events every day.",
        "You will define metrics and keep them consistent across teams.",
        "You will partner with finance and operations on reporting.",
    ],
    "research": [
        "You will publish at top venues and turn ideas into products.",
        "Our lab collaborates with leading universities.",
        "You will design careful studies and share results openly.",
        "You will explore new methods and test them at scale.",
    ],
    "other": [
        "You will provide excellent service to every customer.",
        "This is a full schedule position with occasional weekend shifts.",
        "You will keep accurate records and follow established procedures.",
        "Our team serves clients across the region.",
        "You will coordinate with colleagues to meet daily targets.",
        "Previous experience in a similar position is preferred.",
    ],
}
INTROS = {
    "ai": ["We are hiring to build products on top of foundation models.",
           "Join the group that builds our assistant and its retrieval layer.",
           "You will build the features that put large models in front of customers."],
    "ml": ["We are hiring to train, deploy and operate models in production.",
           "Join the team that owns ranking and personalization.",
           "You will build the systems that train and serve our models."],
    "data": ["We are hiring to grow our data and analytics team.",
             "Join the team that owns our warehouse and reporting.",
             "You will turn raw data into decisions."],
    "research": ["Join our research organization.",
                 "We are hiring researchers who want their work to ship."],
    "other": ["We are hiring for this position at one of our locations.",
              "Join our growing team.",
              "We are looking for a reliable and motivated person to join us."],
}
FAMILY_GROUP = {
    "ai": "ai", "prompt": "ai", "mle": "ml", "mlops": "ml", "cv": "ml", "nlp": "ml",
    "research_scientist": "research", "research_engineer": "research", "applied_scientist": "research",
    "data_scientist": "data", "data_engineer": "data", "data_analyst": "data",
    "analytics_engineer": "data", "bi_engineer": "data", "data_architect": "data",
}
# Deliberate traps: only text-disallowed aliases (react, cv, go, node, c, spring, r, ts) or look-alike
# words (sparkling, goals, scalable, monitor, reinforcement of); they must produce no skill.
TRAP_SENTENCES = [
    "The team will react to feedback quickly.",
    "Please send your CV along with a short note.",
    "We go the extra mile for our customers.",
    "Each node in our graph represents a customer account.",
    "We always keep a plan C in our back pocket.",
    "Our spring offsite is a highlight of the year.",
    "Our R&D group sits next door.",
    "A TS/SCI clearance is not required.",
    "Our office has sparkling water and great coffee.",
    "Goals are shared every quarter.",
    "We value scalable processes and simple tools.",
    "We monitor our own happiness with a quarterly survey.",
    "We practice positive reinforcement of good habits.",
]
MENTION_TEMPLATES = [
    "Experience with {} is required.",
    "Hands-on experience with {}.",
    "You should be comfortable working with {}.",
    "Familiarity with {} is a plus.",
    "Our stack includes {}.",
    "Bonus points for {}.",
    "Strong background in {}.",
    "You will use {} every day.",
    "Knowledge of {} is expected.",
]
BULLET_TEMPLATES = ["{}", "{}", "Experience with {}", "Working knowledge of {}"]
SINGLE_MENTION_TEMPLATE = "Experience with {} is expected."
JAVASCRIPT_TRAP = "We write JavaScript, not Java, on the front end."  # only where both skills are meant

# Display spellings for text mentions (alias -> how it is written); default: the alias itself,
# or the canonical skill name when they tokenize alike.
TEXT_DISPLAY = {
    "pyspark": "PySpark", "sklearn": "sklearn", "k8s": "k8s", "scikit-learn": "scikit-learn",
    "node.js": "Node.js", "nodejs": "NodeJS", "c++": "C++", "c#": "C#", ".net": ".NET",
    "ci/cd": "CI/CD", "a/b testing": "A/B testing", "aws": "AWS", "gcp": "GCP",
    "amazon web services": "Amazon Web Services", "llms": "LLMs", "llm": "LLM",
    "large language models": "large language models", "rag": "RAG",
    "retrieval-augmented generation": "retrieval-augmented generation",
    "openai": "OpenAI", "openai api": "OpenAI API", "chatgpt": "ChatGPT", "gpt-4": "GPT-4",
    "huggingface": "HuggingFace", "hugging face": "Hugging Face", "pytorch": "PyTorch",
    "tensorflow": "TensorFlow", "tf2": "TF2", "ml": "ML", "ml ops": "ML Ops", "mlops": "MLOps",
    "nlp": "NLP", "sql": "SQL", "t-sql": "T-SQL", "fastapi": "FastAPI", "mlflow": "MLflow",
    "javascript": "JavaScript", "typescript": "TypeScript", "golang": "Golang",
    "react.js": "React.js", "reactjs": "ReactJS", "r programming": "R programming",
    "rstudio": "RStudio", "jax": "JAX", "numpy": "NumPy", "xgboost": "XGBoost",
    "lightgbm": "LightGBM", "cuda": "CUDA", "onnx": "ONNX", "tensorrt": "TensorRT",
    "opencv": "OpenCV", "spacy": "spaCy", "langchain": "LangChain", "llamaindex": "LlamaIndex",
    "llama index": "Llama Index", "postgresql": "PostgreSQL", "mysql": "MySQL",
    "mongodb": "MongoDB", "nosql": "NoSQL", "graphql": "GraphQL", "bigquery": "BigQuery",
    "dbt": "dbt", "etl": "ETL", "power bi": "Power BI", "powerbi": "PowerBI",
    "github": "GitHub", "gitlab": "GitLab", "rlhf": "RLHF", "lora": "LoRA", "genai": "GenAI",
    "gen ai": "Gen AI", "vector db": "vector DB", "vector dbs": "vector DBs",
    "rest apis": "REST APIs", "restful apis": "RESTful APIs", "rest api": "REST API",
    "restful api": "RESTful API", "apis": "APIs", "sagemaker": "SageMaker",
    "amazon sagemaker": "Amazon SageMaker", "vertex ai": "Vertex AI", "wandb": "wandb",
    "weights & biases": "Weights & Biases", "asp.net": "ASP.NET", "dotnet": "dotnet",
    "csharp": "CSharp", "cpp": "cpp", "ansi c": "ANSI C", "c programming": "C programming",
    "gcp": "GCP", "redshift": "Redshift", "databricks": "Databricks", "snowflake": "Snowflake",
    "kubeflow": "Kubeflow", "recsys": "RecSys", "python3": "Python3", "python 3": "Python 3",
    "ecmascript": "ECMAScript", "java script": "Java Script",
}
# text spellings never used: bare "api" right after an OpenAI mention would read "openai api"
TEXT_ALIAS_EXCLUDE = {"api"}
TAG_PRETTY = {"pyspark": "PySpark", "sklearn": "Sklearn", "k8s": "K8s", "huggingface": "HuggingFace",
              "tensorflow": "Tensorflow", "pytorch": "Pytorch", "gcp": "GCP", "aws": "AWS",
              "hugging face": "Hugging Face", "node.js": "Node.JS", "c++": "C++", "ml": "ML",
              "llms": "LLMs", "genai": "GenAI", "golang": "GoLang", "postgres": "Postgres",
              "nlp": "NLP", "cv": "CV", "hf": "HF", "tf": "TF", "js": "JS", "ts": "TS"}
NOISE_TAGS = ["Communication", "Problem Solving", "Teamwork", "Leadership", "Mentoring",
              "Stakeholder Management", "English", "Attention to Detail", "Time Management"]


# =============================================================================================
# Static checks on the text banks (run once per Taxonomy)
# =============================================================================================

class TextBank:
    """Pre-tokenized, verified text pieces for one Taxonomy."""

    def __init__(self, tax: Taxonomy):
        self.tax = tax
        self._tok_cache: dict[str, list] = {}
        unsafe_first = tax.noninitial_alias_tokens
        unsafe_last = tax.nonfinal_alias_tokens
        all_sentences = list(GENERAL_FILLER)
        for v in FAMILY_FILLER.values():
            all_sentences += v
        for v in INTROS.values():
            all_sentences += v
        for s in all_sentences:
            toks = self.tokens(s)
            found = tax.text_skills_from_tokens(toks)
            bad = [t for t in toks if t in tax.all_alias_tokens and t in tax.alias_key_skill]
            if found or bad:
                raise GenerationError(f"filler sentence names a skill alias ({found or bad}): {s!r}")
            if toks[0] in unsafe_first or toks[-1] in unsafe_last:
                raise GenerationError(f"filler sentence has an unsafe boundary word: {s!r}")
        for s in TRAP_SENTENCES:
            toks = self.tokens(s)
            if tax.text_skills_from_tokens(toks):
                raise GenerationError(f"trap sentence produces a skill: {s!r}")
            if toks[0] in unsafe_first or toks[-1] in unsafe_last:
                raise GenerationError(f"trap sentence has an unsafe boundary word: {s!r}")
        for tpl in MENTION_TEMPLATES + BULLET_TEMPLATES + [SINGLE_MENTION_TEMPLATE]:
            pre, _, post = tpl.partition("{}")
            pre_t, post_t = self.tokens(pre), self.tokens(post)
            if tax.text_skills_from_tokens(pre_t) or tax.text_skills_from_tokens(post_t):
                raise GenerationError(f"template names a skill: {tpl!r}")
            if (pre_t and (pre_t[0] in unsafe_first or pre_t[-1] in tax.all_alias_tokens)) or \
                    (post_t and (post_t[0] in tax.all_alias_tokens or post_t[-1] in unsafe_last)):
                raise GenerationError(f"template has an unsafe boundary word: {tpl!r}")
        js = self.tokens(JAVASCRIPT_TRAP)
        if tax.text_skills_from_tokens(js) != {"Java", "JavaScript"} or js[0] in unsafe_first \
                or js[-1] in unsafe_last:
            raise GenerationError("the JavaScript trap sentence must read as Java + JavaScript")
        for n in NOISE_TAGS:
            if tax.tag_skill(n):
                raise GenerationError(f"noise tag is a skill alias: {n!r}")
        # text displays per skill -----------------------------------------------------------
        self.text_forms: dict[str, list] = {}
        for skill, aliases in tax.skill_text_aliases.items():
            forms = []
            for a in aliases:
                if a in TEXT_ALIAS_EXCLUDE:
                    continue
                disp = TEXT_DISPLAY.get(a)
                if disp is None:
                    disp = skill if skill_tokens(skill) == skill_tokens(a) else a
                if tax.text_skills_from_tokens(self.tokens(disp)) != {skill}:
                    raise GenerationError(f"text form {disp!r} does not read as {skill}")
                forms.append(disp)
            # the canonical spelling first and twice as likely
            if skill_tokens(skill) in [skill_tokens(f) for f in forms]:
                forms.insert(0, skill)
            self.text_forms[skill] = forms
        # tag displays per skill (any alias, any case) ----------------------------------------
        self.tag_forms: dict[str, list] = {}
        for skill, aliases in tax.skill_aliases.items():
            forms = []
            for a in aliases:
                variants = [a, a.lower(), a.upper(), a.title(), TAG_PRETTY.get(a, a)]
                for v in variants:
                    if v not in forms and tax.tag_skill(v) == skill:
                        forms.append(v)
            if tax.tag_skill(skill) == skill:
                forms.insert(0, skill)
                forms.insert(0, skill)
            self.tag_forms[skill] = forms
        # a display whose last token can continue an alias / whose first token can end one:
        # only neighbours like that can form an alias across a comma or a bullet boundary
        self.risky_last: set = set()
        self.risky_first: set = set()
        for forms in self.text_forms.values():
            for f in forms:
                t = self.tokens(f)
                if t[-1] in tax.nonfinal_alias_tokens:
                    self.risky_last.add(f)
                if t[0] in tax.noninitial_alias_tokens:
                    self.risky_first.add(f)
        missing = [s for s in tax.skills if s not in self.text_forms]
        self.text_impossible = set(missing)

    def tokens(self, text: str) -> list:
        t = self._tok_cache.get(text)
        if t is None:
            t = skill_tokens(text.replace("&", " "))
            self._tok_cache[text] = t
        return t


# =============================================================================================
# Title and location pools
# =============================================================================================

class Pools:
    def __init__(self, tax: Taxonomy):
        self.tax = tax
        self.titles: dict = {}       # (family, level) -> [title]
        for fam, spec in TITLE_FAMILIES.items():
            role = self._family_role(fam)
            for level, forms in LEVEL_FORMS.items():
                out = []
                for form in forms:
                    if "{m}" in form:
                        heads = spec["mgmt"]
                    elif "{n}" in form:
                        heads = [b[:-1] for b in spec["bases"] if b.endswith("*")]
                    else:
                        heads = [b.rstrip("*") for b in spec["bases"]]
                    for h in heads:
                        t = form.replace("{m}", h).replace("{n}", h).replace("{b}", h)
                        self._check_title(t, role, level)
                        out.append(t)
                if out:
                    self.titles[(fam, level)] = out
            self.titles[(fam, "plain")] = [b.rstrip("*") for b in spec["bases"]]
        for title in (b.rstrip("*") for spec in TITLE_FAMILIES.values() for b in spec["bases"]):
            for dec in TITLE_DECORATIONS:
                r0, r1 = tax.classify_role(title), tax.classify_role(title + dec)
                l0, l1 = tax.classify_level(title, None), tax.classify_level(title + dec, None)
                if r0 != r1 or l0 != l1:
                    raise GenerationError(f"decoration {dec!r} changes {title!r}")
        for lvl, boards in BOARD_FORMS.items():
            for b in boards:
                got = tax.classify_level("Engineer", b)
                if got != lvl:
                    raise GenerationError(f"board value {b!r} reads as {got}, not {lvl}")
        self.unrelated: dict = {}
        for fam, titles in UNRELATED_TITLES.items():
            out = []
            for t in titles:
                for p in UNRELATED_PREFIXES:
                    full = p + t
                    if tax.classify_role(full) is not None:
                        raise GenerationError(f"unrelated title {full!r} matches role "
                                              f"{tax.classify_role(full)}")
                    out.append(full)
            self.unrelated[fam] = out
        # locations --------------------------------------------------------------------------
        self.loc_plain: dict = {}     # country -> [loc] stating no arrangement
        self.loc_kw: dict = {}        # (country, arrangement) -> [loc]
        for country, locs in LOCATIONS.items():
            for l in locs:
                self._check_loc(l, country, ("unspecified",))
                self.loc_plain.setdefault(country, []).append(l)
                if country is None:
                    continue
                for arr, forms in LOCATION_KEYWORD_FORMS.items():
                    for f in forms:
                        full = f.format(l=l)
                        self._check_loc(full, country, (arr,))
                        self.loc_kw.setdefault((country, arr), []).append(full)
        for country, locs in REMOTE_LOCATIONS.items():
            for l in locs:
                self._check_loc(l, country, ("remote",))
                # remote-only forms are the common way to say remote: weight them up
                self.loc_kw.setdefault((country, "remote"), []).extend([l] * 6)
        for arrs, forms in WORKPLACE_FORMS.items():
            for f in forms:
                got = tax.classify_arrangements(f, None)
                if got != arrs:
                    raise GenerationError(f"workplace type {f!r} reads as {got}, not {arrs}")

    @staticmethod
    def _family_role(fam):
        return {
            "ai": cal.AI, "mle": cal.MLE, "mlops": "MLOps Engineer", "cv": "Computer Vision Engineer",
            "nlp": "NLP Engineer", "research_scientist": "Research Scientist",
            "research_engineer": "Research Engineer", "applied_scientist": "Applied Scientist",
            "data_scientist": "Data Scientist", "data_engineer": "Data Engineer",
            "data_analyst": "Data Analyst", "analytics_engineer": "Analytics Engineer",
            "bi_engineer": "BI Engineer", "data_architect": "Data Architect",
            "prompt": "Prompt Engineer",
        }[fam]

    def _check_title(self, title, role, level):
        got_r = self.tax.classify_role(title)
        got_l = self.tax.classify_level(title, None)
        if got_r != role or got_l != level:
            raise GenerationError(
                f"title {title!r} reads as ({got_r}, {got_l}), intended ({role}, {level})")

    def _check_loc(self, loc, country, arr):
        got_c = self.tax.classify_country(loc)
        got_a = self.tax.classify_arrangements(None, loc)
        if got_c != country or got_a != arr:
            raise GenerationError(
                f"location {loc!r} reads as ({got_c}, {got_a}), intended ({country}, {arr})")

    def supported_levels(self, fam: str) -> set:
        out = {lvl for (f, lvl) in self.titles if f == fam and lvl != "plain"}
        return out | set(BOARD_FORMS)


# =============================================================================================
# Salary rendering
# =============================================================================================

EN_DASH = "\u2013"


def fmt_int(x) -> str:
    return f"{int(x):,}"


def fmt_indian(x) -> str:
    s = str(int(x))
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    return ",".join(groups) + "," + tail


def fmt_money2(x) -> str:
    return f"{x:,.2f}"


def _num_out(rng, v):
    """A structured number as emitted: int, float, or a numeric string."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    r = rng.random()
    if r < 0.15:
        return str(v)
    return v


def render_usd_exact(rng, value: int) -> dict:
    """Fields whose parsed annual USD midpoint is exactly ``value`` (an integer)."""
    r = rng.random()
    d = rng.choice([0, 5000, 10000, 10000, 15000, 20000, 25000])
    lo, hi = value - d, value + d
    if r < 0.35:
        if d == 0:
            return {"salary": f"${fmt_int(value)} a year"}
        return {"salary": f"${fmt_int(lo)} - ${fmt_int(hi)} a year"}
    if r < 0.50 and d:
        return {"salary": f"USD {fmt_int(lo)} - {fmt_int(hi)}"}
    if r < 0.58:
        return {"salary": f"Up to ${fmt_int(value)}"}
    if r < 0.66:
        return {"salary": f"From ${fmt_int(value)} a year"}
    if r < 0.72 and value % 1000 == 0 and d and lo % 1000 == 0:
        return {"salary": f"${lo // 1000}K{EN_DASH}${hi // 1000}K"}
    if r < 0.78 and value % 1000 == 0 and d and lo % 1000 == 0:
        return {"salary": f"${lo // 1000}k-${hi // 1000}k per year"}
    out = {"salary_min": _num_out(rng, lo), "salary_max": _num_out(rng, hi),
           "salary_currency": "USD", "salary_period": rng.choice(["year", "yearly", "annual", "year"])}
    if rng.random() < 0.25:
        out["salary"] = "Competitive"
    return out


def render_usd_value(rng, value: int, hourly: bool) -> dict:
    """Fields for about ``value`` USD a year; the exact parsed value may differ (rounding of
    hourly/monthly rates) -- callers read it back with Taxonomy.salary_usd_annual."""
    if hourly:
        r = rng.random()
        if r < 0.35:
            rate = round(value / 2080.0, 2)
            return {"salary": f"${fmt_money2(rate)}/hr"}
        if r < 0.7:
            m2 = round(2 * value / 2080.0)
            e = rng.choice([8, 10, 12, 14, 16])
            if (m2 - e) % 2:
                e += 1
            lo, hi = (m2 - e) // 2, (m2 + e) // 2
            return {"salary": f"${lo} - ${hi} an hour"}
        rate = round(value / 2080.0, 2)
        d = rng.choice([0, 2.5, 5.0])
        return {"salary_min": round(rate - d, 2), "salary_max": round(rate + d, 2),
                "salary_currency": "USD", "salary_period": rng.choice(["hour", "hourly"])}
    r = rng.random()
    if r < 0.06:
        m = int(round(value / 12.0 / 100.0)) * 100
        return {"salary": f"${fmt_int(m)}/month"}
    if r < 0.10:
        m = int(round(value / 12.0 / 100.0)) * 100
        return {"salary_min": m, "salary_max": m, "salary_currency": "USD",
                "salary_period": rng.choice(["month", "monthly"])}
    if r < 0.13:
        w = int(round(value / 52.0))
        return {"salary_min": w - 100, "salary_max": w + 100, "salary_currency": "USD",
                "salary_period": "week"}
    if r < 0.16:
        dd = int(round(value / 260.0))
        return {"salary_min": dd, "salary_max": dd, "salary_currency": "USD", "salary_period": "day"}
    return render_usd_exact(rng, value)


US_TRAPS = (
    lambda rng: {"salary": f"${rng.choice([60, 65, 70, 75, 80, 85])} a year"},
    lambda rng: {"salary_min": 60, "salary_max": 90, "salary_currency": "USD", "salary_period": "year"},
    lambda rng: {"salary_min": 180000, "salary_max": 150000, "salary_currency": "USD",
                 "salary_period": "year", "salary": "Competitive"},
    lambda rng: {"salary": "$150,000/month"},
    lambda rng: {"salary_min": 150000, "salary_max": 190000, "salary_currency": "USD",
                 "salary_period": "hour"},
)
NO_PAY_TEXTS = ["Competitive", "Competitive", "DOE", "Competitive salary and equity",
                "Depends on experience"]


def render_local(rng, usd_value: float, currency: str, rate: float) -> dict:
    local = usd_value / rate
    if currency == "INR":
        step = 100000
    elif rate < 0.01:
        step = 100000
    elif rate < 0.3:
        step = 10000
    else:
        step = 1000
    mid = max(step, int(round(local / step)) * step)
    d = step * rng.choice([0, 1, 2, 5, 10]) if step <= 10000 else step * rng.choice([0, 2, 5])
    lo, hi = max(step, mid - d), mid + d
    r = rng.random()
    if currency == "EUR" and r < 0.45 and lo % 1000 == 0:
        return {"salary": f"\u20ac{lo // 1000}k - \u20ac{hi // 1000}k"}
    if currency == "EUR" and r < 0.6:
        return {"salary": f"EUR {fmt_int(lo)} - {fmt_int(hi)} per year"}
    if currency == "GBP" and r < 0.5:
        return {"salary": f"\u00a3{fmt_int(lo)} - \u00a3{fmt_int(hi)} per annum"}
    if currency == "GBP" and r < 0.65 and lo % 1000 == 0:
        return {"salary": f"\u00a3{lo // 1000}k-\u00a3{hi // 1000}k"}
    if currency == "INR" and r < 0.6:
        return {"salary": f"\u20b9{fmt_indian(lo)} - \u20b9{fmt_indian(hi)} per year"}
    if currency == "CAD" and r < 0.5 and lo % 1000 == 0:
        return {"salary": f"CA${lo // 1000}K - CA${hi // 1000}K"}
    return {"salary_min": _num_out(rng, lo), "salary_max": _num_out(rng, hi),
            "salary_currency": currency, "salary_period": rng.choice(["year", "annual", "yearly"])}


# =============================================================================================
# Batches, ids, dates
# =============================================================================================

class Batch:
    __slots__ = ("index", "date", "start", "gz", "name", "prefix", "sod")

    def __init__(self, index, date, start, gz):
        self.index = index
        self.date = date
        self.start = start          # UTC datetime
        self.gz = gz
        self.name = f"batch_{date.isoformat()}_{index:03d}.jsonl" + (".gz" if gz else "")


def plan_batches(rng: random.Random) -> list:
    n_days = (SCRAPE_END - SCRAPE_START).days
    n = rng.randint(18, 26)
    n_double = rng.randint(2, 4)
    days = sorted(rng.sample(range(1, n_days), n - n_double - 2))
    days = [0] + days + [n_days]
    doubles = set(rng.sample(days, n_double))
    slots = []
    for d in days:
        date = SCRAPE_START + dt.timedelta(days=d)
        if d in doubles:
            h1 = rng.randint(1, 8)
            h2 = h1 + rng.randint(5, 12)
            slots.append((date, h1))
            slots.append((date, h2))
        else:
            slots.append((date, rng.randint(2, 20)))
    out = []
    for i, (date, hour) in enumerate(slots, start=1):
        start = dt.datetime(date.year, date.month, date.day, hour, rng.randint(0, 59), 0)
        out.append(Batch(i, date, start, rng.random() < 0.5))
    return out


class IdFactory:
    """Per-source posting ids, unique within a source by construction: an affine bijection of a
    counter, and every spec (role group) owns its own counter range so specs can be rendered
    independently (in parallel) with identical results. Every 40th workday posting reuses
    greenhouse's numeric scheme for the same counter, so the same id string exists under two
    sources."""

    GH_STRIDE = 400_000          # counter range per spec for the 8-digit greenhouse/workday ids
    LI_STRIDE = 4_000_000        # linkedin: 10-digit ids, counter range per spec

    def __init__(self, seed: int):
        h = int(hashlib.sha256(f"ids:{seed}".encode()).hexdigest(), 16)
        self.b_li = h % 100_000_000
        self.b_gh = (h >> 32) % 10_000_000
        self.b_wd = (h >> 64) % 10_000_000
        self.salt = f"{seed}"
        self.start_spec(0)

    def start_spec(self, index: int) -> None:
        self.spec_index = index
        self.counters = {s: 0 for s in SOURCES}

    def _gh(self, c):
        return str(10_000_000 + (c * 7_654_321 + self.b_gh) % 10_000_000)

    def next(self, source: str) -> str:
        local = self.counters[source]
        self.counters[source] = local + 1
        if source in ("greenhouse", "workday", "linkedin"):
            stride = self.LI_STRIDE if source == "linkedin" else self.GH_STRIDE
            if local >= stride:
                raise GenerationError(f"too many {source} postings in one role group for unique "
                                      f"ids ({stride}); lower --scale")
            c = self.spec_index * stride + local
        else:
            c = f"{self.spec_index}.{local}"
        if source == "linkedin":
            return str(3_800_000_000 + (c * 48_271_907 + self.b_li) % 100_000_000)
        if source == "greenhouse":
            return self._gh(c)
        if source == "workday":
            if local % 40 == 7:
                return self._gh(c)
            return f"JR{(c * 3_214_567 + self.b_wd) % 10_000_000:07d}"
        digest = hashlib.sha1(f"{self.salt}:{source}:{c}".encode()).hexdigest()
        if source == "lever":
            return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
        return digest[:16]  # indeed


SCRAPE_OFFSETS = (120, 330, -420, 60, -240, 0, 540)   # minutes east of UTC


def with_offset(t: dt.datetime, minutes: int) -> str:
    """UTC time ``t`` written as local time at a UTC offset: 14:22Z -> 16:22:00+02:00."""
    local = t + dt.timedelta(minutes=minutes)
    a = abs(minutes)
    return local.isoformat() + f"{'+' if minutes >= 0 else '-'}{a // 60:02d}:{a % 60:02d}"


def _same_bytes(a: Path, b: Path, chunk: int = 1 << 20) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(chunk), fb.read(chunk)
            if x != y:
                return False
            if not x:
                return True


def _land(partial: Path, final: Path) -> None:
    """Move a freshly written file into place, unless the file there has the same bytes."""
    if final.exists() and _same_bytes(partial, final):
        partial.unlink()
    else:
        os.replace(partial, final)


def render_batch_time(rnd, b, offset: int) -> str:
    """scraped_at for batch start + offset seconds: "...Z" (1/2), naive = UTC (1/4) or local time
    with a UTC offset (1/4). Batch windows never cross midnight UTC."""
    r = rnd()
    if r < 0.75:
        t = b.sod + offset
        hms = f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"
        return f"{b.prefix}T{hms}Z" if r < 0.5 else f"{b.prefix} {hms}"
    return with_offset(b.start + dt.timedelta(seconds=offset), _pick(rnd, SCRAPE_OFFSETS))


POSTED_SPAN = (POSTED_END - POSTED_START).days
POSTED_DAYS = [(POSTED_START + dt.timedelta(days=i)) for i in range(POSTED_SPAN + 1)]
POSTED_DAY_STR = [d.isoformat() for d in POSTED_DAYS]


def draw_posted_day(rnd, growth: float) -> int:
    """Index into POSTED_DAYS; density grows like exp(growth * t) over the window."""
    u = rnd()
    if abs(growth) < 1e-9:
        t = u
    else:
        t = math.log1p(u * math.expm1(growth)) / growth
    return min(POSTED_SPAN, int(t * (POSTED_SPAN + 1)))


# =============================================================================================
# Posting groups
# =============================================================================================

LEVEL_SALARY_SCORE = {"intern": 0.0, "entry": 1.0, "mid": 2.0, "unspecified": 2.3, "senior": 3.4,
                      "lead": 3.8, "staff": 4.4, "manager": 4.2, "principal": 5.0, "director": 5.2,
                      "executive": 6.0}


class Posting:
    """The intended final state of one posting (what its latest observation must say)."""
    __slots__ = ("idx", "active", "country", "level", "arr", "skills", "salary_class", "salary",
                 "usd")

    def __init__(self, idx, active):
        self.idx = idx
        self.active = active
        self.country = None
        self.level = None          # None: unrelated job, the title decides
        self.arr = ("unspecified",)
        self.skills = []
        self.salary_class = None   # us | trap | local | none
        self.salary = None         # raw salary fields to emit
        self.usd = None            # annual USD the warehouse must compute (None: unusable)


def _exact_list(rng, counts, n):
    out = []
    for v, c in counts:
        out.extend([v] * c)
    if len(out) != n:
        raise GenerationError(f"counts sum to {len(out)}, expected {n}")
    rng.shuffle(out)
    return out


def _draw_side(rng, median, sigma, clip, side):
    """A round annual value strictly below (side=-1) or above (side=+1) the median."""
    lo_clip, hi_clip = clip
    for _ in range(50):
        z = abs(rng.gauss(0.0, 1.0))
        v = median * math.exp(side * z * sigma)
        v = min(hi_clip, max(lo_clip, v))
        v = int(round(v / 1000.0)) * 1000
        if side < 0 and v < median and v >= lo_clip:
            return v
        if side > 0 and v > median and v <= hi_clip:
            return v
    return median + side * 1000


class SpecOutput:
    """Everything one spec (role group) produces: lines per batch, truth lines, counters."""

    def __init__(self, n_batches: int, key: str, role: Optional[str]):
        self.key = key
        self.role = role
        self.batch_lines = [[] for _ in range(n_batches)]
        self.truth_lines: list = []
        self.stats = {"postings": 0, "active_postings": 0, "closed_postings": 0,
                      "observations": 0, "duplicate_lines": 0, "rescraped_postings": 0,
                      "reopened_postings": 0}
        self.warnings: list = []

    def packed(self):
        """Picklable, compact form: (key, role, [bytes per batch], [line count per batch],
        truth bytes, stats, warnings)."""
        return (self.key, self.role,
                ["".join(x).encode("utf-8") for x in self.batch_lines],
                [len(x) for x in self.batch_lines],
                "".join(self.truth_lines).encode("utf-8"), self.stats, self.warnings)


_WORKER_GEN = None


def _start_method() -> str:
    """fork when this process runs a single thread (cheap, and safe then); spawn otherwise
    (e.g. inside a test session where DuckDB has started native threads)."""
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    forced = os.environ.get("JOB_MARKET_GENERATOR_START_METHOD")
    if forced in methods:
        return forced
    if "fork" in methods:
        try:
            if len(os.listdir("/proc/self/task")) == 1:
                return "fork"
        except OSError:
            pass
    return "spawn" if "spawn" in methods else methods[0]


def _worker_init(config):
    global _WORKER_GEN
    if _WORKER_GEN is None or _WORKER_GEN.config != config:
        _WORKER_GEN = Generator(*config)


def _worker_spec(index):
    return _WORKER_GEN.render_spec(index)


class Generator:
    def __init__(self, out_dir, seed=42, calibration="article", scale=1.0,
                 description_chars=600, taxonomy: Optional[Taxonomy] = None):
        self.out = Path(out_dir)
        self.seed = int(seed)
        self.calibration = calibration
        self.scale = float(scale)
        self.description_chars = int(description_chars)
        self.tax = taxonomy or Taxonomy()
        self.bank = TextBank(self.tax)
        self.pools = Pools(self.tax)
        self.specs = cal.build_specs(calibration, self.seed)
        self.rng = random.Random(f"job-market:{self.seed}:{calibration}:batches")
        self.batches = plan_batches(self.rng)
        self.batch_dates = [b.date for b in self.batches]
        # first batch scraped strictly after each possible posting day
        self.first_batch_after = [bisect.bisect_right(self.batch_dates, d) for d in POSTED_DAYS]
        self.last_posted_idx = max(i for i, d in enumerate(POSTED_DAYS)
                                   if d < self.batch_dates[-1])
        for b in self.batches:
            b.prefix = b.start.strftime("%Y-%m-%d")
            b.sod = b.start.hour * 3600 + b.start.minute * 60 + b.start.second
        self.ids = IdFactory(self.seed)
        if len(self.specs) * IdFactory.GH_STRIDE > 10_000_000 or \
                len(self.specs) * IdFactory.LI_STRIDE > 100_000_000:
            raise GenerationError("too many role groups for the id ranges")
        self.config = (str(out_dir), self.seed, calibration, self.scale, self.description_chars)
        self.encode = json.JSONEncoder(ensure_ascii=False).encode
        # filler sentences in a fixed, seed-dependent order; descriptions take a run of them
        self.filler_seq = list(GENERAL_FILLER)
        random.Random(f"job-market:{self.seed}:filler").shuffle(self.filler_seq)
        if any("&" in x or "<" in x for x in self.filler_seq):
            raise GenerationError("filler sentences must not need HTML escaping")
        # the filler, repeated, joined once; pos[i] = offset of sentence i (pos[-1] = len + 1)
        self.fill_n = len(self.filler_seq)
        cycle = sum(len(x) + 1 for x in self.filler_seq)
        reps = 2 + self.description_chars // max(1, cycle)
        seq = self.filler_seq * reps
        self.fill_text = " ".join(seq)
        self.fill_pos = []
        o = 0
        for x in seq:
            self.fill_pos.append(o)
            o += len(x) + 1
        self.fill_pos.append(o)
        self.cur: Optional[SpecOutput] = None
        for spec in self.specs:
            fam = spec.title_family
            if fam.startswith("unrelated:"):
                continue
            levels = {l for l, w in spec.other_level_weights if w} | {"entry", "senior", "staff"}
            unsupported = levels - self.pools.supported_levels(fam)
            if unsupported:
                # drop unsupported levels from the weights (they have no title form)
                spec.other_level_weights = tuple(
                    (l, w) for l, w in spec.other_level_weights if l not in unsupported)

    # ---- main loop -----------------------------------------------------------------------
    def run(self, workers: int = 1) -> dict:
        t0 = time.time()
        raw = self.out / "raw"
        truth = self.out / "truth"
        raw.mkdir(parents=True, exist_ok=True)
        truth.mkdir(parents=True, exist_ok=True)
        # Files are written under temporary names, then swapped in, except where the old file
        # holds the very same bytes: it is kept untouched (same mtime), so generating the same
        # seed again lands nothing new and the next `job-market build` has nothing to do.
        wanted = {b.name for b in self.batches}
        for old in raw.glob("batch_*.jsonl*"):
            if old.name not in wanted:
                old.unlink()
        # (temporary files live in a folder of their own: creating them would change the raw
        # folder's mtime, which `job-market build` counts as a landing)
        partials = self.out / ".partial"
        shutil.rmtree(partials, ignore_errors=True)
        partials.mkdir()
        counts = {"postings": 0, "active_postings": 0, "closed_postings": 0, "observations": 0,
                  "duplicate_lines": 0, "rescraped_postings": 0, "reopened_postings": 0}
        by_role: dict = {}
        warnings: list = []
        line_counts = [0] * len(self.batches)
        indices = list(range(len(self.specs)))
        workers = max(1, min(int(workers), len(indices)))
        pool = None
        global _WORKER_GEN
        if workers > 1:
            # workers render whole specs; results come back in spec order, so the bytes written
            # do not depend on the number of workers. The pool starts before any output file
            # is opened (forked workers inherit no open writers).
            import multiprocessing as mp
            ctx = mp.get_context(_start_method())
            _WORKER_GEN = self
            pool = ctx.Pool(workers, initializer=_worker_init, initargs=(self.config,))
        handles = []
        try:
            for b in self.batches:
                fh = open(partials / b.name, "wb")
                gz = gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0,
                                   compresslevel=1) if b.gz else None
                handles.append((fh, gz))
            if pool is None:
                results = (self.render_spec(i) for i in indices)
            else:
                results = pool.imap(_worker_spec, indices, chunksize=1)
            with open(truth / "postings_truth.jsonl", "wb") as tfh:
                for key, role, chunks, nlines, truth_bytes, stats, warns in results:
                    for bi, data in enumerate(chunks):
                        if data:
                            fh, gz = handles[bi]
                            (gz or fh).write(data)
                        line_counts[bi] += nlines[bi]
                    tfh.write(truth_bytes)
                    for k, v in stats.items():
                        counts[k] += v
                    r = by_role.setdefault(role or "(none)", {"active": 0, "closed": 0})
                    r["active"] += stats["active_postings"]
                    r["closed"] += stats["closed_postings"]
                    warnings.extend(warns)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
                _WORKER_GEN = None
            for fh, gz in handles:
                if gz is not None:
                    gz.close()
                fh.close()
        for b in self.batches:
            _land(partials / b.name, raw / b.name)
        partials.rmdir()
        elapsed = time.time() - t0
        counts["by_role"] = by_role
        manifest = {
            "generator_version": GENERATOR_VERSION,
            "seed": self.seed,
            "calibration": self.calibration,
            "scale": self.scale,
            "description_chars": self.description_chars,
            "counts": counts,
            "files": [{"name": b.name, "lines": line_counts[i], "gzip": b.gz,
                       "scrape_date": b.date.isoformat()} for i, b in enumerate(self.batches)],
            "warnings": warnings,
        }
        with open(truth / "manifest.json", "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2, sort_keys=True)
            f.write("\n")
        summary = dict(manifest)
        summary["out_dir"] = str(self.out)
        summary["elapsed_seconds"] = round(elapsed, 3)
        summary["workers"] = workers
        return summary

    # ---- one spec ------------------------------------------------------------------------
    def render_spec(self, index: int):
        """Render spec ``index`` into memory (deterministic on its own)."""
        spec = self.specs[index]
        self.ids.start_spec(index)
        self.cur = out = SpecOutput(len(self.batches), spec.key, spec.role)
        n_active = spec.scaled_n(self.scale)
        n_closed = cal.round_half_away(cal.frac(spec.closed_share) * n_active)
        rng = random.Random(f"job-market:{self.seed}:{self.calibration}:{spec.key}")
        postings = []
        for active, n in ((True, n_active), (False, n_closed)):
            if n <= 0:
                continue
            gc = cal.group_counts(spec, n, with_premium=active and spec.exact)
            postings.extend(self._assign_group(rng, spec, gc, active, len(postings)))
        rng.shuffle(postings)
        rnd = rng.random
        for p in postings:
            self._render_and_write(rnd, spec, p)
        self.cur = None
        return out.packed()

    def _assign_group(self, rng, spec, gc: cal.GroupCounts, active, offset):
        n = gc.n
        ps = [Posting(offset + i, active) for i in range(n)]
        unrelated = spec.role is None
        for p, c in zip(ps, _exact_list(rng, gc.countries, n)):
            p.country = c
        for p, l in zip(ps, _exact_list(rng, gc.levels, n)):
            p.level = None if unrelated else l
        for p, a in zip(ps, _exact_list(rng, gc.arrangements, n)):
            p.arr = a
        # salary classes among US postings -----------------------------------------------------
        us = [p for p in ps if p.country == "US"]
        rng.shuffle(us)
        salaried = us[:gc.us_salaried]
        traps = us[gc.us_salaried:gc.us_salaried + gc.us_traps]
        for p in us[gc.us_salaried + gc.us_traps:]:
            p.salary_class = "none"
        for p in traps:
            p.salary_class = "trap"
        for p in salaried:
            p.salary_class = "us"
        for p in ps:
            if p.country != "US":
                p.salary_class = "local" if (p.country is not None and
                                             rng.random() < spec.nonus_salaried_share) else "none"
        # salary values with an exact median --------------------------------------------------
        self._assign_us_salaries(rng, spec, salaried)
        # skills ------------------------------------------------------------------------------
        premium = {s: (k, t) for s, k, t in gc.premium}
        sal_set = salaried
        sal_ids = {p.idx for p in salaried}
        comp = [p for p in ps if p.idx not in sal_ids]
        locked: set = set()
        cap = spec.other_skill_median_cap if gc.premium else None
        # premium skills first: their centres change salaries, which the capped medians of the
        # other skills must already see
        ordered = [sc for sc in gc.skills if sc[0] in premium] + \
                  [sc for sc in gc.skills if sc[0] not in premium]
        for skill, count in ordered:
            if skill in premium:
                k, target = premium[skill]
                chosen = self._premium_pick(rng, spec, skill, k, target, sal_set, locked)
                rest = count - len(chosen)
                if rest > len(comp):
                    raise GenerationError(f"{spec.key}/{skill}: not enough postings")
                chosen += rng.sample(comp, max(0, rest))
            else:
                chosen = rng.sample(ps, count)
                if cap is not None:
                    chosen = self._cap_skill_median(rng, spec, skill, chosen, salaried, sal_ids, cap)
            for p in chosen:
                p.skills.append(skill)
        # render the salary fields now that exact values are fixed ---------------------------
        for p in ps:
            self._render_salary(rng, spec, p)
        return ps

    def _assign_us_salaries(self, rng, spec, salaried):
        n = len(salaried)
        if n == 0:
            return
        M = spec.salary_median
        centers = 2 if n % 2 == 0 else 1
        half = (n - centers) // 2
        values = [M] * centers
        below = [_draw_side(rng, M, spec.salary_sigma, spec.salary_clip, -1) for _ in range(half)]
        above = [_draw_side(rng, M, spec.salary_sigma, spec.salary_clip, +1) for _ in range(half)]
        # seniority-correlated: sort postings by a noisy level score, values ascending
        score = {}
        for p in salaried:
            base = LEVEL_SALARY_SCORE.get(p.level or "unspecified", 2.3)
            score[p.idx] = base + rng.gauss(0.0, 1.6)
        ordered = sorted(salaried, key=lambda p: (score[p.idx], p.idx))
        vals = sorted(below) + values + sorted(above)
        for p, v in zip(ordered, vals):
            # render now (hourly/monthly rounding may move the value a little: keep the side)
            hourly = rng.random() < spec.hourly_share and v != M
            for attempt in range(3):
                fields = render_usd_value(rng, v, hourly and attempt == 0) if v != M \
                    else render_usd_exact(rng, v)
                usd = self.tax.salary_usd_annual(fields)
                if usd is not None and ((v < M and usd < M) or (v > M and usd > M) or
                                        (v == M and usd == M)):
                    break
            else:
                fields = render_usd_exact(rng, v)
                usd = self.tax.salary_usd_annual(fields)
            p.salary = fields
            p.usd = usd

    def _cap_skill_median(self, rng, spec, skill, chosen, salaried, sal_ids, cap):
        """Re-draw the US-salaried part of a non-premium skill until its median salary is below
        ``cap`` (the lowest premium target), so the premium skills stay the top-paying ones."""
        inside = [p for p in chosen if p.idx in sal_ids]
        if not inside:
            return chosen
        outside = [p for p in chosen if p.idx not in sal_ids]

        def median(ps):
            v = sorted(p.usd for p in ps)
            n = len(v)
            return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2.0

        k = len(inside)
        for _ in range(30):
            if median(inside) < cap:
                return outside + inside
            inside = rng.sample(salaried, k)
        # constructive: a strict majority below the role median
        M = spec.salary_median
        below = [p for p in salaried if p.usd < M]
        rest = [p for p in salaried if p.usd >= M]
        nb = min(len(below), k // 2 + 1)
        inside = rng.sample(below, nb) + rng.sample(rest, k - nb)
        if median(inside) >= cap:
            self.cur.warnings.append(f"{spec.key}/{skill}: median cap not met")
        return outside + inside

    def _premium_pick(self, rng, spec, skill, k, target, salaried, locked):
        M = spec.salary_median
        centers_needed = 2 if k % 2 == 0 else 1
        half = (k - centers_needed) // 2
        if target <= M:
            raise GenerationError(f"{spec.key}/{skill}: premium target {target} not above median {M}")
        cand = [p for p in salaried if p.usd > M and p.idx not in locked]
        if len(cand) < centers_needed:
            self.cur.warnings.append(f"{spec.key}/{skill}: no centre postings")
            return []
        centers = rng.sample(cand, centers_needed)
        for c in centers:
            c.salary = render_usd_exact(rng, target)
            c.usd = self.tax.salary_usd_annual(c.salary)
            if c.usd != float(target):
                raise GenerationError(f"exact salary form failed for {target}: {c.salary}")
            locked.add(c.idx)
        cids = {c.idx for c in centers}
        above = [p for p in salaried if p.usd > target and p.idx not in cids]
        below = [p for p in salaried if p.usd < target and p.idx not in cids]
        if len(above) < half or len(below) < half:
            self.cur.warnings.append(
                f"{spec.key}/{skill}: only {len(above)} above / {len(below)} below for n={k}")
            half = min(half, len(above), len(below))
        picked = rng.sample(above, half) + rng.sample(below, half)
        for p in picked:
            locked.add(p.idx)
        return centers + picked

    def _render_salary(self, rng, spec, p: Posting):
        cls = p.salary_class
        if cls == "us":
            return  # already rendered
        if cls == "trap":
            p.salary = rng.choice(US_TRAPS)(rng)
            p.usd = self.tax.salary_usd_annual(p.salary)
            if p.usd is not None:
                raise GenerationError(f"salary trap is usable: {p.salary}")
            return
        if cls == "local":
            cur = COUNTRY_CURRENCY.get(p.country, "USD")
            rate = self.tax.usd_per_unit[cur]
            v = spec.salary_median * COUNTRY_PAY_FACTOR.get(p.country, 0.6) * math.exp(
                rng.gauss(0.0, spec.salary_sigma))
            p.salary = render_local(rng, v, cur, rate)
            p.usd = self.tax.salary_usd_annual(p.salary)
            return
        r = rng.random()
        if r < 0.62:
            p.salary = None
        else:
            p.salary = {"salary": rng.choice(NO_PAY_TEXTS)}
        p.usd = None

    # ---- rendering ---------------------------------------------------------------------------
    def _title(self, rnd, spec, p: Posting):
        fam = spec.title_family
        if fam.startswith("unrelated:"):
            t = _pick(rnd, self.pools.unrelated[fam.split(":", 1)[1]])
            board = _pick(rnd, BOARD_VALUES_ANY) if rnd() < 0.2 else None
            return t, board
        level = p.level
        board = None
        title_pool = self.pools.titles.get((fam, level))
        can_board = level in BOARD_FORMS
        if level == "unspecified":
            title = _pick(rnd, self.pools.titles[(fam, "plain")])
            if rnd() < 0.08:
                board = "Not Applicable"
        elif can_board and (not title_pool or rnd() < BOARD_FORM_PROB[level]):
            title = _pick(rnd, self.pools.titles[(fam, "plain")])
            board = _pick(rnd, BOARD_FORMS[level])
        else:
            if not title_pool:
                raise GenerationError(f"no title form for {fam}/{level}")
            title = _pick(rnd, title_pool)
            if rnd() < 0.25:
                board = _pick(rnd, BOARD_VALUES_ANY)  # may contradict: the title decides
        r = rnd()
        if r < 0.07:
            title += _pick(rnd, TITLE_DECORATIONS)
        elif r < 0.11 and "remote" in p.arr:
            title += " (Remote)"
        elif r < 0.14 and p.country == "US":
            title += " - NYC"
        return title, board

    def _location(self, rnd, p: Posting, source: str):
        arr = p.arr
        c = p.country
        if arr == ("unspecified",):
            return _pick(rnd, self.pools.loc_plain[c]), None
        if len(arr) > 1:
            return _pick(rnd, self.pools.loc_plain[c]), _pick(rnd, WORKPLACE_FORMS[arr])
        kw = self.pools.loc_kw.get((c, arr[0]))
        if kw and rnd() >= USE_WORKPLACE_PROB[source]:
            loc = _pick(rnd, kw)
            wt = _pick(rnd, WORKPLACE_FORMS[arr]) if rnd() < 0.1 else None
            return loc, wt
        return _pick(rnd, self.pools.loc_plain[c]), _pick(rnd, WORKPLACE_FORMS[arr])

    def _skills_render(self, rnd, p: Posting, source: str):
        """-> (tags or None, [(skill, text display)])"""
        use_tags = rnd() < TAG_PROB[source]
        tags, text = [], []
        bank = self.bank
        impossible = bank.text_impossible
        for s in p.skills:
            if use_tags:
                r = rnd()
                to_tag = r < 0.75 or s in impossible
                to_text = r >= 0.5 and s not in impossible
            else:
                to_tag, to_text = s in impossible, s not in impossible
            if to_tag:
                tags.append(_pick(rnd, bank.tag_forms[s]))
            if to_text:
                text.append((s, _pick(rnd, bank.text_forms[s])))
        if not use_tags:
            return None, text
        if rnd() < 0.3:
            tags.append(_pick(rnd, NOISE_TAGS))
        _shuffle(rnd, tags)
        return tags, text

    def _mention_block(self, rnd, displays: list, single: bool):
        """Paragraph naming the given displays, and the tokens of the mention text."""
        ms = list(displays)
        _shuffle(rnd, ms)
        if single:
            items = [SINGLE_MENTION_TEMPLATE.format(m) for m in ms]
            kind = "p"
        elif rnd() < 0.4:
            items = [_pick(rnd, BULLET_TEMPLATES).format(m) for m in ms]
            kind = "ul"
        else:
            items = []
            i = 0
            while i < len(ms):
                k = min(len(ms) - i, 1 + int(rnd() * 4))
                chunk = ms[i:i + k]
                i += k
                if len(chunk) == 1:
                    lst = chunk[0]
                elif rnd() < 0.7:
                    lst = ", ".join(chunk[:-1]) + " and " + chunk[-1]
                else:
                    lst = ", ".join(chunk)
                items.append(_pick(rnd, MENTION_TEMPLATES).format(lst))
            kind = "p"
        # adjacent displays (comma lists, bare bullets) that could form a longer alias together
        bank = self.bank
        risky = False
        if not single and len(ms) > 1:
            rl, rf = bank.risky_last, bank.risky_first
            for a, b in zip(ms, ms[1:]):
                if a in rl and b in rf:
                    risky = True
                    break
        return (kind, items), risky

    def _description(self, rnd, group: str, mention_para, trap: Optional[str], js_trap: bool):
        """Intro, filler (pre-verified: no alias, safe boundaries), the mention paragraph and
        the optional trap sentences, about ``description_chars`` long."""
        intro = _pick(rnd, INTROS[group])
        fam = _pick(rnd, FAMILY_FILLER[group])
        size = len(intro) + len(fam) + 1
        if mention_para is not None:
            size += sum(len(s) + 10 for s in mention_para[1])
        need = self.description_chars - size
        first = [intro, fam]
        rest = None
        if need > 0:
            # a run of whole filler sentences from the pre-joined filler text
            pos, text = self.fill_pos, self.fill_text
            j = int(rnd() * self.fill_n)
            start = pos[j]
            end = min(bisect.bisect_left(pos, start + need, j), len(pos) - 1)
            cut = j + int(rnd() * (end - j + 1)) // 2
            if cut > j:
                first.append(text[start:pos[cut] - 1])
            if end > cut:
                rest = text[pos[cut]:pos[end] - 1]
        paras = [("p", first)]
        if trap:
            paras.append(("p", [trap]))
        if mention_para is not None:
            paras.append(mention_para)
        if js_trap:
            paras.append(("p", [JAVASCRIPT_TRAP]))
        if rest:
            paras.append(("p", [rest]))
        return paras

    @staticmethod
    def _render_paras(paras, html) -> str:
        """html: False (plain text), "p" (<p>/<ul><li> blocks) or "br" (<br> line breaks).
        Every tag touches whitespace or text that is not part of a token on one side, so
        dropping tags (with or without a space) never glues two words together."""
        if html == "p":
            out = []
            for kind, items in paras:
                if kind == "ul":
                    out.append("<ul>\n" + "\n".join("<li>" + s.replace("&", "&amp;") + "</li>"
                                                     for s in items) + "\n</ul>")
                else:
                    out.append("<p>" + " ".join(items).replace("&", "&amp;") + "</p>")
            return "\n".join(out)
        if html == "br":
            out = []
            for kind, items in paras:
                if kind == "ul":
                    out.append("<br>\n".join("\u2022 " + s.replace("&", "&amp;") for s in items))
                else:
                    out.append(" ".join(items).replace("&", "&amp;"))
            return "<br><br>\n".join(out)
        out = []
        for kind, items in paras:
            if kind == "ul":
                out.append("\n".join("- " + s for s in items))
            else:
                out.append(" ".join(items))
        return "\n\n".join(out)

    def _render_and_write(self, rnd, spec, p: Posting):
        tax = self.tax
        source = SOURCES[bisect.bisect_right(SOURCE_CUM, rnd())]
        pid = self.ids.next(source)
        title, board = self._title(rnd, spec, p)
        location, wt = self._location(rnd, p, source)
        company = _pick(rnd, COMPANIES)
        tags, mentions = self._skills_render(rnd, p, source)
        html = source in ("greenhouse", "workday") or (source == "lever" and rnd() < 0.5) \
            or rnd() < 0.15
        if html:
            html = "br" if rnd() < 0.2 else "p"
        description = None
        text_expected = set()
        if mentions or rnd() < 0.95:
            js_trap = ("JavaScript" in p.skills and "Java" in p.skills and rnd() < 0.5)
            if js_trap:
                # the deliberate "JavaScript, not Java" sentence (both skills are intended)
                mentions = [(sk, m) for sk, m in mentions if sk not in ("Java", "JavaScript")]
                text_expected = {"Java", "JavaScript"}
            mention_skills = {sk for sk, _ in mentions}
            text_expected |= mention_skills
            para = None
            if mentions:
                displays = [m for _, m in mentions]
                para, risky = self._mention_block(rnd, displays, False)
                if risky:
                    # boundary tokens left out: the items checked as one run of words, as if
                    # nothing lay between them. Every rendering separates them (commas, "- "
                    # markers, bullets, <li> line breaks), so this is stricter than needed; kept
                    # so the generated data stays as it was before separators counted
                    toks = []
                    for it in para[1]:
                        toks.extend(t for t in skill_tokens(it.replace("&", " ")) if t != SKILL_BOUNDARY)
                    if tax.text_skills_from_tokens(toks) != mention_skills:
                        # neighbouring mentions formed another alias: one mention per sentence
                        para, _ = self._mention_block(rnd, displays, True)
            trap = _pick(rnd, TRAP_SENTENCES) if rnd() < 0.18 else None
            group = FAMILY_GROUP.get(spec.title_family, "other")
            paras = self._description(rnd, group, para, trap, js_trap)
            description = self._render_paras(paras, html)
        elif mentions:
            raise GenerationError("skills to mention but no description")
        # classify the final observation (truth) and check the intent -------------------------
        role = tax.classify_role(title)
        level = tax.classify_level(title, board)
        country = tax.classify_country(location)
        arrs = tax.classify_arrangements(wt, location)
        skills = set(text_expected)
        if tags:
            for t in tags:
                s = tax.tag_skill(t)
                if s:
                    skills.add(s)
        if role != spec.role:
            raise GenerationError(f"{title!r}: role {role} != {spec.role}")
        if p.level is not None and level != p.level:
            raise GenerationError(f"{title!r}/{board!r}: level {level} != {p.level}")
        if country != p.country:
            raise GenerationError(f"{location!r}: country {country} != {p.country}")
        if arrs != p.arr:
            raise GenerationError(f"{wt!r}/{location!r}: arrangements {arrs} != {p.arr}")
        if len(skills) != len(p.skills) or not skills.issuperset(p.skills):
            raise GenerationError(f"skills {sorted(skills)} != {sorted(p.skills)}")
        # dates and observations -----------------------------------------------------------------
        pidx = draw_posted_day(rnd, spec.growth)
        nb = len(self.batches)
        first_ok = self.first_batch_after[pidx]
        if first_ok >= nb:
            pidx = self.last_posted_idx
            first_ok = self.first_batch_after[pidx]
        eligible = nb - first_ok
        r = rnd()
        k = min(1 if r < 0.75 else (2 if r < 0.93 else 3), eligible)
        if k == 1:
            chosen = [first_ok + int(rnd() * eligible)]
        else:
            chosen = sorted(_sample(rnd, range(first_ok, nb), k))
        pr = rnd()
        pday = POSTED_DAY_STR[pidx]
        if pr < 0.08:
            posted_at = None
        elif pr < 0.68:
            posted_at = pday
        elif pr < 0.88:
            posted_at = f"{pday}T{int(rnd() * 24):02d}:{int(rnd() * 60):02d}:00Z"
        else:
            posted_at = f"{pday} {int(rnd() * 24):02d}:{int(rnd() * 60):02d}:00"
        er = rnd()
        if level == "intern" and er < 0.7:
            employment = "Internship"
        elif er < 0.06:
            employment = "Contract"
        elif er < 0.08:
            employment = "Part-time"
        elif er < 0.12:
            employment = "Full time"
        else:
            employment = "Full-time"
        if p.active:
            status = None if rnd() < 0.5 else _pick(rnd, ("active", "Active", "ACTIVE"))
        else:
            status = _pick(rnd, ("closed", "Closed", "expired", "closed"))
        final = {"posting_id": pid, "source": source, "scraped_at": None}
        if posted_at is not None:
            final["posted_at"] = posted_at
        if status is not None:
            final["status"] = status
        final["title"] = title
        final["company"] = company
        final["location"] = location
        if wt is not None:
            final["workplace_type"] = wt
        final["employment_type"] = employment
        if board is not None:
            final["seniority"] = board
        if p.salary:
            final.update(p.salary)
        if tags is not None:
            final["skills"] = tags
        if description is not None:
            final["description"] = description
        usd = tax.salary_usd_annual(final) if p.salary else None
        if usd != p.usd:
            raise GenerationError(f"salary {usd} != intended {p.usd}: {p.salary}")
        obs_list = []
        last = len(chosen) - 1
        for j, bi in enumerate(chosen):
            b = self.batches[bi]
            o = final.copy() if j == last else self._earlier(rnd, final, p)
            o["scraped_at"] = render_batch_time(rnd, b, int(rnd() * 3600))
            obs_list.append((b, o))
        cur = self.cur
        stats = cur.stats
        if last > 0:
            stats["rescraped_postings"] += 1
            if p.active and any((o.get("status") or "active").lower() != "active"
                                for _, o in obs_list[:-1]):
                stats["reopened_postings"] += 1
        enc = self.encode
        explicit_null = rnd() < 0.03
        for b, o in obs_list:
            if explicit_null:
                for k in ("seniority", "workplace_type", "posted_at"):
                    o.setdefault(k, None)
            line = enc(o) + "\n"
            lines = cur.batch_lines[b.index - 1]
            lines.append(line)
            stats["observations"] += 1
            if rnd() < 0.003:
                lines.append(line)
                stats["duplicate_lines"] += 1
                stats["observations"] += 1
        truth = {
            "source": source, "posting_id": pid, "is_active": p.active, "role": role,
            "seniority_level": level, "country_code": country,
            "work_arrangements": list(arrs), "skills": sorted(skills),
            "salary_usd_annual": usd,
            "posted_date": None if posted_at is None else posted_at[:10],
        }
        cur.truth_lines.append(enc(truth) + "\n")
        stats["postings"] += 1
        if p.active:
            stats["active_postings"] += 1
        else:
            stats["closed_postings"] += 1

    def _earlier(self, rnd, final: dict, p: Posting) -> dict:
        o = final.copy()
        r = rnd()
        if not p.active:
            if r < 0.4:
                o.pop("status", None)
            elif r < 0.85:
                o["status"] = _pick(rnd, ("active", "Active"))
        elif r < 0.05:
            o["status"] = _pick(rnd, ("closed", "Closed"))       # closed, then reopened
        if rnd() < 0.3:
            for k in ("salary", "salary_min", "salary_max", "salary_currency", "salary_period"):
                o.pop(k, None)
            if rnd() < 0.5:
                v = _pick(rnd, (95000, 120000, 135000, 160000, 210000))
                o["salary"] = f"${fmt_int(v - 10000)} - ${fmt_int(v + 10000)} a year"
        if rnd() < 0.1 and o.get("skills"):
            o["skills"] = o["skills"][:-1]
        if rnd() < 0.1:
            wt = _pick(rnd, ("Remote", "Hybrid", "On-site", None))
            if wt is None:
                o.pop("workplace_type", None)
            else:
                o["workplace_type"] = wt
        return o


# =============================================================================================
# Public API and CLI
# =============================================================================================

def default_workers() -> int:
    env = os.environ.get("JOB_MARKET_GENERATOR_WORKERS")
    if env:
        return max(1, int(env))
    return max(1, min(4, os.cpu_count() or 1))


def generate(out_dir, seed: int = 42, calibration: str = "article", scale: float = 1.0,
             description_chars: int = 600, workers: Optional[int] = None) -> dict:
    """Write raw batches and the truth files under ``out_dir``; returns a summary dict."""
    if calibration not in ("article", "random"):
        raise ValueError("calibration must be 'article' or 'random'")
    if scale <= 0:
        raise ValueError("scale must be positive")
    gen = Generator(out_dir, seed=seed, calibration=calibration, scale=scale,
                    description_chars=description_chars)
    return gen.run(workers=default_workers() if workers is None else workers)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """Generator options (everything but --out) for an argparse parser."""
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--calibration", choices=("article", "random"), default="article",
                    help="article: reproduce the reference article exactly; random: proportions "
                         "drawn from the seed")
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies every posting count")
    ap.add_argument("--description-chars", type=int, default=600,
                    help="approximate description length in characters")
    ap.add_argument("--workers", type=int, default=None,
                    help="worker processes (default: min(4, CPUs); output is identical for any "
                         "value)")


def generate_from_args(out_dir, args) -> dict:
    return generate(out_dir, seed=args.seed, calibration=args.calibration, scale=args.scale,
                    description_chars=args.description_chars,
                    workers=getattr(args, "workers", None))


def format_summary(summary: dict) -> str:
    c = summary["counts"]
    lines = [f"wrote {c['postings']:,} postings ({c['active_postings']:,} active, "
             f"{c['closed_postings']:,} closed), {c['observations']:,} observations in "
             f"{len(summary['files'])} files under {summary['out_dir']}/raw "
             f"in {summary['elapsed_seconds']} s (seed {summary['seed']}, "
             f"calibration {summary['calibration']}, scale {summary['scale']})"]
    for w in summary.get("warnings", []):
        lines.append("warning: " + w)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m job_market.generator",
        description="Generate raw job-posting scrape batches plus their ground truth.")
    ap.add_argument("--out", required=True, help="output directory (raw/ and truth/ go inside)")
    add_arguments(ap)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    summary = generate_from_args(args.out, args)
    if not args.quiet:
        print(format_summary(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

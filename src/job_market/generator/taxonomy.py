"""The seeds in seeds/taxonomies plus the warehouse's classification rules, in Python."""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Optional

from .errors import GenerationError
from .salary_text import parse_salary_text, period_from_text, to_float
from .textkeys import blank, fold_accents, html_to_text, skill_tokens, text_match_key

_LOC_PART_RE = re.compile(r"[^,()/|;\u2013\u2014-]+")
_LOC_NON_KEY = re.compile(r"[^a-z&]+")
_LOC_STRIP_RE = re.compile(
    r" (remote|hybrid|on +site|onsite|in +office|anywhere|worldwide|global|wfh|work +from +home|only"
    r"|based|greater|area|metro|metropolitan|region|hq|headquarters|office|first|in) "
)
_SPACES = re.compile(r" +")


def seeds_dir() -> Path:
    """The taxonomy seeds: $JOB_MARKET_SEEDS_DIR, else this project's seeds/taxonomies."""
    env = os.environ.get("JOB_MARKET_SEEDS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "seeds" / "taxonomies"


class Taxonomy:
    """Seeds plus the warehouse's matching rules, implemented in Python."""

    def __init__(self, directory: Optional[Path] = None):
        d = Path(directory) if directory else seeds_dir()
        self.dir = d

        def rows(name):
            with open(d / name, newline="", encoding="utf-8") as f:
                return list(csv.DictReader(f))

        role_rows = rows("roles.csv")
        self.roles = [r["role"] for r in role_rows]
        self.role_by_slug = {r["role_slug"]: r["role"] for r in role_rows}
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
            bkey = " " if blank(board) else text_match_key(board.strip())
            for _, name, pat in self.board_levels:
                if pat.search(bkey):
                    level = name
                    break
        level = level or "unspecified"
        self._level_cache[ck] = level
        return level

    # ---- location -------------------------------------------------------------------------
    def classify_country(self, location: Optional[str]) -> Optional[str]:
        if blank(location):
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
        if blank(text):
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
        smin, smax = to_float(obs.get("salary_min")), to_float(obs.get("salary_max"))
        text = obs.get("salary")
        text = None if blank(text) else text.strip()
        if smin is not None or smax is not None:
            lo = smin if smin is not None else smax
            hi = smax if smax is not None else smin
            cur = obs.get("salary_currency")
            cur = None if blank(cur) else cur.strip().upper()
            tcur = self._parse_text(text)[2] if text else None
            cur = cur or tcur
            pf = obs.get("salary_period")
            period = None if blank(pf) else period_from_text(pf.strip())
            if period is None and text:
                period = self._parse_text(text)[3]
        elif text is not None:
            lo, hi, cur, period = self._parse_text(text)
            if lo is None:
                return None
            scur, spf = obs.get("salary_currency"), obs.get("salary_period")
            cur = cur or (None if blank(scur) else scur.strip().upper())
            period = period or (None if blank(spf) else period_from_text(spf.strip())) or "year"
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

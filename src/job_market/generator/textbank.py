"""The description text pieces, checked against a Taxonomy, and every skill's text and tag spellings."""
from __future__ import annotations

from .errors import GenerationError
from .taxonomy import Taxonomy
from .textkeys import skill_tokens
from .vocab import (BULLET_TEMPLATES, FAMILY_FILLER, GENERAL_FILLER, INTROS, JAVASCRIPT_TRAP,
                    MENTION_TEMPLATES, NOISE_TAGS, SINGLE_MENTION_TEMPLATE, TAG_PRETTY,
                    TEXT_ALIAS_EXCLUDE, TEXT_DISPLAY, TRAP_SENTENCES)


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


"""Posting descriptions: intro, filler, the skill mentions and trap sentences, as text or HTML."""
from __future__ import annotations

import bisect
import random
from typing import Optional

from .draws import pick, shuffle
from .errors import GenerationError
from .textbank import TextBank
from .textkeys import SKILL_BOUNDARY, skill_tokens
from .vocab import (BULLET_TEMPLATES, FAMILY_FILLER, GENERAL_FILLER, INTROS, JAVASCRIPT_TRAP,
                    MENTION_TEMPLATES, SINGLE_MENTION_TEMPLATE, TRAP_SENTENCES)


class DescriptionWriter:
    """Writes descriptions of about ``description_chars`` characters from verified pieces."""

    def __init__(self, bank: TextBank, description_chars: int, seed: int):
        self.bank = bank
        self.tax = bank.tax
        self.description_chars = description_chars
        # filler sentences in a fixed, seed-dependent order; descriptions take a run of them
        self.filler_seq = list(GENERAL_FILLER)
        random.Random(f"job-market:{seed}:filler").shuffle(self.filler_seq)
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

    def write(self, rnd, skills: list, mentions: list, group: str, html) -> tuple:
        """(description, the skills its text names) for a posting meant to have ``skills``, whose
        text mentions ``mentions`` ([(skill, display)]); ``group`` picks intro and filler."""
        text_expected = set()
        js_trap = ("JavaScript" in skills and "Java" in skills and rnd() < 0.5)
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
                if self.tax.text_skills_from_tokens(toks) != mention_skills:
                    # neighbouring mentions formed another alias: one mention per sentence
                    para, _ = self._mention_block(rnd, displays, True)
        trap = pick(rnd, TRAP_SENTENCES) if rnd() < 0.18 else None
        paras = self._paragraphs(rnd, group, para, trap, js_trap)
        return self.render_paras(paras, html), text_expected

    def _mention_block(self, rnd, displays: list, single: bool):
        """Paragraph naming the given displays, and whether two neighbouring displays could
        form a longer alias together."""
        ms = list(displays)
        shuffle(rnd, ms)
        if single:
            items = [SINGLE_MENTION_TEMPLATE.format(m) for m in ms]
            kind = "p"
        elif rnd() < 0.4:
            items = [pick(rnd, BULLET_TEMPLATES).format(m) for m in ms]
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
                items.append(pick(rnd, MENTION_TEMPLATES).format(lst))
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

    def _paragraphs(self, rnd, group: str, mention_para, trap: Optional[str], js_trap: bool):
        """Intro, filler (pre-verified: no alias, safe boundaries), the mention paragraph and
        the optional trap sentences, about ``description_chars`` long."""
        intro = pick(rnd, INTROS[group])
        fam = pick(rnd, FAMILY_FILLER[group])
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
    def render_paras(paras, html) -> str:
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

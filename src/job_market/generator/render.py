"""One posting rendered: title, location, skills, salary and description, its observations and truth."""
from __future__ import annotations

import bisect
import json

from .assign import Posting
from .describe import DescriptionWriter
from .draws import pick, shuffle
from .errors import GenerationError
from .ids import IdFactory
from .pools import Pools
from .schedule import Schedule
from .sources import SOURCE_CUM, SOURCES, TAG_PROB, USE_WORKPLACE_PROB
from .textbank import TextBank
from .taxonomy import Taxonomy
from .trends import RISING_SKILL, RISING_TAG, Trends
from .vocab import (BOARD_FORMS, BOARD_VALUES_ANY, COMPANIES, FAMILY_GROUP, NOISE_TAGS,
                    TITLE_DECORATIONS, WORKPLACE_FORMS)

# how often a level that the board field can state is stated there (on a plain title)
BOARD_FORM_PROB = {"intern": 0.25, "entry": 0.3, "mid": 0.55, "director": 0.04, "executive": 0.1}


class PostingRenderer:
    """Renders the postings of role groups into raw lines, checking every one against its intent."""

    def __init__(self, tax: Taxonomy, bank: TextBank, pools: Pools, ids: IdFactory,
                 schedule: Schedule, descriptions: DescriptionWriter):
        self.tax = tax
        self.bank = bank
        self.pools = pools
        self.ids = ids
        self.schedule = schedule
        self.descriptions = descriptions
        self.trends = Trends(tax)
        self.encode = json.JSONEncoder(ensure_ascii=False).encode

    def _title(self, rnd, spec, p: Posting):
        fam = spec.title_family
        if fam.startswith("unrelated:"):
            t = pick(rnd, self.pools.unrelated[fam.split(":", 1)[1]])
            board = pick(rnd, BOARD_VALUES_ANY) if rnd() < 0.2 else None
            return t, board
        level = p.level
        board = None
        title_pool = self.pools.titles.get((fam, level))
        can_board = level in BOARD_FORMS
        if level == "unspecified":
            title = pick(rnd, self.pools.titles[(fam, "plain")])
            if rnd() < 0.08:
                board = "Not Applicable"
        elif can_board and (not title_pool or rnd() < BOARD_FORM_PROB[level]):
            title = pick(rnd, self.pools.titles[(fam, "plain")])
            board = pick(rnd, BOARD_FORMS[level])
        else:
            if not title_pool:
                raise GenerationError(f"no title form for {fam}/{level}")
            title = pick(rnd, title_pool)
            if rnd() < 0.25:
                board = pick(rnd, BOARD_VALUES_ANY)  # may contradict: the title decides
        r = rnd()
        if r < 0.07:
            title += pick(rnd, TITLE_DECORATIONS)
        elif r < 0.11 and "remote" in p.arr:
            title += " (Remote)"
        elif r < 0.14 and p.country == "US":
            title += " - NYC"
        return title, board

    def _location(self, rnd, p: Posting, source: str):
        arr = p.arr
        c = p.country
        if arr == ("unspecified",):
            return pick(rnd, self.pools.loc_plain[c]), None
        if len(arr) > 1:
            return pick(rnd, self.pools.loc_plain[c]), pick(rnd, WORKPLACE_FORMS[arr])
        kw = self.pools.loc_kw.get((c, arr[0]))
        if kw and rnd() >= USE_WORKPLACE_PROB[source]:
            loc = pick(rnd, kw)
            wt = pick(rnd, WORKPLACE_FORMS[arr]) if rnd() < 0.1 else None
            return loc, wt
        return pick(rnd, self.pools.loc_plain[c]), pick(rnd, WORKPLACE_FORMS[arr])

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
                tags.append(pick(rnd, bank.tag_forms[s]))
            if to_text:
                text.append((s, pick(rnd, bank.text_forms[s])))
        if not use_tags:
            return None, text
        if rnd() < 0.3:
            tags.append(pick(rnd, NOISE_TAGS))
        shuffle(rnd, tags)
        return tags, text

    def render(self, rnd, spec, p: Posting, out) -> None:
        """Render posting ``p`` of ``spec``: its observations go to ``out``'s batch lines, its
        truth (read back from the rendered text and checked against the intent) to its truth
        lines."""
        tax = self.tax
        source = SOURCES[bisect.bisect_right(SOURCE_CUM, rnd())]
        pid = self.ids.next(source)
        title, board = self._title(rnd, spec, p)
        location, wt = self._location(rnd, p, source)
        company = pick(rnd, COMPANIES)
        tags, mentions = self._skills_render(rnd, p, source)
        html = source in ("greenhouse", "workday") or (source == "lever" and rnd() < 0.5) \
            or rnd() < 0.15
        if html:
            html = "br" if rnd() < 0.2 else "p"
        description, text_expected = None, set()
        if mentions or rnd() < 0.95:
            group = FAMILY_GROUP.get(spec.title_family, "other")
            description, text_expected = self.descriptions.write(rnd, p.skills, mentions, group, html)
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
        chosen, posted_at = self.schedule.draw(rnd, spec.growth)
        # the rising skill (trends.py): decided without drawing from rnd
        if self.trends.rising_tag(posted_at) and RISING_SKILL not in skills:
            tags = (tags or []) + [RISING_TAG]
            skills.add(RISING_SKILL)
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
            status = None if rnd() < 0.5 else pick(rnd, ("active", "Active", "ACTIVE"))
        else:
            status = pick(rnd, ("closed", "Closed", "expired", "closed"))
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
        obs_list = self.schedule.observations(rnd, final, p.active, chosen)
        # closing and reopening, an older title and pay (trends.py): earlier observations only
        if self.trends.reopen(source, pid, p.active, obs_list):
            out.trends["reopened"].append([source, pid])
        if self.trends.retitle(source, pid, p.active, final, board, obs_list):
            out.trends["retitled"].append([source, pid])
        last = len(obs_list) - 1
        stats = out.stats
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
            lines = out.batch_lines[b.index - 1]
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
        out.truth_lines.append(enc(truth) + "\n")
        stats["postings"] += 1
        if p.active:
            stats["active_postings"] += 1
        else:
            stats["closed_postings"] += 1

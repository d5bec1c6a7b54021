"""The intended final state of a group's postings: country, level, arrangement, salary, skills."""
from __future__ import annotations

import math

from .. import calibration as cal
from .errors import GenerationError
from .salary_render import (COUNTRY_CURRENCY, COUNTRY_PAY_FACTOR, NO_PAY_TEXTS, US_TRAPS,
                            render_local, render_usd_exact, render_usd_value)
from .taxonomy import Taxonomy

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


class GroupPlanner:
    """Assigns the postings of one role group exactly the counts its calibration asks for; what
    cannot be met goes to ``warnings``."""

    def __init__(self, tax: Taxonomy, warnings: list):
        self.tax = tax
        self.warnings = warnings

    def plan(self, rng, spec, gc: cal.GroupCounts, active, offset) -> list:
        """The ``gc.n`` postings of one group (active or closed), numbered from ``offset``."""
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
            self.warnings.append(f"{spec.key}/{skill}: median cap not met")
        return outside + inside

    def _premium_pick(self, rng, spec, skill, k, target, salaried, locked):
        M = spec.salary_median
        centers_needed = 2 if k % 2 == 0 else 1
        half = (k - centers_needed) // 2
        if target <= M:
            raise GenerationError(f"{spec.key}/{skill}: premium target {target} not above median {M}")
        cand = [p for p in salaried if p.usd > M and p.idx not in locked]
        if len(cand) < centers_needed:
            self.warnings.append(f"{spec.key}/{skill}: no centre postings")
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
            self.warnings.append(
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

"""When a posting was posted, which scrape batches saw it, and what the earlier ones saw."""
from __future__ import annotations

import bisect
import datetime as dt
import math

from .batches import render_batch_time
from .draws import pick, sample
from .salary_render import fmt_int

POSTED_START = dt.date(2025, 6, 1)
POSTED_END = dt.date(2026, 5, 15)
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


class Schedule:
    """Posting days and scrapes over one plan of scrape batches."""

    def __init__(self, batches: list):
        self.batches = batches
        batch_dates = [b.date for b in batches]
        # first batch scraped strictly after each possible posting day
        self.first_batch_after = [bisect.bisect_right(batch_dates, d) for d in POSTED_DAYS]
        self.last_posted_idx = max(i for i, d in enumerate(POSTED_DAYS) if d < batch_dates[-1])

    def draw(self, rnd, growth: float) -> tuple:
        """(sorted indices of the batches that saw a posting, its posted_at as written or None)."""
        pidx = draw_posted_day(rnd, growth)
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
            chosen = sorted(sample(rnd, range(first_ok, nb), k))
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
        return chosen, posted_at

    def observations(self, rnd, final: dict, active: bool, chosen: list) -> list:
        """[(batch, observation)] for the batches ``chosen``: earlier states, then ``final`` in
        the last one, each with its scraped_at."""
        obs_list = []
        last = len(chosen) - 1
        for j, bi in enumerate(chosen):
            b = self.batches[bi]
            o = final.copy() if j == last else self._earlier(rnd, final, active)
            o["scraped_at"] = render_batch_time(rnd, b, int(rnd() * 3600))
            obs_list.append((b, o))
        return obs_list

    @staticmethod
    def _earlier(rnd, final: dict, active: bool) -> dict:
        """An earlier observation: status, salary, skill tags or workplace type may differ."""
        o = final.copy()
        r = rnd()
        if not active:
            if r < 0.4:
                o.pop("status", None)
            elif r < 0.85:
                o["status"] = pick(rnd, ("active", "Active"))
        elif r < 0.05:
            o["status"] = pick(rnd, ("closed", "Closed"))       # closed, then reopened
        if rnd() < 0.3:
            for k in ("salary", "salary_min", "salary_max", "salary_currency", "salary_period"):
                o.pop(k, None)
            if rnd() < 0.5:
                v = pick(rnd, (95000, 120000, 135000, 160000, 210000))
                o["salary"] = f"${fmt_int(v - 10000)} - ${fmt_int(v + 10000)} a year"
        if rnd() < 0.1 and o.get("skills"):
            o["skills"] = o["skills"][:-1]
        if rnd() < 0.1:
            wt = pick(rnd, ("Remote", "Hybrid", "On-site", None))
            if wt is None:
                o.pop("workplace_type", None)
            else:
                o["workplace_type"] = wt
        return o

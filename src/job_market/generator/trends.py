"""History trends written into the generated data, for the warehouse's history and trend marts to
recover (python_tests/test_history.py). None of them touches a posting's latest observation except
the rising skill's tag, and that only for a role the reference article does not cover, so the
article's figures do not move.

* **A rising skill.** Postings of ``RISING_ROLE`` get ``RISING_SKILL`` as an extra skill tag in a
  share that grows by ``RISING_STEP`` each month of their posted date, from ``RISING_START`` in the
  first month (June 2025) up: 4 %, 10 %, 16 %, ... 70 % in May 2026. Within a role group the
  postings of each month are tagged in turn so that the month's share is exact up to rounding
  (a running count per month, not a coin toss: no month-to-month noise).
* **Postings that close and reopen.** Of the active postings scraped at least three times, about
  ``REOPEN_SHARE`` have every observation between the first and the last written ``closed``:
  active, closed, active again.
* **A posting that changes title and salary.** Of the active postings scraped at least twice whose
  pay is structured, annual, in USD and at least ``RETITLE_MIN_PAY``, about ``RETITLE_SHARE`` had, in their first observation,
  the title with ``RETITLE_SUFFIX`` appended (same role and level) and pay ``RETITLE_PAY_CUT``
  lower at both bounds.

Which postings are picked depends only on their (source, posting_id) through a hash, never on the
generator's random stream, so every other generated value is what it was before these trends.
The posting ids picked are listed under ``trends`` in truth/manifest.json.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import Optional

RISING_ROLE = "Data Engineer"
RISING_SKILL = "Apache Iceberg"
RISING_TAG = "Apache Iceberg"
RISING_FIRST_MONTH = dt.date(2025, 6, 1)
RISING_START = 0.04
RISING_STEP = 0.06
REOPEN_SHARE = 0.3
RETITLE_SHARE = 0.05
RETITLE_SUFFIX = ", Platform Team"
RETITLE_PAY_CUT = 10000
RETITLE_MIN_PAY = 30000


def _unit(*parts: str) -> float:
    """A uniform number in [0, 1) from the parts' text alone (deterministic, no random stream)."""
    digest = hashlib.sha256("\x1f".join(("job-market-trend",) + parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def rising_share(month: dt.date) -> float:
    """The share of ``RISING_ROLE`` postings posted in ``month`` that carry ``RISING_SKILL``."""
    index = (month.year - RISING_FIRST_MONTH.year) * 12 + month.month - RISING_FIRST_MONTH.month
    return min(1.0, max(0.0, RISING_START + RISING_STEP * index))


class Trends:
    """The trends of one role group being rendered (start_spec resets the monthly counts)."""

    def __init__(self, tax):
        self.tax = tax
        self.role = None
        self.seen: dict = {}
        self.tagged: dict = {}

    def start_spec(self, role: Optional[str]) -> None:
        self.role = role
        self.seen, self.tagged = {}, {}

    def rising_tag(self, posted_at: Optional[str]) -> bool:
        """Whether the posting being rendered (of the current role group) gets ``RISING_TAG``."""
        if self.role != RISING_ROLE or posted_at is None:
            return False
        month = dt.date(int(posted_at[:4]), int(posted_at[5:7]), 1)
        seen = self.seen[month] = self.seen.get(month, 0) + 1
        if self.tagged.get(month, 0) < round(rising_share(month) * seen):
            self.tagged[month] = self.tagged.get(month, 0) + 1
            return True
        return False

    def reopen(self, source: str, pid: str, active: bool, obs_list: list) -> bool:
        """Write ``closed`` into the middle observations of a picked posting; whether it was."""
        if not active or len(obs_list) < 3 or _unit("reopen", source, pid) >= REOPEN_SHARE:
            return False
        for _, o in obs_list[1:-1]:
            o["status"] = "closed"
        return True

    def retitle(self, source: str, pid: str, active: bool, final: dict, board, obs_list: list) -> bool:
        """Give a picked posting's first observation an older title and lower pay; whether it did."""
        if not active or len(obs_list) < 2 or _unit("retitle", source, pid) >= RETITLE_SHARE:
            return False
        lo, hi = final.get("salary_min"), final.get("salary_max")
        if not (isinstance(lo, int) and isinstance(hi, int) and lo >= RETITLE_MIN_PAY
                and final.get("salary_currency") == "USD"
                and final.get("salary_period") in ("year", "yearly", "annual")):
            return False
        title = final["title"]
        older = title + RETITLE_SUFFIX
        if title.endswith(RETITLE_SUFFIX) or self.tax.classify_role(older) != self.tax.classify_role(title) \
                or self.tax.classify_level(older, board) != self.tax.classify_level(title, board):
            return False
        first = obs_list[0][1]
        first["title"] = older
        for key in ("salary", "salary_min", "salary_max", "salary_currency", "salary_period"):
            first.pop(key, None)
            if key in final:
                first[key] = final[key]
        first["salary_min"] = lo - RETITLE_PAY_CUT
        first["salary_max"] = hi - RETITLE_PAY_CUT
        return True

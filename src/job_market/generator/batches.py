"""Scrape batches: when the scraper ran, which files it wrote, and the scraped_at values it wrote."""
from __future__ import annotations

import datetime as dt
import random

from .draws import pick

SCRAPE_START = dt.date(2026, 4, 20)
SCRAPE_END = dt.date(2026, 5, 20)
SCRAPE_OFFSETS = (120, 330, -420, 60, -240, 0, 540)   # minutes east of UTC


class Batch:
    __slots__ = ("index", "date", "start", "gz", "name", "prefix", "sod")

    def __init__(self, index, date, start, gz):
        self.index = index
        self.date = date
        self.start = start          # UTC datetime
        self.gz = gz
        self.name = f"batch_{date.isoformat()}_{index:03d}.jsonl" + (".gz" if gz else "")
        self.prefix = start.strftime("%Y-%m-%d")
        self.sod = start.hour * 3600 + start.minute * 60 + start.second   # seconds into the day


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




def with_offset(t: dt.datetime, minutes: int) -> str:
    """UTC time ``t`` written as local time at a UTC offset: 14:22Z -> 16:22:00+02:00."""
    local = t + dt.timedelta(minutes=minutes)
    a = abs(minutes)
    return local.isoformat() + f"{'+' if minutes >= 0 else '-'}{a // 60:02d}:{a % 60:02d}"


def render_batch_time(rnd, b, offset: int) -> str:
    """scraped_at for batch start + offset seconds: "...Z" (1/2), naive = UTC (1/4) or local time
    with a UTC offset (1/4). Batch windows never cross midnight UTC."""
    r = rnd()
    if r < 0.75:
        t = b.sod + offset
        hms = f"{t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}"
        return f"{b.prefix}T{hms}Z" if r < 0.5 else f"{b.prefix} {hms}"
    return with_offset(b.start + dt.timedelta(seconds=offset), pick(rnd, SCRAPE_OFFSETS))

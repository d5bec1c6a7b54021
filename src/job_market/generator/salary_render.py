"""Salary fields as job boards write them: exact and approximate USD forms, local currencies, traps."""
from __future__ import annotations

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


COUNTRY_CURRENCY = {"US": "USD", "IN": "INR", "GB": "GBP", "CA": "CAD", "DE": "EUR", "FR": "EUR",
                    "NL": "EUR", "IE": "EUR", "ES": "EUR", "SG": "SGD", "AU": "AUD", "IL": "ILS",
                    "CH": "CHF", "PL": "PLN", "SE": "SEK", "JP": "JPY", "AE": "AED", "BR": "BRL"}
COUNTRY_PAY_FACTOR = {"IN": 0.22, "GB": 0.62, "CA": 0.72, "DE": 0.62, "FR": 0.55, "NL": 0.62,
                      "IE": 0.62, "ES": 0.42, "SG": 0.62, "AU": 0.66, "IL": 0.70, "CH": 0.88,
                      "PL": 0.36, "SE": 0.52, "JP": 0.50, "AE": 0.62, "BR": 0.26}


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

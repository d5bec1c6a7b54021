"""Salary fields read the way the warehouse reads them (a port of macros/parsing/salary.sql)."""
from __future__ import annotations

import re
from typing import Optional

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


def to_float(v) -> Optional[float]:
    """A structured salary number (int, float or numeric text) as a float, else None."""
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v)
    try:
        return float(str(v).strip())
    except ValueError:
        return None


"""Expected mart figures computed straight from the generator's ground truth, in plain Python:
an implementation independent of the SQL it checks."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict

SENIOR_PLUS_STAFF = {"senior", "staff"}


def active_by_role(truth: list[dict]) -> dict[str, list[dict]]:
    by_role: dict[str, list[dict]] = defaultdict(list)
    for posting in truth:
        if posting["is_active"] and posting["role"]:
            by_role[posting["role"]].append(posting)
    return dict(by_role)


def role_metrics(truth: list[dict]) -> dict[str, dict]:
    out = {}
    for role, postings in active_by_role(truth).items():
        n = len(postings)
        us = [p for p in postings if p["country_code"] == "US"]
        salaries = [p["salary_usd_annual"] for p in us if p["salary_usd_annual"] is not None]
        skills = Counter(skill for p in postings for skill in p["skills"])
        ranked = sorted(skills.items(), key=lambda kv: (-kv[1], kv[0]))
        out[role] = {
            "active_postings": n,
            "us_postings": len(us),
            "us_salaried_postings": len(salaries),
            "median_us_base_salary_usd": statistics.median(salaries) if salaries else None,
            "entry_level_postings": sum(p["seniority_level"] == "entry" for p in postings),
            "senior_plus_staff_postings": sum(p["seniority_level"] in SENIOR_PLUS_STAFF for p in postings),
            "remote_postings": sum("remote" in p["work_arrangements"] for p in postings),
            "hybrid_postings": sum("hybrid" in p["work_arrangements"] for p in postings),
            "onsite_postings": sum("onsite" in p["work_arrangements"] for p in postings),
            "india_postings": sum(p["country_code"] == "IN" for p in postings),
            "top_skill": ranked[0][0] if ranked else None,
            "skill_counts": dict(skills),
            "ranked_skills": [skill for skill, _ in ranked],
        }
    return out


def top_n(metrics: dict, role: str, n: int = 30) -> set[str]:
    return set(metrics[role]["ranked_skills"][:n])


def skill_salary_medians(truth: list[dict]) -> dict[tuple[str, str], tuple[int, float]]:
    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    for role, postings in active_by_role(truth).items():
        for p in postings:
            if p["country_code"] == "US" and p["salary_usd_annual"] is not None:
                for skill in p["skills"]:
                    values[(role, skill)].append(p["salary_usd_annual"])
    return {key: (len(v), statistics.median(v)) for key, v in values.items()}

#!/usr/bin/env python3
"""pandas reference point: role metrics and role skill shares computed with pandas.

Input: the STAGED postings (one row per posting, its latest observation, already parsed: title,
board level, location, workplace type, description as plain text, skill tags, salary amounts /
currency / period), written to Parquet by bench/run.py from the baseline's `work.postings`.
Reading and parsing the raw JSON (and the latest-observation dedupe) is NOT part of this
reference; it starts where staging ends. Classification rules come from the project's own Python
reference implementation (job_market.generator.Taxonomy, the one the generator's ground truth
uses), applied once per distinct value; skills are matched per description in Python (the same
token rule); everything else is pandas.

    python bench/pandas_reference.py --staged staged.parquet [--check-db baseline.duckdb] [--out r.json]

Prints timings; with --check-db compares the result with marts.role_metrics and
marts.role_skill_shares of that DuckDB file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR / "src"))

from job_market.generator import Taxonomy, skill_tokens  # noqa: E402

TOP_N = 30


def _none(v):
    """pandas' missing value (NaN / NA) as None, for the Python rules."""
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else v


def compute(df: pd.DataFrame, tax: Taxonomy, seeds: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    # role, level, country per distinct value -------------------------------------------------
    roles = {t: tax.classify_role(t) for t in df["title"].unique()}
    df["role"] = df["title"].map(roles)
    levels = df[["title", "board_seniority_text"]].drop_duplicates()
    levels["level"] = [tax.classify_level(t, _none(b)) for t, b in zip(levels["title"], levels["board_seniority_text"])]
    df = df.merge(levels, on=["title", "board_seniority_text"], how="left")
    countries = {loc: tax.classify_country(loc) for loc in df["location_text"].dropna().unique()}
    df["country_code"] = df["location_text"].map(countries)
    info = pd.DataFrame.from_dict(tax.level_info, orient="index")
    df["is_entry_level"] = df["level"].map(info["entry"]).astype(bool)
    df["is_senior_plus_staff"] = df["level"].map(info["senior_plus_staff"]).astype(bool)

    # salary: annual USD midpoint with the plausibility checks (vectorized) ------------------
    rate = df["salary_currency_code"].map(tax.usd_per_unit)
    factor = df["salary_period"].map(tax.period_factor)
    lo, hi = df["salary_min_amount"], df["salary_max_amount"]
    mid = (lo * factor * rate + hi * factor * rate) / 2.0
    usable = (df["salary_source"].notna() & rate.notna() & factor.notna() & (lo > 0) & (hi > 0) & (lo <= hi)
              & (mid >= 10_000) & (mid <= 1_000_000))
    df["salary_usd_annual"] = mid.where(usable)

    active = df[df["is_active"] & df["role"].notna()].copy()
    active["is_us"] = active["country_code"].eq("US")

    # work arrangements per distinct (workplace type, location) ------------------------------
    pairs = active[["workplace_type_text", "location_text"]].drop_duplicates()
    pairs["arrangements"] = [tax.classify_arrangements(_none(w), _none(l))
                             for w, l in zip(pairs["workplace_type_text"], pairs["location_text"])]
    arr = active[["posting_key", "role", "workplace_type_text", "location_text"]].merge(
        pairs, on=["workplace_type_text", "location_text"], how="left").explode("arrangements")
    arr_counts = arr.groupby(["role", "arrangements"]).size().unstack(fill_value=0)

    # skills per posting: whole tags against any alias, description tokens against text aliases
    skills = []
    keys = active["posting_key"].to_numpy()
    for key, tags, text in zip(keys, active["skill_tags"].to_numpy(), active["description_text"].to_numpy()):
        found = set()
        if tags is not None and not isinstance(tags, float):
            for t in tags:
                s = tax.tag_skill(t)
                if s:
                    found.add(s)
        if isinstance(text, str):
            found |= tax.text_skills_from_tokens(skill_tokens(text))
        skills.extend((key, s) for s in found)
    posting_skills = pd.DataFrame(skills, columns=["posting_key", "skill"])

    # role skill shares ------------------------------------------------------------------------
    role_n = active.groupby("role").size().rename("active_postings")
    shares = (posting_skills.merge(active[["posting_key", "role"]], on="posting_key")
              .groupby(["role", "skill"]).size().rename("postings_with_skill").reset_index())
    shares = shares.merge(role_n, left_on="role", right_index=True)
    shares["share"] = shares["postings_with_skill"] * 1.0 / shares["active_postings"]
    shares = shares.sort_values(["role", "postings_with_skill", "skill"], ascending=[True, False, True])
    shares["skill_rank"] = shares.groupby("role").cumcount() + 1
    shares["is_in_top_n"] = shares["skill_rank"] <= TOP_N

    # role metrics -----------------------------------------------------------------------------
    g = active.groupby("role")
    metrics = pd.DataFrame({
        "active_postings": g.size(),
        "us_postings": g["is_us"].sum(),
        "india_postings": g["country_code"].apply(lambda s: (s == "IN").sum()),
        "entry_level_postings": g["is_entry_level"].sum(),
        "senior_plus_staff_postings": g["is_senior_plus_staff"].sum(),
    })
    us_sal = active[active["is_us"] & active["salary_usd_annual"].notna()]
    metrics["us_salaried_postings"] = us_sal.groupby("role").size()
    metrics["median_us_base_salary_usd"] = us_sal.groupby("role")["salary_usd_annual"].median()
    for a in ("remote", "hybrid", "onsite"):
        metrics[f"{a}_postings"] = arr_counts.get(a, pd.Series(dtype="int64"))
        metrics[f"{a}_share"] = metrics[f"{a}_postings"].fillna(0) / metrics["active_postings"]
    metrics["entry_level_share"] = metrics["entry_level_postings"] / metrics["active_postings"]
    metrics["senior_plus_staff_share"] = metrics["senior_plus_staff_postings"] / metrics["active_postings"]
    metrics["us_share"] = metrics["us_postings"] / metrics["active_postings"]
    metrics["india_share"] = metrics["india_postings"] / metrics["active_postings"]
    top = shares[shares["skill_rank"] == 1].set_index("role")
    metrics["top_skill"] = top["skill"]
    metrics["top_skill_share"] = top["share"]
    return metrics.reset_index(names="role"), shares.reset_index(drop=True)


def check(metrics: pd.DataFrame, shares: pd.DataFrame, db: str) -> dict:
    import duckdb
    con = duckdb.connect(db, read_only=True)
    m = con.execute("select * from marts.role_metrics").df()
    s = con.execute("select role, skill, postings_with_skill, share, skill_rank from marts.role_skill_shares").df()
    con.close()
    cols = ["active_postings", "us_postings", "us_salaried_postings", "median_us_base_salary_usd",
            "entry_level_share", "senior_plus_staff_share", "remote_share", "hybrid_share", "onsite_share",
            "us_share", "india_share", "top_skill", "top_skill_share"]
    a = metrics.set_index("role")[cols].sort_index()
    b = m.set_index("role")[cols].sort_index()
    problems = []
    if list(a.index) != list(b.index):
        problems.append("roles differ")
    else:
        for c in cols:
            x, y = a[c], b[c]
            if x.dtype.kind in "fiub" and y.dtype.kind in "fiub":
                bad = ((x.astype(float) - y.astype(float)).abs() > 1e-9 * y.astype(float).abs().clip(lower=1)).sum()
            else:
                bad = (x.astype(str) != y.astype(str)).sum()
            if bad:
                problems.append(f"role_metrics.{c}: {bad} roles differ")
    j = shares.merge(s, on=["role", "skill"], how="outer", suffixes=("_pd", "_db"), indicator=True)
    if (j["_merge"] != "both").any():
        problems.append(f"role_skill_shares: {(j['_merge'] != 'both').sum()} (role, skill) rows in one side only")
    else:
        for c in ("postings_with_skill", "skill_rank"):
            n = (j[f"{c}_pd"] != j[f"{c}_db"]).sum()
            if n:
                problems.append(f"role_skill_shares.{c}: {n} rows differ")
        n = ((j["share_pd"] - j["share_db"]).abs() > 1e-12).sum()
        if n:
            problems.append(f"role_skill_shares.share: {n} rows differ")
    return {"matches_marts": not problems, "problems": problems,
            "roles": int(len(a)), "skill_share_rows": int(len(shares))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--staged", required=True, help="Parquet file of staged postings")
    ap.add_argument("--seeds", default=str(PROJECT_DIR / "seeds"))
    ap.add_argument("--check-db", help="DuckDB file with marts.role_metrics / role_skill_shares to compare with")
    ap.add_argument("--out", help="write timings (and the check) as JSON here")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    df = pd.read_parquet(a.staged)
    t1 = time.perf_counter()
    tax = Taxonomy(Path(a.seeds) / "taxonomies")
    metrics, shares = compute(df, tax, Path(a.seeds))
    t2 = time.perf_counter()
    out = {"postings": int(len(df)), "load_s": round(t1 - t0, 2), "compute_s": round(t2 - t1, 2)}
    if a.check_db:
        out.update(check(metrics, shares, a.check_db))
    print(json.dumps(out))
    if a.out:
        Path(a.out).write_text(json.dumps(out))
    return 0 if out.get("matches_marts", True) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Tests for the raw data generator (the package src/job_market/generator/).

Everything is checked straight from the files the generator writes: the raw batches (JSON Lines,
plain and gzip) and the ground truth. Generation at scale 1 takes a few seconds; the module-scoped
fixtures generate each data set once.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from job_market import calibration as cal
from job_market import generator as gen

AI = "AI Engineer"
MLE = "Machine Learning Engineer"
REQUIRED = ("posting_id", "source", "scraped_at", "title")
SOURCES = {"linkedin", "greenhouse", "lever", "indeed", "workday"}


# ------------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------------

def read_raw(out: Path):
    """[(file name, line text, parsed object)] for every raw line."""
    rows = []
    for f in sorted((out / "raw").glob("*.jsonl*")):
        opener = gzip.open if f.name.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                rows.append((f.name, line, json.loads(line)))
    return rows


def read_truth(out: Path) -> list[dict]:
    with open(out / "truth" / "postings_truth.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def utc(ts: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(ts)
    return t.replace(tzinfo=dt.timezone.utc) if t.tzinfo is None else t.astimezone(dt.timezone.utc)


def latest_observations(raw_rows):
    """Latest observation per (source, posting_id) by UTC scraped_at (ties: later file)."""
    latest = {}
    for fname, _, o in raw_rows:
        key = (o["source"], o["posting_id"])
        t = utc(o["scraped_at"])
        prev = latest.get(key)
        if prev is None or (t, fname) > (prev[0], prev[1]):
            latest[key] = (t, fname, o)
    return {k: v[2] for k, v in latest.items()}


def rederive(tax: gen.Taxonomy, o: dict) -> dict:
    """Truth of one observation, recomputed from its raw text with the reference rules."""
    status = (o.get("status") or "active").strip().lower()
    posted = o.get("posted_at")
    return {
        "source": o["source"],
        "posting_id": o["posting_id"],
        "is_active": status == "active",
        "role": tax.classify_role(o["title"]),
        "seniority_level": tax.classify_level(o["title"], o.get("seniority")),
        "country_code": tax.classify_country(o.get("location")),
        "work_arrangements": sorted(tax.classify_arrangements(o.get("workplace_type"),
                                                              o.get("location"))),
        "skills": sorted(tax.posting_skills(o.get("skills"), o.get("description"))),
        "salary_usd_annual": tax.salary_usd_annual(o),
        "posted_date": None if posted is None else utc(posted).date().isoformat()
        if len(posted) > 10 else posted,
    }


def median(values):
    return statistics.median(values) if values else None


def active(truth, role):
    return [r for r in truth if r["role"] == role and r["is_active"]]


def us_salaried(rows):
    return [r for r in rows if r["country_code"] == "US" and r["salary_usd_annual"] is not None]


def skill_counts(rows) -> Counter:
    return Counter(s for r in rows for s in r["skills"])


def top_n(counter: Counter, n=30) -> list:
    return [s for s, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def all_bytes(out: Path) -> dict:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------------------------------------
# fixtures
# ------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def article_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("article42")
    gen.generate(out, seed=42, calibration="article")
    return out


@pytest.fixture(scope="module")
def article_truth(article_dir):
    return read_truth(article_dir)


@pytest.fixture(scope="module")
def article_raw(article_dir):
    return read_raw(article_dir)


@pytest.fixture(scope="module")
def random_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("random7")
    gen.generate(out, seed=7, calibration="random")
    return out


@pytest.fixture(scope="module")
def taxonomy():
    return gen.Taxonomy()


# ------------------------------------------------------------------------------------------------
# determinism
# ------------------------------------------------------------------------------------------------

def test_same_seed_gives_identical_bytes(article_dir, tmp_path):
    # also a different worker count: output must not depend on it
    gen.generate(tmp_path, seed=42, calibration="article", workers=1)
    a, b = all_bytes(article_dir), all_bytes(tmp_path)
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], f"{name} differs between two runs with the same seed"


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_output_does_not_depend_on_workers_or_start_method(tmp_path, monkeypatch, method):
    import multiprocessing as mp
    if method not in mp.get_all_start_methods():
        pytest.skip(f"{method} not available")
    monkeypatch.setenv("JOB_MARKET_GENERATOR_START_METHOD", method)
    gen.generate(tmp_path / "one", seed=5, scale=0.15, workers=1)
    gen.generate(tmp_path / "two", seed=5, scale=0.15, workers=2)
    assert all_bytes(tmp_path / "one") == all_bytes(tmp_path / "two")


def test_different_seed_gives_different_bytes_but_same_article_counts(article_dir, tmp_path):
    gen.generate(tmp_path, seed=43, calibration="article")
    a, b = all_bytes(article_dir), all_bytes(tmp_path)
    raw_a = {k: v for k, v in a.items() if k.startswith("raw/")}
    raw_b = {k: v for k, v in b.items() if k.startswith("raw/")}
    assert raw_a != raw_b
    assert a["truth/postings_truth.jsonl"] != b["truth/postings_truth.jsonl"]
    # the calibrated figures hold for any seed
    truth = read_truth(tmp_path)
    for role, n, n_sal, med in ((AI, 4091, 680, 145000), (MLE, 4781, 1087, 165000)):
        rows = active(truth, role)
        assert len(rows) == n
        sal = [r["salary_usd_annual"] for r in us_salaried(rows)]
        assert len(sal) == n_sal and median(sal) == med


def test_gzip_members_have_zero_mtime(article_dir):
    gz = sorted((article_dir / "raw").glob("*.jsonl.gz"))
    plain = sorted((article_dir / "raw").glob("*.jsonl"))
    assert gz and plain, "both plain and gzip batches are expected"
    for f in gz:
        head = f.read_bytes()[:10]
        assert head[:2] == b"\x1f\x8b" and head[4:8] == b"\x00\x00\x00\x00"


# ------------------------------------------------------------------------------------------------
# layout and raw contract
# ------------------------------------------------------------------------------------------------

def test_layout(article_dir):
    raw_files = sorted((article_dir / "raw").iterdir())
    assert 10 <= len(raw_files) <= 30
    for f in raw_files:
        assert re.fullmatch(r"batch_\d{4}-\d{2}-\d{2}_\d{3}\.jsonl(\.gz)?", f.name), f.name
    assert (article_dir / "truth" / "postings_truth.jsonl").is_file()
    manifest = json.loads((article_dir / "truth" / "manifest.json").read_text())
    assert manifest["seed"] == 42 and manifest["calibration"] == "article"
    assert manifest["counts"]["postings"] == len(read_truth(article_dir))
    assert sum(f["lines"] for f in manifest["files"]) == manifest["counts"]["observations"]
    # the truth folder is never matched by the warehouse's glob
    assert not list((article_dir / "raw").glob("*truth*"))


def test_every_raw_line_follows_the_contract(article_raw):
    formats = Counter()
    for fname, line, o in article_raw:
        for field in REQUIRED:
            assert isinstance(o.get(field), str) and o[field].strip(), (field, line)
        assert o["source"] in SOURCES
        ts = o["scraped_at"]
        if ts.endswith("Z"):
            formats["Z"] += 1
        elif re.search(r"[+-]\d\d:\d\d$", ts):
            formats["offset"] += 1
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", ts), ts
            formats["naive"] += 1
        scraped = utc(ts)
        assert dt.datetime(2026, 4, 20, tzinfo=dt.timezone.utc) <= scraped \
            < dt.datetime(2026, 5, 21, tzinfo=dt.timezone.utc)
        if o.get("posted_at"):
            posted = o["posted_at"]
            assert re.fullmatch(r"\d{4}-\d\d-\d\d([T ]\d\d:\d\d:\d\dZ?)?", posted), posted
            pdate = dt.date.fromisoformat(posted[:10])
            assert dt.date(2025, 6, 1) <= pdate <= dt.date(2026, 5, 15)
            assert utc(posted if len(posted) > 10 else posted + "T00:00:00") <= scraped
        if "status" in o and o["status"] is not None:
            assert o["status"] in {"active", "Active", "ACTIVE", "closed", "Closed", "expired"}
        if "skills" in o:
            assert isinstance(o["skills"], list) and all(isinstance(t, str) for t in o["skills"])
        for k in ("salary_min", "salary_max"):
            if k in o:
                assert isinstance(o[k], (int, float)) or re.fullmatch(r"\d+(\.\d+)?", o[k])
        if "salary_min" in o:
            assert o.get("salary_currency") and o.get("salary_period")
        if "salary_period" in o:
            assert o["salary_period"] in {"year", "yearly", "annual", "hour", "hourly", "month",
                                          "monthly", "week", "day"}
        # the batch file's date is the (UTC) scrape date
        assert fname[6:16] == scraped.date().isoformat()
    assert min(formats.values()) > 100 and len(formats) == 3


def test_rescrapes_closed_reopened_duplicates_and_shared_ids(article_raw, article_truth):
    per_posting = defaultdict(list)
    lines = Counter()
    for _, line, o in article_raw:
        per_posting[(o["source"], o["posting_id"])].append(o)
        lines[line] += 1
    n = len(per_posting)
    multi = sum(1 for v in per_posting.values() if len({x["scraped_at"] for x in v}) > 1)
    assert 0.18 <= multi / n <= 0.32, multi / n
    assert any(len({x["scraped_at"] for x in v}) >= 3 for v in per_posting.values())
    assert 1 <= sum(c - 1 for c in lines.values() if c > 1) <= 0.01 * len(article_raw)
    closed = [r for r in article_truth if not r["is_active"]]
    n_active = sum(r["is_active"] for r in article_truth)
    assert 0.08 <= len(closed) / n_active <= 0.12
    latest = latest_observations(article_raw)
    changed_status = reopened = changed_salary = 0
    for key, obs in per_posting.items():
        final = latest[key]
        for o in obs:
            if o is final or o["scraped_at"] == final["scraped_at"]:
                continue
            was_active = (o.get("status") or "active").lower() == "active"
            is_active = (final.get("status") or "active").lower() == "active"
            changed_status += was_active != is_active
            reopened += (not was_active) and is_active
            changed_salary += o.get("salary") != final.get("salary") or \
                o.get("salary_min") != final.get("salary_min")
    assert changed_status > 50 and reopened > 5 and changed_salary > 200
    ids_by_source = defaultdict(set)
    for src, pid in per_posting:
        ids_by_source[pid].add(src)
    assert any(len(s) > 1 for s in ids_by_source.values()), "an id shared by two sources"


def test_salary_text_forms_present(article_raw):
    texts = [o["salary"] for _, _, o in article_raw if o.get("salary")]
    forms = {
        "range a year": r"\$[\d,]+ - \$[\d,]+ a year",
        "K en dash": "\\$\\d+K\u2013\\$\\d+K",
        "k per year": r"\$\d+k-\$\d+k per year",
        "USD prefix": r"USD [\d,]+ - [\d,]+",
        "hourly rate": r"\$\d+\.\d\d/hr",
        "hourly range": r"\$\d+ - \$\d+ an hour",
        "monthly": r"\$[\d,]+/month",
        "euro k": "\u20ac\\d+k - \u20ac\\d+k",
        "pound per annum": "\u00a3[\\d,]+ - \u00a3[\\d,]+ per annum",
        "rupee lakh grouping": "\u20b9\\d{1,2},\\d\\d,\\d{3} - \u20b9[\\d,]+ per year",
        "CAD": r"CA\$\d+K - CA\$\d+K",
        "up to": r"Up to \$[\d,]+",
        "from": r"From \$[\d,]+ a year",
        "competitive": r"Competitive",
        "DOE": r"DOE",
        "implausible yearly trap": r"\$\d\d a year",
    }
    for name, pattern in forms.items():
        assert any(re.fullmatch(pattern, t) for t in texts), f"no salary text of form {name!r}"
    structured = [o for _, _, o in article_raw if "salary_min" in o]
    assert any(isinstance(o["salary_min"], str) for o in structured), "numeric strings"
    assert {o["salary_period"] for o in structured} >= {"year", "hour", "month", "week", "day"}
    assert any(float(o["salary_min"]) > float(o["salary_max"]) for o in structured), "min > max"


def test_descriptions_and_tags_have_the_expected_noise(article_raw):
    descs = [o["description"] for _, _, o in article_raw if o.get("description")]
    assert any("<p>" in d for d in descs) and any("<li>" in d for d in descs)
    assert any("<br>" in d for d in descs) and any("&amp;" in d for d in descs)
    assert any("JavaScript, not Java" in d for d in descs)
    assert any("react to feedback" in d for d in descs)
    tags = [t for _, _, o in article_raw for t in o.get("skills", [])]
    for t in ("python", "PYTHON", "Python", "k8s", "PySpark", "Hugging Face"):
        assert t in tags, t
    assert not any("Machine Learning Engineer" in d or "AI Engineer" in d for d in descs)


# ------------------------------------------------------------------------------------------------
# truth = what the warehouse rules compute from the raw text
# ------------------------------------------------------------------------------------------------

def check_truth_rederives(out: Path, tax: gen.Taxonomy):
    raw = read_raw(out)
    truth = {(r["source"], r["posting_id"]): r for r in read_truth(out)}
    latest = latest_observations(raw)
    assert set(latest) == set(truth)
    bad = [(k, rederive(tax, o), truth[k]) for k, o in latest.items() if rederive(tax, o) != truth[k]]
    assert not bad, bad[:3]


def test_truth_rederives_from_raw_article(article_dir, taxonomy):
    check_truth_rederives(article_dir, taxonomy)


def test_truth_rederives_from_raw_random(random_dir, taxonomy):
    check_truth_rederives(random_dir, taxonomy)


def test_description_tokens_do_not_depend_on_tag_stripping(article_raw, taxonomy):
    """Dropping tags with '' instead of ' ' gives the same skills (no tag glues two words)."""
    for _, _, o in article_raw[:6000]:
        d = o.get("description")
        if not d:
            continue
        a = taxonomy.description_skills(d)
        glued = re.sub(r"<[^>]*>", "", d).replace("&amp;", "&")
        b = taxonomy.text_skills_from_tokens(gen.skill_tokens(glued))
        assert a == b, d


def test_truth_file_fields(article_truth, taxonomy):
    levels = set(taxonomy.level_info)
    for r in article_truth:
        assert list(r) == ["source", "posting_id", "is_active", "role", "seniority_level",
                           "country_code", "work_arrangements", "skills", "salary_usd_annual",
                           "posted_date"]
        assert r["role"] is None or r["role"] in taxonomy.roles
        assert r["seniority_level"] in levels
        assert r["country_code"] is None or r["country_code"] in taxonomy.countries
        wa = r["work_arrangements"]
        assert wa == sorted(wa) and (wa == ["unspecified"] or set(wa) <= {"remote", "hybrid", "onsite"})
        assert r["skills"] == sorted(set(r["skills"]))
        assert all(s in taxonomy.skills for s in r["skills"])
        s = r["salary_usd_annual"]
        assert s is None or 10000 <= s <= 1000000
    roles = Counter(r["role"] for r in article_truth if r["is_active"])
    assert roles[None] >= 2500
    others = [k for k in roles if k not in (None, AI, MLE)]
    assert len(others) >= 8 and all(300 <= roles[k] <= 1500 for k in others)


# ------------------------------------------------------------------------------------------------
# the article's figures, straight from the truth file
# ------------------------------------------------------------------------------------------------

def test_article_active_postings_and_countries(article_truth):
    expected = {AI: (4091, 1391, 532), MLE: (4781, 2104, 622)}
    for role, (n, us, india) in expected.items():
        rows = active(article_truth, role)
        assert len(rows) == n
        c = Counter(r["country_code"] for r in rows)
        assert c["US"] == us and c["IN"] == india
        assert 0.02 <= c[None] / n <= 0.04
        assert {"GB", "CA", "DE", "FR", "NL", "SG", "AU", "IL"} <= set(c)


def test_article_us_salaries(article_truth):
    for role, n, med in ((AI, 680, 145000), (MLE, 1087, 165000)):
        rows = active(article_truth, role)
        sal = sorted(r["salary_usd_annual"] for r in us_salaried(rows))
        assert len(sal) == n
        if n % 2 == 0:
            assert sal[n // 2 - 1] == sal[n // 2] == med    # n even: both middle values
        else:
            assert sal[n // 2] == med
        assert median(sal) == med
        assert 70000 <= sal[0] and sal[-1] <= 420000
        # unusable US salaries exist (no pay, "Competitive", implausible traps)
        us = [r for r in rows if r["country_code"] == "US"]
        assert len(us) - n > 500


def test_article_seniority(article_truth):
    for role, entry, ss in ((AI, 236, 1555), (MLE, 230, 2008)):
        c = Counter(r["seniority_level"] for r in active(article_truth, role))
        assert c["entry"] == entry
        assert c["senior"] + c["staff"] == ss
        assert {"intern", "mid", "principal", "lead", "manager", "director", "unspecified"} <= set(c)


def test_article_work_arrangements(article_truth):
    expected = {AI: {"remote": 982, "hybrid": 1350, "onsite": 2086},
                MLE: {"remote": 1339, "hybrid": 1434, "onsite": 2486}}
    for role, exp in expected.items():
        rows = active(article_truth, role)
        c = Counter(a for r in rows for a in r["work_arrangements"])
        assert {k: c[k] for k in exp} == exp
        assert c["unspecified"] == 0
        assert any(len(r["work_arrangements"]) == 2 for r in rows)


@pytest.mark.parametrize("role,table", [(AI, cal.AI_SKILLS), (MLE, cal.MLE_SKILLS)])
def test_article_skill_counts(article_truth, role, table):
    rows = active(article_truth, role)
    n = len(rows)
    counts = skill_counts(rows)
    for skill, share in table:
        assert counts[skill] == cal.round_half_away(cal.frac(share) * n), skill
    # the article's top-30 lists, in order
    assert top_n(counts) == [s for s, _ in table[:30]]


def test_article_top30_overlap(article_truth):
    ai = set(top_n(skill_counts(active(article_truth, AI))))
    ml = set(top_n(skill_counts(active(article_truth, MLE))))
    assert len(ai & ml) == 24 and len(ai | ml) == 36
    assert ai - ml == {"LangChain", "OpenAI", "Vector Databases", "Embeddings", "TypeScript", "Agile"}
    assert ml - ai == {"scikit-learn", "Computer Vision", "Apache Spark", "Statistics", "MLflow", "Java"}


PREMIUMS = {
    MLE: {"JAX": (87, 204000), "C++": (119, 186000), "Transformers": (87, 177300),
          "Computer Vision": (150, 171800), "PyTorch": (509, 170000)},
    AI: {"Distributed Systems": (40, 183200), "Apache Spark": (42, 170000), "React": (48, 158400),
         "Observability": (52, 150000), "MLOps": (70, 150000), "Scalability": (55, 150000),
         "FastAPI": (60, 150000)},
}


@pytest.mark.parametrize("role", [AI, MLE])
def test_article_skill_salary_premiums(article_truth, role):
    sal = us_salaried(active(article_truth, role))
    medians = {}
    for skill, n in skill_counts(sal).items():
        if n >= 40:
            medians[skill] = median([r["salary_usd_annual"] for r in sal if skill in r["skills"]])
    for skill, (n, target) in PREMIUMS[role].items():
        values = [r["salary_usd_annual"] for r in sal if skill in r["skills"]]
        assert len(values) == n, skill
        assert abs(median(values) - target) <= 300, skill
    # the premium skills are the top-paying ones (n >= 40)
    ranked = sorted(medians, key=lambda s: -medians[s])
    assert set(ranked[:len(PREMIUMS[role])]) == set(PREMIUMS[role])


def test_article_figures_seed_agrees(article_truth):
    """Cross-check with seeds/reference/article_figures.csv where it states counts/medians."""
    path = gen.seeds_dir().parent / "reference" / "article_figures.csv"
    if not path.exists():
        pytest.skip("no article_figures.csv")
    with open(path, newline="", encoding="utf-8") as fh:
        figures = list(csv.DictReader(fh))
    for f in figures:
        metric, role, skill = f["metric"], f["role"], f.get("skill") or None
        value = float(f["value"])
        if metric == "active_postings":
            assert len(active(article_truth, role)) == value
        elif metric == "entry_level_postings":
            assert sum(r["seniority_level"] == "entry" for r in active(article_truth, role)) == value
        elif metric == "median_us_base_salary":
            sal = [r["salary_usd_annual"] for r in us_salaried(active(article_truth, role))]
            assert median(sal) == value
            if f.get("n"):
                assert len(sal) == int(f["n"])
        elif metric == "skill_median_us_salary":
            sal = [r["salary_usd_annual"] for r in us_salaried(active(article_truth, role))
                   if skill in r["skills"]]
            assert abs(median(sal) - value) <= 300, skill
            if f.get("n"):
                assert len(sal) == int(f["n"]), skill
        elif metric in ("skill_share", "exclusive_skill_share"):
            rows = active(article_truth, role)
            share = sum(skill in r["skills"] for r in rows) / len(rows)
            assert round(share, 2) == round(value, 2), skill
        elif metric in ("us_share", "india_share", "remote_share", "hybrid_share",
                        "onsite_share", "senior_plus_staff_share", "entry_level_share"):
            rows = active(article_truth, role)
            hit = {
                "us_share": lambda r: r["country_code"] == "US",
                "india_share": lambda r: r["country_code"] == "IN",
                "remote_share": lambda r: "remote" in r["work_arrangements"],
                "hybrid_share": lambda r: "hybrid" in r["work_arrangements"],
                "onsite_share": lambda r: "onsite" in r["work_arrangements"],
                "senior_plus_staff_share": lambda r: r["seniority_level"] in ("senior", "staff"),
                "entry_level_share": lambda r: r["seniority_level"] == "entry",
            }[metric]
            share = sum(map(hit, rows)) / len(rows)
            assert round(share, 3 if metric == "entry_level_share" else 2) == value, metric


def test_posted_dates_trend(article_truth):
    def monthly(role):
        c = Counter(r["posted_date"][:7] for r in active(article_truth, role) if r["posted_date"])
        return c
    ai, ml = monthly(AI), monthly(MLE)
    assert min(ai) >= "2025-06" and max(ai) <= "2026-05"
    # more postings in recent months, AI Engineer growing faster than MLE
    assert ai["2026-04"] > 2 * ai["2025-07"]
    assert ai["2026-04"] / ai["2025-07"] > ml["2026-04"] / ml["2025-07"]
    assert sum(r["posted_date"] is None for r in article_truth) > 0


# ------------------------------------------------------------------------------------------------
# the random calibration
# ------------------------------------------------------------------------------------------------

def test_random_calibration_has_other_proportions(random_dir):
    truth = read_truth(random_dir)
    manifest = json.loads((random_dir / "truth" / "manifest.json").read_text())
    assert manifest["calibration"] == "random"
    ai = active(truth, AI)
    ml = active(truth, MLE)
    assert 500 <= len(ai) <= 3000 and 500 <= len(ml) <= 3000
    assert (len(ai), len(ml)) != (4091, 4781)
    spec = {s.key: s for s in cal.random_specs(7)}
    for role, rows in ((AI, ai), (MLE, ml)):
        s = spec[role]
        assert len(rows) == s.n_active
        us = sum(r["country_code"] == "US" for r in rows)
        assert us == cal.round_half_away(s.us_share * len(rows))
        sal = [r["salary_usd_annual"] for r in us_salaried(rows)]
        assert median(sal) == s.salary_median


# ------------------------------------------------------------------------------------------------
# reference rules (unit level)
# ------------------------------------------------------------------------------------------------

def test_reference_rules(taxonomy):
    t = taxonomy
    assert t.classify_role("Machine Learning Engineer, Generative AI") == MLE
    assert t.classify_role("AI/ML Engineer") == MLE
    assert t.classify_role("Software Engineer, AI") == AI
    assert t.classify_role("Engineer - Generative AI") == AI
    assert t.classify_role("Product Manager, Machine Learning") is None
    assert t.classify_level("Associate Director, AI Engineering", None) == "director"
    assert t.classify_level("LLM Engineer", "Mid-Senior level") == "mid"
    assert t.classify_level("Senior LLM Engineer", "Entry level") == "senior"
    assert t.classify_level("LLM Engineer", None) == "unspecified"
    assert t.classify_country("Bangalore, IN") == "IN"
    assert t.classify_country("Fort Wayne, IN") == "US"
    assert t.classify_country("San Francisco, CA") == "US"
    assert t.classify_country("Toronto, ON, Canada") == "CA"
    assert t.classify_country("New York, NY 10001") == "US"
    assert t.classify_country("Remote") is None and t.classify_country("Anywhere") is None
    assert t.classify_arrangements("Remote or Hybrid", "London, UK") == ("hybrid", "remote")
    assert t.classify_arrangements(None, "Remote - US") == ("remote",)
    assert t.classify_arrangements(None, "Hyderabad") == ("unspecified",)
    assert t.description_skills("We write JavaScript, not Java.") == {"Java", "JavaScript"}
    assert t.description_skills("<p>ML Ops and machine learning operations</p>") == {"MLOps"}
    assert t.description_skills("the team will react to feedback") == set()
    assert t.tag_skill("React") == "React" and t.tag_skill("K8S") == "Kubernetes"
    usd = t.salary_usd_annual
    assert usd({"salary": "$150,000 - $180,000 a year"}) == 165000
    assert usd({"salary": "$150K\u2013$180K"}) == 165000
    assert usd({"salary": "$72.50/hr"}) == 150800
    assert usd({"salary": "$70 - $85 an hour"}) == 161200
    assert usd({"salary": "$12,500/month"}) == 150000
    assert usd({"salary": "\u20b925,00,000 - \u20b935,00,000 per year"}) == 36000
    assert usd({"salary": "CA$120K - CA$140K"}) == round(130000 * 0.73, 2)
    assert usd({"salary": "Up to $180,000"}) == 180000
    assert usd({"salary": "Competitive"}) is None
    assert usd({"salary": "$75 a year"}) is None
    assert usd({"salary_min": "180000", "salary_max": 150000, "salary_currency": "USD",
                "salary_period": "year"}) is None
    assert usd({"salary": "Competitive", "salary_min": 140000, "salary_max": "160000",
                "salary_currency": "USD", "salary_period": "annual"}) == 150000

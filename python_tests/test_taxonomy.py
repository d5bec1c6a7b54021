"""The taxonomy seeds (seeds/taxonomies/*.csv): size, integrity, documented policies and the golden
"must not merge" skill pairs, checked through the generator's Python reference implementation of
the warehouse rules (fast, no dbt; python_tests/test_accuracy.py checks that the warehouse gives
the same answers)."""

from __future__ import annotations

import csv
import re

import pytest

from job_market import generator as gen
from job_market.project import PROJECT_DIR

SEEDS = PROJECT_DIR / "seeds" / "taxonomies"
EVALUATION = PROJECT_DIR / "evaluation"
AI, MLE = "AI Engineer", "Machine Learning Engineer"
SKILL_CATEGORIES = {"language", "framework", "ml_framework", "data_library", "data_platform",
                    "database", "cloud", "infrastructure", "mlops", "llm", "ml_method", "method",
                    "domain", "practice", "bi_tool"}


def seed(name: str) -> list[dict]:
    with open(SEEDS / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def tax() -> gen.Taxonomy:
    return gen.Taxonomy()


def _top_level_alternation(pattern: str) -> bool:
    """True when the pattern has a '|' outside any group: wrapped as ' ' || pattern || ' ' it
    would no longer be anchored on whole words at both ends."""
    depth = 0
    for i, ch in enumerate(pattern):
        if ch == "\\":
            continue
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


# --- skills --------------------------------------------------------------------------------------

def test_at_least_200_skills_each_with_a_category_and_aliases():
    skills = seed("skills.csv")
    aliases = seed("skill_aliases.csv")
    assert len(skills) >= 200
    assert len({s["skill"] for s in skills}) == len(skills)
    assert {s["skill_category"] for s in skills} <= SKILL_CATEGORIES
    with_alias = {a["skill"] for a in aliases}
    assert {s["skill"] for s in skills} <= with_alias, "every skill needs at least one alias"
    assert with_alias <= {s["skill"] for s in skills}, "every alias names a canonical skill"


def test_every_category_of_the_issue_is_covered():
    by_category: dict = {}
    for s in seed("skills.csv"):
        by_category.setdefault(s["skill_category"], set()).add(s["skill"])
    assert by_category["llm"] >= {"LangChain", "LlamaIndex", "Vector Databases", "Embeddings", "RAG",
                                  "Fine-tuning", "Prompt Engineering", "LLMs", "Generative AI"}
    assert by_category["domain"] >= {"Computer Vision", "NLP", "Recommender Systems"}
    assert by_category["method"] >= {"Statistics", "A/B Testing"}
    assert by_category["practice"] >= {"Agile", "CI/CD"}
    assert by_category["bi_tool"] >= {"Looker", "Looker Studio"}
    for category in ("language", "ml_framework", "data_platform", "database", "cloud", "mlops",
                     "infrastructure", "ml_method"):
        assert len(by_category[category]) >= 8, category


def test_aliases_are_lowercase_unique_and_keys_belong_to_one_skill(tax):
    aliases = seed("skill_aliases.csv")
    assert all(a["alias"] == a["alias"].strip().lower() for a in aliases)
    assert len({a["alias"] for a in aliases}) == len(aliases)
    assert all(a["is_text_match_allowed"] in ("true", "false") for a in aliases)
    # Taxonomy() itself fails when one token key is claimed by two skills; check it explicitly too
    owner: dict = {}
    for a in aliases:
        key = " ".join(gen.skill_tokens(a["alias"]))
        assert owner.setdefault(key, a["skill"]) == a["skill"], (key, owner[key], a["skill"])


def test_a_tag_spelled_as_the_canonical_name_finds_the_skill(tax):
    for s in seed("skills.csv"):
        assert tax.tag_skill(s["skill"]) == s["skill"], s["skill"]


def test_exclusion_phrases_swallow_an_alias_and_name_no_skill(tax):
    rows = seed("skill_text_exclusions.csv")
    text_keys = {k for k, allowed in tax.alias_key_text.items() if allowed}
    for r in rows:
        assert r["phrase"] == r["phrase"].strip().lower() and r["reason"].strip(), r
        tokens = gen.skill_tokens(r["phrase"])
        assert len(tokens) >= 2, r
        inner = {" ".join(tokens[i:j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens))}
        inner |= {" ".join(tokens[i:]) for i in range(1, len(tokens))}
        assert inner & text_keys, f"{r['phrase']!r} contains no text alias: it swallows nothing"
        assert " ".join(tokens) not in tax.alias_key_skill, f"{r['phrase']!r} is also an alias"
        assert tax.text_skills_from_tokens(tokens) == set(), r


def test_ambiguous_short_aliases_are_tags_only(tax):
    for alias in ("go", "c", "node", "ts", "js", "tf", "hf", "cv", "spring", "lambda", "glue",
                  "bedrock", "iceberg", "beam", "helm", "express", "triton", "mcp"):
        key = " ".join(gen.skill_tokens(alias))
        assert key in tax.alias_key_skill and not tax.alias_key_text[key], alias


def _golden_items():
    with open(EVALUATION / "skill_snippets.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["golden_pair"]:
                yield pytest.param(row, id=f"{row['golden_pair']}:{row['item_id']}")


@pytest.mark.parametrize("item", list(_golden_items()))
def test_golden_pair(tax, item):
    import json

    tags = json.loads(item["tags"]) if item["tags"] else None
    expected = {s.strip() for s in item["expected_skills"].split(";") if s.strip()}
    assert tax.posting_skills(tags, item["description"] or None) == expected


@pytest.mark.parametrize("text,expected", [
    ("JavaScript and TypeScript", {"JavaScript", "TypeScript"}),
    ("Java, JavaScript", {"Java", "JavaScript"}),
    ("C++ and C# developers", {"C++", "C#"}),
    ("R&D budget", set()),
    ("R and D budget", set()),
    ("Python or R", {"Python", "R"}),
    ("let's go", set()),
    ("Golang services", {"Go"}),
    ("Spark jobs that spark joy", {"Apache Spark"}),
    ("Looker Studio", {"Looker Studio"}),
    ("Looker and LookML", {"Looker"}),
    ("a snowflake schema on Snowflake", {"Data Modeling", "Snowflake"}),
    ("transform the data", set()),
    ("Hugging Face Transformers", {"Hugging Face", "Transformers"}),
    ("scalable Scala", {"Scala"}),
    ("react to feedback in React", {"React"}),
    ("SQL and NoSQL", {"SQL", "NoSQL"}),
    ("PostgreSQL", {"PostgreSQL"}),
    ("Spark SQL", {"Apache Spark"}),
    ("SQL Server", {"SQL Server"}),
    ("Excel at Excel", {"Excel"}),
    ("X-ray imaging", set()),
    ("a superset of the features", set()),
])
def test_must_not_merge(tax, text, expected):
    assert tax.description_skills(text) == expected


# --- roles ---------------------------------------------------------------------------------------

def test_roles_and_their_patterns():
    roles = seed("roles.csv")
    patterns = seed("role_title_patterns.csv")
    assert len(roles) >= 15
    assert {p["role"] for p in patterns} == {r["role"] for r in roles}, "every role has a pattern"
    assert len({p["precedence"] for p in patterns}) == len(patterns)
    for p in patterns:
        re.compile(" " + p["title_pattern"].strip() + " ")
        assert not _top_level_alternation(p["title_pattern"].strip()), p


@pytest.mark.parametrize("title,role", [
    ("Senior Machine Learning Engineer, Generative AI", MLE),   # the head noun decides
    ("LLM Engineer", AI),                                       # LLM / GenAI Engineer policy
    ("Generative AI Engineer", AI),
    ("GenAI Engineer", AI),
    ("AI/ML Engineer", MLE),
    ("ML/AI Engineer", MLE),
    ("Software Engineer, Machine Learning", MLE),
    ("Software Engineer, AI", AI),
    ("Software Engineer - ML Infrastructure", "MLOps Engineer"),
    ("LLMOps Engineer", "MLOps Engineer"),
    ("Data Science Manager", "Data Scientist"),
    ("Machine Learning Researcher", "Research Scientist"),
    ("Applied Research Scientist", "Applied Scientist"),
    ("Data Modeler", "Data Architect"),
    ("Power BI Developer", "BI Engineer"),
    ("Head of AI", None),                                       # a field, not a role
    ("AI Product Manager", None),
    ("Engineering Manager, Machine Learning", None),
    ("Business Analyst", None),
    ("AI Solutions Engineer", None),
])
def test_role_policy(tax, title, role):
    assert tax.classify_role(title) == role


# --- seniority -----------------------------------------------------------------------------------

def test_seniority_ladder():
    levels = {r["seniority_level"]: r for r in seed("seniority_levels.csv")}
    ranks = [int(r["level_rank"]) for r in levels.values()]
    assert len(set(ranks)) == len(ranks)
    assert [l for l in levels if levels[l]["is_entry_level"] == "true"] == ["entry"]
    assert {l for l in levels if levels[l]["is_senior_plus_staff"] == "true"} == {"senior", "staff"}
    for p in seed("seniority_patterns.csv"):
        assert p["seniority_level"] in levels
        re.compile(" " + p["pattern"].strip() + " ")
        assert not _top_level_alternation(p["pattern"].strip()), p


@pytest.mark.parametrize("title,board,level", [
    ("Jr. Data Analyst", None, "entry"),
    ("Junior Data Scientist", None, "entry"),
    ("Data Scientist - New Grad", None, "entry"),
    ("Machine Learning Engineer I", None, "entry"),
    ("Associate Data Scientist", None, "entry"),
    ("Data Engineer II", None, "mid"),
    ("Sr. Data Engineer", None, "senior"),
    ("Data Engineer III", None, "senior"),
    ("Staff Machine Learning Engineer", None, "staff"),
    ("Senior Staff ML Engineer", None, "staff"),
    ("Principal Data Scientist", None, "principal"),
    ("Lead Data Engineer", None, "lead"),
    ("Data Science Manager", None, "manager"),
    ("Head of Data Engineering", None, "director"),
    ("Director of Data Science", None, "director"),
    ("Associate Director, Data Science", None, "director"),   # not entry level
    ("VP, Data Science", None, "executive"),
    ("Data Science Intern", None, "intern"),
    ("Werkstudent Data Science", None, "intern"),
    ("Member of Technical Staff", None, "unspecified"),        # 'staff' is not a level here
    ("Staff Nurse", None, "unspecified"),
    ("Data Entry Clerk", None, "unspecified"),
    ("Internal Tools Engineer", None, "unspecified"),
    ("Data Scientist", "Internship", "intern"),
    ("Data Scientist", "Entry level", "entry"),
    ("Data Scientist", "Associate", "entry"),
    ("Data Scientist", "Mid-Senior level", "mid"),
    ("Data Scientist", "Director", "director"),
    ("Data Scientist", "Executive", "executive"),
    ("Data Scientist", "Not Applicable", "unspecified"),
    ("Senior Data Scientist", "Entry level", "senior"),       # the title decides first
])
def test_seniority_affixes_and_board_levels(tax, title, board, level):
    assert tax.classify_level(title, board) == level


# --- locations -----------------------------------------------------------------------------------

def test_us_states_and_countries_are_named():
    terms = seed("location_terms.csv")
    us_codes = {t["location_term"] for t in terms if t["term_type"] == "us_state_code"}
    us_names = {t["location_term"] for t in terms if t["term_type"] == "us_state_name"}
    assert len(us_codes) == 51 and len(us_names) == 51, "50 states and DC, by code and by name"
    named = {(t["location_term"], t["country_code"]) for t in terms}
    for c in seed("countries.csv"):
        name = re.sub(" +", " ", re.sub("[^a-z&]+", " ", gen.fold_accents(c["country_name"]).lower())).strip()
        assert (name, c["country_code"]) in named, c
        assert any(code == c["country_code"] and t_type in ("country_iso2", "country_code")
                   for _, code, t_type in ((t["location_term"], t["country_code"], t["term_type"])
                                          for t in terms)), c
    cities = {t["location_term"] for t in terms if t["term_type"] == "city"}
    assert len(cities) >= 300


@pytest.mark.parametrize("location,country", [
    ("Remote - US", "US"), ("US-Remote", "US"), ("Anywhere", None), ("Remote", None),
    ("Bangalore, IN", "IN"), ("Indianapolis, IN", "US"), ("IN", "US"),
    ("London, ON", "CA"), ("London", "GB"), ("Dublin, CA", "US"), ("Sydney, NS", "CA"),
    ("Tbilisi, Georgia", "GE"), ("Atlanta, Georgia", "US"), ("Amsterdam, NL", "NL"),
])
def test_location_policy(tax, location, country):
    assert tax.classify_country(location) == country


# --- the generator still validates against the seeds ----------------------------------------------

def test_generator_text_banks_and_title_pools_validate(tax):
    """The generator checks its filler, traps, templates, titles and locations against every
    alias, exclusion and pattern; a seed change that breaks a text bank fails here, fast."""
    bank = gen.TextBank(tax)
    gen.Pools(tax)
    assert not bank.text_impossible

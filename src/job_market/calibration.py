"""Calibration profiles for the raw job-posting generator.

A profile (``RoleSpec``) says, for one group of postings (a canonical role, or a family of
unrelated jobs whose role is null), how many active postings to make and which shares of them
fall into each country, salary class, seniority level, work arrangement and skill.  Shares are
kept as exact fractions so that ``count = round_half_away(share * N)`` is exact; counts the
article states directly (680 salaried US postings, 236 entry-level postings, ...) are stored as
``Fraction(count, N_article)`` so they come out exactly at scale 1.

Two calibrations exist:

* ``article``  -- reproduces the reference article's figures exactly (AI Engineer vs Machine
  Learning Engineer) after latest-observation dedupe and the active-status filter; the other roles
  and the unrelated jobs get fixed, plausible profiles.
* ``random``   -- the same structure, every proportion drawn from the seed (no premium targets).
  Used as "a second data set with different proportions, checked against its own ground truth".

Only the standard library is used.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Optional

AI = "AI Engineer"
MLE = "Machine Learning Engineer"

LEVELS = (
    "intern", "entry", "mid", "senior", "staff", "principal", "lead",
    "manager", "director", "executive", "unspecified",
)


def frac(x) -> Fraction:
    """Exact fraction of a share given as str/float/int/Fraction (floats via their repr)."""
    if isinstance(x, Fraction):
        return x
    if isinstance(x, float):
        return Fraction(repr(x))
    return Fraction(x)


def round_half_away(x) -> int:
    """Round to the nearest integer, halves away from zero (exact on fractions)."""
    x = frac(x)
    if x >= 0:
        return math.floor(x + Fraction(1, 2))
    return -math.floor(-x + Fraction(1, 2))


def share_count(share, n: int) -> int:
    return round_half_away(frac(share) * n)


def apportion(total: int, weights: list) -> list[int]:
    """Split ``total`` into integer parts proportional to ``weights`` (largest remainder;
    ties go to the earlier entry).  Zero weights get zero."""
    if total <= 0 or not weights:
        return [0] * len(weights)
    ws = [frac(w) for w in weights]
    s = sum(ws)
    if s == 0:
        return [0] * len(weights)
    raw = [w * total / s for w in ws]
    base = [math.floor(r) for r in raw]
    left = total - sum(base)
    order = sorted(range(len(ws)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:left]:
        base[i] += 1
    return base


@dataclass
class RoleSpec:
    """One group of postings. All ``*_share`` values are fractions of the group's active N
    unless said otherwise."""

    key: str                              # unique group key (role name or "unrelated:<family>")
    role: Optional[str]                   # canonical role the titles must classify to (None: unrelated)
    title_family: str                     # key into the generator's title templates
    n_active: int                         # active postings at scale 1
    closed_share: float = 0.10            # closed/expired postings, as a share of n_active
    # geography ---------------------------------------------------------------------------
    us_share: Fraction = Fraction(45, 100)
    in_share: Fraction = Fraction(12, 100)
    nocountry_share: Fraction = Fraction(2, 100)
    other_country_weights: tuple = ()     # ((code, weight), ...) for the rest
    # salary ------------------------------------------------------------------------------
    us_salaried_share: Fraction = Fraction(20, 100)   # US postings with a usable salary (share of N)
    us_trap_share_of_us: Fraction = Fraction(2, 100)  # US postings with an implausible/flagged salary
    salary_median: int = 150000           # exact median of the usable US salaries
    salary_sigma: float = 0.28
    salary_clip: tuple = (70000, 420000)
    nonus_salaried_share: float = 0.32    # probability a non-US posting shows pay
    hourly_share: float = 0.08            # share of salaried US postings paid by the hour
    # seniority ---------------------------------------------------------------------------
    entry_share: Fraction = Fraction(8, 100)
    senior_staff_share: Fraction = Fraction(35, 100)
    staff_within_senior_staff: Fraction = Fraction(22, 100)
    other_level_weights: tuple = ()       # ((level, weight), ...) for the remaining postings
    # work arrangement --------------------------------------------------------------------
    remote_share: Fraction = Fraction(22, 100)
    hybrid_share: Fraction = Fraction(30, 100)
    onsite_share: Fraction = Fraction(45, 100)
    unspecified_share: Fraction = Fraction(0)
    # skills ------------------------------------------------------------------------------
    skill_shares: tuple = ()              # ((skill, share), ...)
    premium: tuple = ()                   # ((skill, n_share_of_N, target_median), ...)
    # every other skill's median US salary stays strictly below this (so the premium skills are
    # the top-paying ones); None: no constraint
    other_skill_median_cap: Optional[int] = None
    # time --------------------------------------------------------------------------------
    growth: float = 1.0                   # exponential growth of posting volume over the window
    exact: bool = True                    # counts are exact (active group)

    def scaled_n(self, scale: float) -> int:
        return max(0, round_half_away(frac(self.n_active) * frac(scale)))


# --------------------------------------------------------------------------------------------
# Article figures
# --------------------------------------------------------------------------------------------

ARTICLE_N = {AI: 4091, MLE: 4781}

AI_SKILLS = (
    ("Python", ".680"), ("LLMs", ".460"), ("RAG", ".390"), ("Machine Learning", ".380"),
    ("Generative AI", ".360"), ("AWS", ".340"), ("LangChain", ".250"), ("Azure", ".240"),
    ("Docker", ".230"), ("PyTorch", ".220"), ("APIs", ".210"), ("OpenAI", ".200"),
    ("Deep Learning", ".195"), ("Monitoring", ".190"), ("Prompt Engineering", ".185"),
    ("Vector Databases", ".180"), ("CI/CD", ".175"), ("TensorFlow", ".170"),
    ("Fine-tuning", ".160"), ("Google Cloud", ".155"), ("Kubernetes", ".150"), ("SQL", ".145"),
    ("Data Pipelines", ".140"), ("Hugging Face", ".135"), ("Embeddings", ".130"),
    ("NLP", ".125"), ("TypeScript", ".121"), ("Agile", ".119"), ("MLOps", ".110"),
    ("Transformers", ".104"),
    # below the top 30 (all < .100)
    ("FastAPI", ".095"), ("React", ".090"), ("Scalability", ".085"), ("Observability", ".080"),
    ("scikit-learn", ".080"), ("Git", ".075"), ("MLflow", ".070"), ("JavaScript", ".070"),
    ("Apache Spark", ".065"), ("Distributed Systems", ".060"), ("Computer Vision", ".060"),
    ("Java", ".060"), ("Pandas", ".060"), ("Node.js", ".055"), ("Statistics", ".050"),
    ("Databricks", ".045"), ("C++", ".045"), ("Go", ".035"), ("Snowflake", ".030"),
    ("Apache Kafka", ".030"), ("JAX", ".020"),
    ("AI Agents", ".085"), ("LlamaIndex", ".060"), ("Anthropic", ".055"), ("Pinecone", ".045"),
    ("Redis", ".040"), ("PostgreSQL", ".040"), ("Microservices", ".040"), ("Terraform", ".030"),
    ("Vertex AI", ".030"), ("SageMaker", ".030"), ("Linux", ".025"), ("Reinforcement Learning", ".025"),
    ("Rust", ".015"), ("GraphQL", ".015"), ("Elasticsearch", ".020"), ("Weights & Biases", ".015"),
)

MLE_SKILLS = (
    ("Machine Learning", ".710"), ("Python", ".650"), ("PyTorch", ".420"),
    ("Deep Learning", ".380"), ("AWS", ".360"), ("TensorFlow", ".310"), ("SQL", ".260"),
    ("Docker", ".240"), ("LLMs", ".230"), ("MLOps", ".228"), ("Kubernetes", ".220"),
    ("Google Cloud", ".210"), ("Generative AI", ".200"), ("Azure", ".190"), ("NLP", ".185"),
    ("Data Pipelines", ".180"), ("Monitoring", ".170"), ("RAG", ".160"), ("CI/CD", ".155"),
    ("Transformers", ".150"), ("scikit-learn", ".140"), ("Fine-tuning", ".135"),
    ("Computer Vision", ".130"), ("Hugging Face", ".125"), ("APIs", ".122"),
    ("Apache Spark", ".120"), ("Statistics", ".112"), ("MLflow", ".108"),
    ("Prompt Engineering", ".104"), ("Java", ".100"),
    # below the top 30 (all < .095)
    ("C++", ".090"), ("Distributed Systems", ".085"), ("Agile", ".080"), ("Pandas", ".080"),
    ("LangChain", ".070"), ("NumPy", ".070"), ("Git", ".070"), ("Vector Databases", ".060"),
    ("Scala", ".060"), ("Databricks", ".060"), ("JAX", ".050"), ("Embeddings", ".050"),
    ("OpenAI", ".050"), ("R", ".050"), ("Reinforcement Learning", ".045"),
    ("Recommender Systems", ".045"), ("Apache Airflow", ".045"), ("Scalability", ".045"),
    ("FastAPI", ".040"), ("Observability", ".040"), ("Go", ".030"), ("TypeScript", ".030"),
    ("JavaScript", ".030"), ("React", ".020"),
    ("XGBoost", ".060"), ("CUDA", ".055"), ("SageMaker", ".050"), ("Kubeflow", ".040"),
    ("ONNX", ".035"), ("TensorRT", ".030"), ("Time Series", ".040"), ("Linux", ".035"),
    ("Weights & Biases", ".030"), ("A/B Testing", ".030"), ("Keras", ".030"), ("Vertex AI", ".025"),
    ("Apache Kafka", ".025"), ("LightGBM", ".025"), ("OpenCV", ".025"),
)

# (skill, n among US postings with a usable salary, target median)
MLE_PREMIUM = (
    ("JAX", 87, 204000), ("C++", 119, 186000), ("Transformers", 87, 177300),
    ("Computer Vision", 150, 171800), ("PyTorch", 509, 170000),
)
AI_PREMIUM = (
    ("Distributed Systems", 40, 183200), ("Apache Spark", 42, 170000), ("React", 48, 158400),
    ("Observability", 52, 150000), ("MLOps", 70, 150000), ("Scalability", 55, 150000),
    ("FastAPI", 60, 150000),
)

# The rest of the world for the two article roles (after US, India and "no country").
AIML_OTHER_COUNTRIES = (
    ("GB", 22), ("CA", 14), ("DE", 12), ("FR", 7), ("NL", 6), ("SG", 6), ("AU", 5), ("IL", 5),
    ("IE", 4), ("CH", 4), ("ES", 3), ("PL", 3), ("SE", 2), ("JP", 2), ("AE", 2), ("BR", 2),
)
DEFAULT_OTHER_COUNTRIES = (
    ("GB", 20), ("CA", 14), ("DE", 12), ("FR", 8), ("NL", 6), ("SG", 5), ("AU", 6), ("IL", 3),
    ("IE", 4), ("CH", 3), ("ES", 5), ("PL", 5), ("SE", 3), ("JP", 2), ("AE", 2), ("BR", 4),
)

AIML_OTHER_LEVELS = (
    ("mid", 34), ("unspecified", 36), ("lead", 9), ("principal", 6), ("manager", 5),
    ("director", 4), ("intern", 4), ("executive", 1),
)


def _article_role(role: str, skills, premium, us_salaried: int, median: int, entry: int,
                  senior_staff: str, remote: str, hybrid: str, onsite: str,
                  us: str, india: str, growth: float, family: str) -> RoleSpec:
    n = ARTICLE_N[role]
    return RoleSpec(
        key=role, role=role, title_family=family, n_active=n, closed_share=0.10,
        us_share=frac(us), in_share=frac(india), nocountry_share=Fraction(3, 100),
        other_country_weights=AIML_OTHER_COUNTRIES,
        us_salaried_share=Fraction(us_salaried, n), us_trap_share_of_us=Fraction(2, 100),
        salary_median=median, salary_sigma=0.28, salary_clip=(70000, 420000),
        nonus_salaried_share=0.35, hourly_share=0.08,
        entry_share=Fraction(entry, n), senior_staff_share=frac(senior_staff),
        staff_within_senior_staff=Fraction(22, 100), other_level_weights=AIML_OTHER_LEVELS,
        remote_share=frac(remote), hybrid_share=frac(hybrid), onsite_share=frac(onsite),
        unspecified_share=Fraction(0),
        skill_shares=tuple((s, frac(v)) for s, v in skills),
        premium=tuple((s, Fraction(k, n), t) for s, k, t in premium),
        other_skill_median_cap=min(t for _, _, t in premium),
        growth=growth,
    )


# Other data/AI roles: (role, family, n_active, us median, skills)
OTHER_ROLES = (
    ("MLOps Engineer", "mlops", 520, 165000, (
        ("Kubernetes", .62), ("Python", .70), ("MLOps", .55), ("Docker", .55), ("AWS", .45),
        ("Terraform", .30), ("CI/CD", .40), ("Machine Learning", .45), ("MLflow", .25),
        ("Kubeflow", .20), ("Google Cloud", .25), ("Monitoring", .30), ("Linux", .20),
        ("Go", .12), ("Apache Airflow", .15), ("SageMaker", .15), ("Observability", .12))),
    ("Computer Vision Engineer", "cv", 450, 165000, (
        ("Computer Vision", .85), ("Python", .75), ("PyTorch", .55), ("OpenCV", .45),
        ("C++", .45), ("Deep Learning", .60), ("TensorFlow", .25), ("CUDA", .20),
        ("Machine Learning", .40), ("TensorRT", .10), ("ONNX", .10), ("Docker", .12))),
    ("NLP Engineer", "nlp", 330, 160000, (
        ("NLP", .85), ("Python", .80), ("PyTorch", .45), ("Transformers", .40),
        ("Hugging Face", .35), ("LLMs", .40), ("spaCy", .20), ("Machine Learning", .50),
        ("Deep Learning", .35), ("TensorFlow", .15), ("Fine-tuning", .15), ("RAG", .15))),
    ("Research Scientist", "research_scientist", 610, 190000, (
        ("Machine Learning", .70), ("Python", .70), ("PyTorch", .60), ("Deep Learning", .55),
        ("Reinforcement Learning", .20), ("NLP", .25), ("Computer Vision", .25), ("JAX", .15),
        ("Statistics", .20), ("LLMs", .30), ("Transformers", .20), ("C++", .10))),
    ("Research Engineer", "research_engineer", 470, 185000, (
        ("Python", .80), ("PyTorch", .60), ("Machine Learning", .55), ("Deep Learning", .45),
        ("Distributed Systems", .25), ("JAX", .15), ("LLMs", .35), ("C++", .20), ("CUDA", .15),
        ("Kubernetes", .10), ("Transformers", .20))),
    ("Applied Scientist", "applied_scientist", 380, 175000, (
        ("Machine Learning", .80), ("Python", .70), ("Statistics", .35), ("Deep Learning", .40),
        ("PyTorch", .35), ("SQL", .30), ("NLP", .25), ("Recommender Systems", .15),
        ("A/B Testing", .15), ("Java", .10), ("Scala", .08), ("LLMs", .25))),
    ("Data Scientist", "data_scientist", 1450, 150000, (
        ("Python", .78), ("SQL", .68), ("Machine Learning", .55), ("Statistics", .45),
        ("R", .25), ("Pandas", .25), ("scikit-learn", .20), ("A/B Testing", .22),
        ("Tableau", .15), ("Deep Learning", .15), ("Data Visualization", .15), ("NumPy", .12),
        ("Apache Spark", .12), ("AWS", .12), ("Time Series", .10), ("XGBoost", .08),
        ("Excel", .10), ("Data Science", .12), ("Snowflake", .06), ("Databricks", .06))),
    ("Data Engineer", "data_engineer", 1380, 150000, (
        ("SQL", .72), ("Python", .66), ("Apache Spark", .45), ("AWS", .42),
        ("Data Pipelines", .50), ("Apache Airflow", .35), ("Apache Kafka", .25),
        ("Snowflake", .25), ("dbt", .20), ("Databricks", .22), ("Scala", .14),
        ("Data Modeling", .20), ("Data Warehousing", .20), ("Azure", .20), ("Google Cloud", .15),
        ("BigQuery", .10), ("Redshift", .08), ("Hadoop", .06), ("Docker", .12), ("Java", .10),
        ("Terraform", .06), ("PostgreSQL", .08))),
    ("Data Analyst", "data_analyst", 1200, 95000, (
        ("SQL", .75), ("Excel", .52), ("Tableau", .35), ("Power BI", .35), ("Python", .38),
        ("Statistics", .20), ("Data Visualization", .30), ("Looker", .10), ("R", .10),
        ("A/B Testing", .08), ("BigQuery", .05), ("Snowflake", .05))),
    ("Analytics Engineer", "analytics_engineer", 420, 140000, (
        ("SQL", .90), ("dbt", .70), ("Python", .45), ("Snowflake", .40), ("Data Modeling", .45),
        ("Looker", .20), ("BigQuery", .25), ("Git", .25), ("Apache Airflow", .15),
        ("Data Warehousing", .25), ("Tableau", .10), ("Redshift", .08))),
    ("BI Engineer", "bi_engineer", 340, 120000, (
        ("SQL", .85), ("Power BI", .50), ("Tableau", .40), ("Data Modeling", .30),
        ("Data Visualization", .30), ("Excel", .30), ("Python", .20), ("Looker", .10),
        ("Data Warehousing", .25), ("Azure", .15))),
    ("Data Architect", "data_architect", 310, 165000, (
        ("SQL", .65), ("Data Modeling", .60), ("AWS", .40), ("Azure", .40),
        ("Data Warehousing", .45), ("Snowflake", .30), ("Databricks", .25),
        ("Apache Spark", .20), ("Apache Kafka", .15), ("Python", .35), ("Google Cloud", .15),
        ("NoSQL", .10))),
    ("Prompt Engineer", "prompt", 300, 130000, (
        ("Prompt Engineering", .80), ("LLMs", .70), ("Python", .45), ("OpenAI", .35),
        ("Generative AI", .45), ("Anthropic", .20), ("LangChain", .15), ("RAG", .15),
        ("AI Agents", .12))),
)

# Unrelated jobs (role null): (family, n_active, us median, skills)
UNRELATED = (
    ("swe", 1000, 145000, (
        ("JavaScript", .30), ("TypeScript", .25), ("React", .22), ("Java", .22), ("Python", .25),
        ("Go", .10), ("Node.js", .15), ("AWS", .25), ("Docker", .20), ("Kubernetes", .15),
        ("Git", .20), ("SQL", .20), ("C#", .08), (".NET", .06), ("Spring", .06),
        ("Microservices", .10), ("Terraform", .06), ("Linux", .08), ("GraphQL", .06),
        ("PostgreSQL", .08), ("Rust", .03), ("Kotlin", .04), ("Swift", .04), ("Agile", .10),
        ("CI/CD", .10), ("Django", .03), ("Flask", .03), ("Redis", .04), ("MongoDB", .04),
        ("C++", .05), ("Bash", .04))),
    ("health", 450, 90000, (("Excel", .04),)),
    ("sales", 450, 70000, (("Excel", .20),)),
    ("marketing", 350, 110000, (("Excel", .25), ("A/B Testing", .12), ("SQL", .06))),
    ("business", 550, 95000, (("Excel", .35), ("Agile", .12), ("SQL", .12), ("Tableau", .05))),
    ("trap", 200, 120000, (("Python", .05), ("Excel", .10))),
)

NONAIML_LEVELS = (
    ("mid", 32), ("unspecified", 40), ("lead", 8), ("principal", 3), ("manager", 6),
    ("director", 4), ("intern", 4), ("executive", 1),
)


def _other_role(role, family, n, median, skills, growth) -> RoleSpec:
    return RoleSpec(
        key=role, role=role, title_family=family, n_active=n, closed_share=0.10,
        us_share=Fraction(45, 100), in_share=Fraction(11, 100), nocountry_share=Fraction(2, 100),
        other_country_weights=DEFAULT_OTHER_COUNTRIES,
        us_salaried_share=Fraction(22, 100), us_trap_share_of_us=Fraction(2, 100),
        salary_median=median, salary_sigma=0.27, nonus_salaried_share=0.30,
        entry_share=Fraction(9, 100), senior_staff_share=Fraction(33, 100),
        staff_within_senior_staff=Fraction(15, 100), other_level_weights=NONAIML_LEVELS,
        remote_share=Fraction(21, 100), hybrid_share=Fraction(28, 100),
        onsite_share=Fraction(40, 100), unspecified_share=Fraction(14, 100),
        skill_shares=tuple((s, frac(v)) for s, v in skills), premium=(), growth=growth,
    )


def _unrelated(family, n, median, skills) -> RoleSpec:
    return RoleSpec(
        key="unrelated:" + family, role=None, title_family="unrelated:" + family, n_active=n,
        closed_share=0.10, us_share=Fraction(55, 100), in_share=Fraction(8, 100),
        nocountry_share=Fraction(2, 100), other_country_weights=DEFAULT_OTHER_COUNTRIES,
        us_salaried_share=Fraction(25, 100), us_trap_share_of_us=Fraction(1, 100),
        salary_median=median, salary_sigma=0.30, salary_clip=(30000, 400000),
        nonus_salaried_share=0.25, hourly_share=0.25 if median < 100000 else 0.05,
        entry_share=Fraction(0), senior_staff_share=Fraction(0),
        other_level_weights=(("unspecified", 1),),   # levels come from the titles themselves
        remote_share=Fraction(12, 100), hybrid_share=Fraction(20, 100),
        onsite_share=Fraction(50, 100), unspecified_share=Fraction(20, 100),
        skill_shares=tuple((s, frac(v)) for s, v in skills), premium=(), growth=0.4,
    )


def article_specs() -> list[RoleSpec]:
    specs = [
        _article_role(AI, AI_SKILLS, AI_PREMIUM, us_salaried=680, median=145000, entry=236,
                      senior_staff=".38", remote=".24", hybrid=".33", onsite=".51",
                      us=".34", india=".13", growth=2.4, family="ai"),
        _article_role(MLE, MLE_SKILLS, MLE_PREMIUM, us_salaried=1087, median=165000, entry=230,
                      senior_staff=".42", remote=".28", hybrid=".30", onsite=".52",
                      us=".44", india=".13", growth=1.1, family="mle"),
    ]
    growths = [1.3, 1.0, 0.9, 1.2, 1.4, 1.0, 0.8, 0.9, 0.6, 0.8, 0.5, 0.6, 1.8]
    for (role, family, n, median, skills), g in zip(OTHER_ROLES, growths):
        specs.append(_other_role(role, family, n, median, skills, g))
    for family, n, median, skills in UNRELATED:
        specs.append(_unrelated(family, n, median, skills))
    return specs


# --------------------------------------------------------------------------------------------
# Random calibration
# --------------------------------------------------------------------------------------------

def _f4(x: float) -> Fraction:
    return Fraction(str(round(x, 4)))


def _shuffle_shares(rng: random.Random, skills, perturb=(0.7, 1.3), cap=0.95):
    names = [s for s, _ in skills]
    values = [float(v) for _, v in skills]
    # shuffle which skill gets which share within blocks of 8 so the profile still looks sane
    out = []
    for i in range(0, len(names), 8):
        block_names = names[i:i + 8]
        block_vals = values[i:i + 8]
        rng.shuffle(block_vals)
        for n, v in zip(block_names, block_vals):
            out.append((n, _f4(min(cap, v * rng.uniform(*perturb)))))
    return tuple(out)


def random_specs(seed: int) -> list[RoleSpec]:
    rng = random.Random(f"job-market-calibration:{seed}")
    out = []
    for spec in article_specs():
        if spec.key in (AI, MLE):
            n = rng.randint(500, 3000)
            remote = rng.uniform(0.15, 0.40)
            hybrid = rng.uniform(0.20, 0.40)
            doubles = rng.uniform(0.03, 0.10)
            onsite = max(0.05, 1.0 - remote - hybrid + doubles)
            us = rng.uniform(0.20, 0.60)
            spec = replace(
                spec, n_active=n,
                us_share=_f4(us), in_share=_f4(rng.uniform(0.05, 0.20)),
                nocountry_share=_f4(rng.uniform(0.01, 0.05)),
                us_salaried_share=_f4(us * rng.uniform(0.30, 0.60)),
                salary_median=int(rng.randrange(110, 200)) * 1000,
                salary_sigma=rng.uniform(0.20, 0.35),
                entry_share=_f4(rng.uniform(0.03, 0.12)),
                senior_staff_share=_f4(rng.uniform(0.25, 0.50)),
                staff_within_senior_staff=_f4(rng.uniform(0.10, 0.30)),
                remote_share=_f4(remote), hybrid_share=_f4(hybrid), onsite_share=_f4(onsite),
                skill_shares=_shuffle_shares(rng, spec.skill_shares),
                premium=(), other_skill_median_cap=None, growth=rng.uniform(0.3, 2.5),
                closed_share=rng.uniform(0.05, 0.15),
            )
        elif spec.role is not None:
            us = rng.uniform(0.20, 0.60)
            spec = replace(
                spec, n_active=rng.randint(300, 1500),
                us_share=_f4(us), in_share=_f4(rng.uniform(0.05, 0.20)),
                nocountry_share=_f4(rng.uniform(0.0, 0.04)),
                us_salaried_share=_f4(us * rng.uniform(0.25, 0.60)),
                salary_median=int(spec.salary_median * rng.uniform(0.8, 1.2)) // 1000 * 1000,
                entry_share=_f4(rng.uniform(0.03, 0.15)),
                senior_staff_share=_f4(rng.uniform(0.20, 0.45)),
                remote_share=_f4(rng.uniform(0.10, 0.35)),
                hybrid_share=_f4(rng.uniform(0.15, 0.35)),
                onsite_share=_f4(rng.uniform(0.25, 0.45)),
                unspecified_share=_f4(rng.uniform(0.05, 0.20)),
                skill_shares=_shuffle_shares(rng, spec.skill_shares),
                growth=rng.uniform(0.3, 2.0),
            )
        else:
            spec = replace(
                spec, n_active=int(spec.n_active * rng.uniform(0.6, 1.4)),
                us_share=_f4(rng.uniform(0.30, 0.70)),
                skill_shares=_shuffle_shares(rng, spec.skill_shares),
            )
        out.append(spec)
    return out


def build_specs(calibration: str, seed: int) -> list[RoleSpec]:
    if calibration == "article":
        return article_specs()
    if calibration == "random":
        return random_specs(seed)
    raise ValueError(f"unknown calibration {calibration!r} (article|random)")


# --------------------------------------------------------------------------------------------
# Exact counts for one group
# --------------------------------------------------------------------------------------------

@dataclass
class GroupCounts:
    n: int
    countries: list                 # [(code or None, count)]
    us_salaried: int
    us_traps: int
    levels: list                    # [(level, count)]
    arrangements: list              # [(tuple of arrangements or ("unspecified",), count)]
    skills: list                    # [(skill, count)]
    premium: list                   # [(skill, n, target)]
    arrangement_totals: dict = field(default_factory=dict)


def group_counts(spec: RoleSpec, n: int, with_premium: bool) -> GroupCounts:
    """Exact per-category counts for ``n`` postings of ``spec`` (always sum to ``n``)."""
    # countries -------------------------------------------------------------------------
    us = min(n, share_count(spec.us_share, n))
    india = min(n - us, share_count(spec.in_share, n))
    none = min(n - us - india, share_count(spec.nocountry_share, n))
    rest = n - us - india - none
    codes = [c for c, _ in spec.other_country_weights]
    parts = apportion(rest, [w for _, w in spec.other_country_weights])
    countries = [("US", us), ("IN", india), (None, none)] + list(zip(codes, parts))
    if not codes and rest:
        countries.append(("GB", rest))
    # salary ----------------------------------------------------------------------------
    us_sal = min(us, share_count(spec.us_salaried_share, n))
    traps = min(us - us_sal, share_count(spec.us_trap_share_of_us, us))
    # levels ----------------------------------------------------------------------------
    entry = min(n, share_count(spec.entry_share, n))
    ss = min(n - entry, share_count(spec.senior_staff_share, n))
    staff = share_count(spec.staff_within_senior_staff, ss)
    senior = ss - staff
    rest = n - entry - ss
    lv = [w for w in spec.other_level_weights]
    lparts = apportion(rest, [w for _, w in lv])
    levels = [("entry", entry), ("senior", senior), ("staff", staff)]
    levels += [(l, c) for (l, _), c in zip(lv, lparts)]
    merged: dict = {}
    for l, c in levels:
        merged[l] = merged.get(l, 0) + c
    levels = [(l, merged[l]) for l in LEVELS if merged.get(l)]
    # arrangements -------------------------------------------------------------------------
    unspec = min(n, share_count(spec.unspecified_share, n))
    stated = n - unspec
    R = share_count(spec.remote_share, n)
    H = share_count(spec.hybrid_share, n)
    O = share_count(spec.onsite_share, n)
    d = R + H + O - stated
    if d < 0:            # not enough mentions to cover every stated posting: pad onsite
        O -= d
        d = 0
    rh = min(d // 2, R, H)
    ho = min(d - rh, H - rh, O)
    ro = d - rh - ho
    r, h, o = R - rh - ro, H - rh - ho, O - ho - ro
    if min(r, h, o, ro) < 0:
        raise ValueError(f"{spec.key}: arrangement shares cannot be met")
    arrangements = [
        (("remote",), r), (("hybrid",), h), (("onsite",), o),
        (("hybrid", "remote"), rh), (("hybrid", "onsite"), ho), (("onsite", "remote"), ro),
        (("unspecified",), unspec),
    ]
    arrangements = [(a, c) for a, c in arrangements if c]
    # skills --------------------------------------------------------------------------------
    skills = [(s, min(n, share_count(v, n))) for s, v in spec.skill_shares]
    premium = []
    if with_premium:
        for s, nshare, target in spec.premium:
            premium.append((s, share_count(nshare, n), target))
    return GroupCounts(
        n=n, countries=[(c, k) for c, k in countries if k], us_salaried=us_sal, us_traps=traps,
        levels=levels, arrangements=arrangements, skills=skills, premium=premium,
        arrangement_totals={"remote": R, "hybrid": H, "onsite": O},
    )

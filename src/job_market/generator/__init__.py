"""Raw job-posting generator for the Job Market Warehouse.

Writes scrape batches of JSON Lines (plain and gzip) that follow the raw landing contract, plus a
ground-truth file with the final state of every posting, so that the default build reproduces the
reference article's figures exactly.

    PYTHONPATH=src python -m job_market.generator --seed 42 --out data/generated \
        [--calibration article|random] [--scale 1.0] [--description-chars 600]

Layout of ``--out``:

    raw/batch_<YYYY-MM-DD>_<NNN>.jsonl[.gz]   one file per scrape batch (NNN: global batch number)
    truth/postings_truth.jsonl                one line per (source, posting_id): its final state
    truth/manifest.json                       seed, calibration, counts

Every truth value is derived from the rendered raw text of the posting's latest observation by
reference implementations of the warehouse's classification rules (``Taxonomy`` in taxonomy.py,
reading the seeds in ``seeds/taxonomies``), and checked against what the generator intended: a
text form that would be classified differently from the intent fails generation loudly.

Conventions the truth follows (the warehouse must compute the same):

* latest observation per (source, posting_id) by ``scraped_at`` in UTC (no offset = UTC);
  ``is_active``: status missing/null or ``active`` in any case; ``closed``/``expired`` are not;
* role / seniority: ``text_match_key`` of the title, seed regexes by precedence (role ties by
  name); title level patterns first (on the title with the seniority_title_exclusions phrases
  blanked out), then the board ``seniority`` field, else ``unspecified``;
* country: location cut at , - – — ( ) / | ; (lowercased), each part keyed by turning every
  non [a-z&] run into one space, also with workplace/filler words stripped ("remote", "greater",
  "area", ...); the last matching part decides; a candidate country named by another part wins,
  then the lowest term_priority, then the country code;
* arrangements: every pattern matching ``workplace_type``; if it names none (or is missing) every
  pattern matching the location; nothing -> ["unspecified"];
* skills: whole-tag alias match (any alias) plus description matches of text-allowed aliases on
  the tokens of the description with tags replaced by spaces (block and line tags by line breaks)
  and entities decoded, a separator between two tokens being the boundary token "|"; a match inside
  a longer match is dropped, also inside an exclusion phrase of skill_text_exclusions ("spark
  joy", "r&d"), which then names no skill; truth lists are sorted by code point (case-sensitive);
* salary: structured min/max win over text; midpoint of the annualized bounds in USD (rounded to
  cents in the truth); unusable when below 10,000 or above 1,000,000, min > max, or no amount;
* posted_date: the UTC date of ``posted_at`` (date-only, ``...Z`` or naive timestamps only).

Modules, in the order the data flows:

    taxonomy, textkeys, salary_text   the warehouse's rules in Python, reading the seeds
    vocab (data/*.json)               titles, locations, companies, sentences, skill spellings
    textbank, pools                   those vocabularies checked against the rules, ready to draw
    assign                            the intended final state of every posting of a role group
    render, describe, salary_render   the posting's raw fields written from its intent
    schedule, batches, ids, sources   posting days, scrape batches, posting ids, job boards
    trends                            documented history trends (rising skill, reopenings, retitles)
    engine                            role groups rendered (in worker processes), files written
    api, __main__                     generate(), the command line

Standard library only.
"""
from .api import add_arguments, default_workers, format_summary, generate, generate_from_args, main
from .engine import GENERATOR_VERSION, Generator
from .errors import GenerationError
from .pools import Pools
from .salary_text import currency_from_text, parse_salary_text, period_from_text
from .taxonomy import Taxonomy, seeds_dir
from .textbank import TextBank
from .textkeys import (SKILL_BOUNDARY, SKILL_BOUNDARY_RE, TOKEN_RE, fold_accents, html_to_text, skill_tokens,
                       text_match_key)

__all__ = [
    "GENERATOR_VERSION", "SKILL_BOUNDARY", "SKILL_BOUNDARY_RE", "TOKEN_RE", "GenerationError",
    "Generator", "Pools", "Taxonomy", "TextBank", "add_arguments", "currency_from_text",
    "default_workers", "fold_accents", "format_summary", "generate", "generate_from_args",
    "html_to_text", "main", "parse_salary_text", "period_from_text", "seeds_dir", "skill_tokens",
    "text_match_key",
]

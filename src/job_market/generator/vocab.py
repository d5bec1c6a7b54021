"""The generator's vocabularies, read from the JSON files in data/ (package data)."""
from __future__ import annotations

import json
from importlib import resources


def _load(name: str):
    return json.loads((resources.files(__package__) / "data" / name).read_text(encoding="utf-8"))


# Titles (titles.json) ---------------------------------------------------------------------------
_titles = _load("titles.json")
# family -> {"role_slug", "description_group", "bases", "mgmt"}. role_slug: the role (roles.csv)
# its titles must classify as; bases: plain titles (no level); a trailing "*" marks a base that
# takes numeral suffixes (I, II, III); mgmt: "<X> Engineering"-style heads for
# manager/director/executive titles
TITLE_FAMILIES = _titles["families"]
# family -> the intro and filler sentences its descriptions use (FAMILY_FILLER, INTROS)
FAMILY_GROUP = {fam: spec["description_group"] for fam, spec in TITLE_FAMILIES.items()}
# level -> title forms: "{b}" plain base, "{n}" base that takes numeral suffixes, "{m}" management head
LEVEL_FORMS = _titles["level_forms"]
# levels that can come from the board field on a plain title, with the board words
BOARD_FORMS = _titles["board_forms"]
BOARD_VALUES_ANY = _titles["board_values_any"]
TITLE_DECORATIONS = _titles["decorations"]
# jobs that are none of the roles, by family; the "trap" family looks like data/AI jobs and
# matches no role pattern
UNRELATED_TITLES = _titles["unrelated_titles"]
UNRELATED_PREFIXES = _titles["unrelated_prefixes"]

# Locations (locations.json) ---------------------------------------------------------------------
_locations = _load("locations.json")
# country code (None: no country) -> locations stating no arrangement
LOCATIONS = {c["country"]: c["locations"] for c in _locations["countries"]}
# country code -> location forms that already say remote
REMOTE_LOCATIONS = {c["country"]: c["remote_locations"] for c in _locations["countries"]
                    if "remote_locations" in c}
# arrangement -> forms that add it to a location "{l}"
LOCATION_KEYWORD_FORMS = _locations["keyword_forms"]
# arrangements (a sorted tuple) -> workplace_type values stating exactly these
WORKPLACE_FORMS = {tuple(w["arrangements"]): w["forms"] for w in _locations["workplace_forms"]}

COMPANIES = _load("companies.json")

# Descriptions (descriptions.json) ---------------------------------------------------------------
_descriptions = _load("descriptions.json")
# Filler sentences: no alias of any skill (checked by TextBank), and their first/last words belong
# to no alias, so neighbouring sentences can never form an alias across the boundary.
GENERAL_FILLER = _descriptions["general_filler"]
FAMILY_FILLER = _descriptions["family_filler"]
INTROS = _descriptions["intros"]
# Deliberate traps: only text-disallowed aliases (react, cv, go, node, c, spring, r, ts) or look-alike
# words (sparkling, goals, scalable, monitor, reinforcement of); they must produce no skill.
TRAP_SENTENCES = _descriptions["trap_sentences"]
MENTION_TEMPLATES = _descriptions["mention_templates"]
BULLET_TEMPLATES = _descriptions["bullet_templates"]
SINGLE_MENTION_TEMPLATE = _descriptions["single_mention_template"]
JAVASCRIPT_TRAP = _descriptions["javascript_trap"]   # only where both skills are meant

# Skill spellings (skill_spellings.json) ---------------------------------------------------------
_spellings = _load("skill_spellings.json")
# How a text mention writes an alias, where the seeds do not say it already: by default an alias
# is written as its skill's name (skills.csv) when the two tokenize alike, else as the alias itself
# (skill_aliases.csv).
TEXT_DISPLAY = _spellings["text_display"]
# text spellings never used: bare "api" right after an OpenAI mention would read "openai api"
TEXT_ALIAS_EXCLUDE = set(_spellings["text_alias_exclude"])
# tag spellings besides the alias as it is, lowercased, uppercased and title-cased
TAG_PRETTY = _spellings["tag_pretty"]
NOISE_TAGS = _spellings["noise_tags"]

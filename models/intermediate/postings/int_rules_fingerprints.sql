-- One row per rule set a per-posting incremental model was computed with: the fingerprint
-- (rules_hash) of its seeds, taxonomy models and settings. The one place that says which rules
-- belong to which model: a per-posting model stores its rule set's fingerprint with every row and
-- processes every posting again when the stored one is not the current one (see
-- macros/incremental.sql). Rebuilt in every run; three rows.

with

fingerprints as (
    -- int_postings_classified and int_posting_versions_derived: role, seniority, country and salary rules
    select
        'posting_classification' as rule_set,
        {{ rules_hash(
            [
                ref('roles'), ref('role_title_patterns'), ref('seniority_levels'),
                ref('seniority_patterns'), ref('seniority_title_exclusions'), ref('location_terms'),
                ref('currencies'), ref('salary_periods'),
            ],
            [
                var('role_classification'), var('plausible_salary_usd_annual_min'),
                var('plausible_salary_usd_annual_max'),
            ],
        ) }} as rules_hash

    union all

    -- int_posting_arrangements_exploded: remote / hybrid / onsite patterns
    select
        'work_arrangements' as rule_set,
        {{ rules_hash([ref('work_arrangement_patterns')]) }} as rules_hash

    union all

    -- int_posting_skills_extracted: the skill taxonomy (aliases and exclusion phrases)
    select
        'skill_taxonomy' as rule_set,
        {{ rules_hash([ref('int_skill_aliases_tokenized'), ref('int_skill_text_exclusions_tokenized')]) }} as rules_hash
)

select * from fingerprints

-- One row per posting and version: a type-2 history derived from the observations themselves.
-- A version starts at the first observation (scraped_at order) whose tracked fields (status,
-- title, role, seniority, location, salary, skills fingerprint) differ from the observation
-- before it; a re-scrape that changes none of them extends the version (last_observed_at) and
-- starts none. valid_from is the scrape time the version was first seen, valid_to the time the
-- next version was first seen (null for the current one), so versions neither overlap nor leave
-- gaps. Not a dbt snapshot: a snapshot records when a build ran, not when a scrape saw the
-- change, and needs merge, which Spark cannot do here without Delta (see the doc block
-- posting_versions).
-- Incremental: the postings staged since the last run get all their versions derived again from
-- all their observations (and every posting when the classification rules changed).
{{ config(
    materialized=per_posting_materialization(),
    unique_key='posting_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ delete_reprocessed_postings(ref('int_postings_unioned'), 'posting_classification') }}",
) }}

{%- set tracked = {
    'status': ['posting_status'],
    'title': ['title'],
    'role': ['role'],
    'seniority': ['seniority_level'],
    'location': ['location_text', 'country_code'],
    'salary': ['salary_min_amount', 'salary_max_amount', 'salary_currency_code', 'salary_period'],
    'skills': ['skills_fingerprint'],
} %}
{%- set order_by = 'scraped_at, source_file, source_line_number' %}
{%- set change_checks = [] %}
{%- for field in tracked %}
    {%- do change_checks.append(('is_' ~ field ~ '_changed', field)) %}
{%- endfor %}

with

postings as (
    select
        posting_key,
        staged_at
    from {{ ref('int_postings_unioned') }}
    where {{ postings_to_process('posting_classification') }}
),

observations as (
    select * from {{ ref('int_posting_observations_classified') }}
),

-- every observation of the postings processed, beside the one scraped before it. The column
-- lists are templated; sqlfluff cannot lay them out, so indentation checks are off here.
-- noqa: disable=LT02
ordered as (
    select
        observations.*,
        postings.staged_at,
        {%- for columns in tracked.values() %}{% for column in columns %}
        lag({{ column }}) over (
            partition by observations.posting_key order by {{ order_by }}
        ) as previous_{{ column }},
        {%- endfor %}{% endfor %}
        row_number() over (partition by observations.posting_key order by {{ order_by }}) as observation_order
    from observations
    inner join postings
        on observations.posting_key = postings.posting_key
),

flagged as (
    select
        *,
        {%- for field, columns in tracked.items() %}
        observation_order > 1
        and (
            {%- for column in columns %}
            {{ 'or ' if not loop.first }}{{ column }} is distinct from previous_{{ column }}
            {%- endfor %}
        ) as is_{{ field }}_changed,
        {%- endfor %}
        observation_order = 1 as is_first_observation
    from ordered
),
-- noqa: enable=LT02

listed as (
    select
        *,
        {{ issue_codes(change_checks) }} as changed_fields
    from flagged
),

numbered as (
    select
        *,
        sum(
            case when is_first_observation or {{ list_length('changed_fields') }} > 0 then 1 else 0 end
        ) over (
            partition by posting_key order by {{ order_by }} rows between unbounded preceding and current row
        ) as version_number
    from listed
),

spans as (
    select
        *,
        min(observation_order) over (partition by posting_key, version_number) as first_order,
        max(scraped_at) over (partition by posting_key, version_number) as last_observed_at,
        count(*) over (partition by posting_key, version_number) as observation_count
    from numbered
),

version_starts as (
    select
        *,
        lead(scraped_at) over (partition by posting_key order by version_number) as next_version_from
    from spans
    where observation_order = first_order
),

final as (
    select
        -- grain
        posting_key,
        cast(version_number as integer) as version_number,

        -- validity (scrape times)
        scraped_at as valid_from,
        next_version_from as valid_to,
        last_observed_at,
        next_version_from is null as is_current,
        cast(observation_count as integer) as observation_count,

        -- what the version holds
        posting_status,
        is_active,
        title,
        role,
        seniority_level,
        location_text,
        country_code,
        salary_min_amount,
        salary_max_amount,
        salary_currency_code,
        salary_period,
        salary_usd_annual,
        skills_fingerprint,

        -- what changed against the version before (all false, and an empty list, for the first)
        changed_fields,
        is_status_changed,
        is_title_changed,
        is_role_changed,
        is_seniority_changed,
        is_location_changed,
        is_salary_changed,
        is_skills_changed,

        -- incremental bookkeeping
        staged_at,
        {{ current_rules_hash('posting_classification') }} as rules_hash
    from version_starts
)

select * from final

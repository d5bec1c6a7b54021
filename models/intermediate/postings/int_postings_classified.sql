-- One row per posting (latest observation): everything the marts group and filter by.
-- Incremental: only postings staged since the last run, and every posting again when the
-- classification rules (role, seniority and location seeds, currencies, settings) changed; see
-- macros/incremental.sql.
{{ config(
    materialized=per_posting_materialization(),
    unique_key='posting_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ delete_reprocessed_postings(ref('int_postings_unioned'), 'posting_classification') }}",
) }}

with

postings as (
    select * from {{ ref('int_postings_unioned') }}
    where {{ postings_to_process('posting_classification') }}
),

titles as (
    select * from {{ ref('int_titles_classified') }}
),

seniorities as (
    select * from {{ ref('int_seniorities_classified') }}
),

seniority_levels as (
    select * from {{ ref('seniority_levels') }}
),

locations as (
    select * from {{ ref('int_locations_parsed') }}
),

salaries as (
    select * from {{ ref('int_postings_salaries_normalized') }}
    where {{ postings_to_process('posting_classification') }}
),

keyed as (
    select
        *,
        {{ text_match_key('title') }} as title_key,
        coalesce({{ text_match_key('board_seniority_text') }}, ' ') as board_seniority_key
    from postings
),

final as (
    select
        -- ids
        keyed.posting_key,
        keyed.posting_id,
        keyed.source,

        -- status and dates
        keyed.posting_status,
        keyed.is_active,
        keyed.posted_date,
        {{ dbt.date_trunc('month', 'keyed.posted_date') }} as posted_month,
        keyed.scraped_at,
        keyed.observation_count,

        -- role
        keyed.title,
        keyed.title_key,
        titles.role,
        titles.is_role_classified,

        -- seniority (a level the source states outright wins over classified text)
        seniority_levels.seniority_level,
        case
            when keyed.seniority_level_given is not null then 'given'
            else seniorities.seniority_source
        end as seniority_source,
        cast(seniority_levels.is_entry_level as boolean) as is_entry_level,
        cast(seniority_levels.is_senior_plus_staff as boolean) as is_senior_plus_staff,

        -- geography (a country code the source states outright wins over a parsed location)
        keyed.location_text,
        coalesce(keyed.country_code_given, locations.country_code) as country_code,
        coalesce(coalesce(keyed.country_code_given, locations.country_code) = 'US', false) as is_us,

        -- employer
        keyed.company_name,

        -- salary
        salaries.salary_source,
        salaries.salary_currency_code,
        salaries.salary_period,
        salaries.salary_usd_annual,
        salaries.has_usable_salary,
        salaries.salary_issue,

        -- incremental bookkeeping
        keyed.staged_at,
        {{ current_rules_hash('posting_classification') }} as rules_hash
    from keyed
    inner join titles
        on keyed.title_key = titles.title_key
    inner join seniorities
        on
            keyed.title_key = seniorities.title_key
            and keyed.board_seniority_key = seniorities.board_seniority_key
    inner join seniority_levels
        on coalesce(keyed.seniority_level_given, seniorities.seniority_level) = seniority_levels.seniority_level
    left join locations
        on keyed.location_text = locations.location_text
    inner join salaries
        on keyed.posting_key = salaries.posting_key
)

select * from final

-- One row per observation of a posting: the fields the posting history tracks, classified with
-- the lookups that classify a posting's latest observation (int_postings_classified): role from
-- the title, seniority from the title and the board's level, country from the location, pay as an
-- annual US-dollar base salary (the same rules: macros/parsing/salary_resolution.sql).
-- A view: int_posting_versions_derived reads it for the postings it processes.
{{ config(materialized='view') }}

with

observations as (
    select * from {{ ref('int_posting_observations_unioned') }}
),

titles as (
    select * from {{ ref('int_titles_classified') }}
),

seniorities as (
    select * from {{ ref('int_seniorities_classified') }}
),

locations as (
    select * from {{ ref('int_locations_parsed') }}
),

currencies as (
    select * from {{ ref('currencies') }}
),

salary_periods as (
    select * from {{ ref('salary_periods') }}
),

keyed as (
    select
        *,
        {{ text_match_key('title') }} as title_key,
        coalesce({{ text_match_key('board_seniority_text') }}, ' ') as board_seniority_key
    from observations
),

salary_converted as (
    select
        keyed.*,
        {{ salary_usd_annual_bounds('keyed') }}
    from keyed
    left join currencies
        on keyed.salary_currency_code = currencies.currency_code
    left join salary_periods
        on keyed.salary_period = salary_periods.salary_period
),

salary_checked as (
    select
        *,
        {{ salary_issue_code() }} as salary_issue
    from salary_converted
),

final as (
    select
        -- ids and order
        salary_checked.posting_key,
        salary_checked.scraped_at,
        salary_checked.source_file,
        salary_checked.source_line_number,

        -- status
        salary_checked.posting_status,
        salary_checked.is_active,

        -- role and seniority (a level the source states outright wins, as for postings)
        salary_checked.title,
        titles.role,
        coalesce(
            salary_checked.seniority_level_given, seniorities.seniority_level, 'unspecified'
        ) as seniority_level,

        -- geography
        salary_checked.location_text,
        coalesce(salary_checked.country_code_given, locations.country_code) as country_code,

        -- salary
        salary_checked.salary_min_amount,
        salary_checked.salary_max_amount,
        salary_checked.salary_currency_code,
        salary_checked.salary_period,
        case
            when salary_checked.salary_issue is null
                then (salary_checked.salary_min_usd_annual + salary_checked.salary_max_usd_annual) / 2.0
        end as salary_usd_annual,

        -- skills
        salary_checked.skills_fingerprint
    from salary_checked
    left join titles
        on salary_checked.title_key = titles.title_key
    left join seniorities
        on
            salary_checked.title_key = seniorities.title_key
            and salary_checked.board_seniority_key = seniorities.board_seniority_key
    left join locations
        on salary_checked.location_text = locations.location_text
)

select * from final

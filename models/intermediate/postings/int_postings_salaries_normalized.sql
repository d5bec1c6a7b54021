-- One row per posting: its pay as an annual US-dollar base salary.
-- Base salary = midpoint of the annualized bounds (a single figure is both bounds); hour x 2080,
-- day x 260, week x 52, month x 12; US dollars through the currency seed. Anything that cannot be
-- trusted gets a salary_issue code and no salary_usd_annual: nothing is guessed.
-- A view: plain arithmetic on a few columns, computed where it is read (for the postings
-- int_postings_classified processes), so it never goes stale when a currency rate changes.
{{ config(materialized='view') }}

with

postings as (
    select
        posting_key,
        staged_at,
        salary_source,
        salary_min_amount,
        salary_max_amount,
        salary_currency_code,
        salary_period
    from {{ ref('int_postings_unioned') }}
),

currencies as (
    select * from {{ ref('currencies') }}
),

salary_periods as (
    select * from {{ ref('salary_periods') }}
),

converted as (
    select
        postings.posting_key,
        postings.staged_at,
        postings.salary_source,
        postings.salary_min_amount,
        postings.salary_max_amount,
        postings.salary_currency_code,
        postings.salary_period,
        {{ salary_usd_annual_bounds('postings') }}
    from postings
    left join currencies
        on postings.salary_currency_code = currencies.currency_code
    left join salary_periods
        on postings.salary_period = salary_periods.salary_period
),

checked as (
    select
        *,
        (salary_min_usd_annual + salary_max_usd_annual) / 2.0 as salary_midpoint_usd_annual,
        {{ salary_issue_code() }} as salary_issue
    from converted
),

final as (
    select
        posting_key,
        salary_source,
        salary_currency_code,
        salary_period,
        salary_min_usd_annual,
        salary_max_usd_annual,
        salary_midpoint_usd_annual,
        salary_issue,
        salary_issue is null as has_usable_salary,
        case when salary_issue is null then salary_midpoint_usd_annual end as salary_usd_annual,
        staged_at
    from checked
)

select * from final

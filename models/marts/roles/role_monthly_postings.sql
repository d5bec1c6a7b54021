-- Grain: one row per role and calendar month of posted_date (postings without a posted_date are
-- left out here and counted in role_metrics). Every posting counts in the month it went up,
-- whether it is still active or not, so the series shows demand over time.
with

postings as (
    select * from {{ ref('int_postings_classified') }}
    where is_role_classified and posted_month is not null
),

us_salaried as (
    select
        role,
        posted_month,
        salary_usd_annual
    from postings
    where is_us and has_usable_salary
),

salary_stats as (
    {{ median_with_ci('us_salaried', ['role', 'posted_month'], 'salary_usd_annual') }}
),

monthly as (
    select
        role,
        posted_month,
        count(*) as new_postings,
        sum(case when is_active then 1 else 0 end) as still_active_postings,
        sum(case when is_us then 1 else 0 end) as us_postings
    from postings
    group by role, posted_month
),

final as (
    select
        cast(monthly.role as string) as role,
        cast(monthly.posted_month as date) as posted_month,
        cast(monthly.new_postings as bigint) as new_postings,
        cast(monthly.still_active_postings as bigint) as still_active_postings,
        cast(monthly.us_postings as bigint) as us_postings,
        cast(coalesce(salary_stats.n, 0) as bigint) as us_salaried_postings,
        cast(salary_stats.median_value as double) as median_us_base_salary_usd,
        cast(salary_stats.ci_low_value as double) as median_us_base_salary_ci_low_usd,
        cast(salary_stats.ci_high_value as double) as median_us_base_salary_ci_high_usd,
        cast(
            monthly.new_postings * 1e0
            / sum(monthly.new_postings) over (partition by monthly.role) as double
        ) as share_of_role_postings
    from monthly
    left join salary_stats
        on
            monthly.role = salary_stats.role
            and monthly.posted_month = salary_stats.posted_month
)

select * from final

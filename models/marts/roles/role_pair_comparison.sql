-- Grain: one row per ordered pair of distinct roles: the headline "X vs Y" table.
-- Gaps and ratios read "role_a relative to role_b". Growth compares the postings that went up in
-- the two trend periods (macros/trend_periods.sql), each role with its counts.
with

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

overlap as (
    select * from {{ ref('role_pair_overlap') }}
),

monthly_postings as (
    select * from {{ ref('role_monthly_postings') }}
),

latest as (
    select max(posted_month) as latest_month from monthly_postings
),

-- postings that went up in each trend period, per role (every role of role_metrics, 0 when none)
period_postings as (
    select
        monthly_postings.role,
        sum(
            case
                when {{ trend_period('monthly_postings.posted_month', 'latest.latest_month') }} = 'prior'
                    then monthly_postings.new_postings
                else 0
            end
        ) as prior_period_postings,
        sum(
            case
                when {{ trend_period('monthly_postings.posted_month', 'latest.latest_month') }} = 'recent'
                    then monthly_postings.new_postings
                else 0
            end
        ) as recent_period_postings
    from monthly_postings
    cross join latest
    group by monthly_postings.role
),

growth as (
    select
        role_metrics.role,
        coalesce(period_postings.prior_period_postings, 0) as prior_period_postings,
        coalesce(period_postings.recent_period_postings, 0) as recent_period_postings,
        period_postings.recent_period_postings * 1e0
        / nullif(period_postings.prior_period_postings, 0) - 1 as posting_growth
    from role_metrics
    left join period_postings
        on role_metrics.role = period_postings.role
),

final as (
    select
        -- grain
        cast(overlap.role_a as string) as role_a,
        cast(overlap.role_b as string) as role_b,

        -- postings
        cast(metrics_a.active_postings as bigint) as role_a_active_postings,
        cast(metrics_b.active_postings as bigint) as role_b_active_postings,
        cast(metrics_a.active_postings * 1e0 / metrics_b.active_postings as double)
            as active_postings_ratio,

        -- median US base salary
        cast(metrics_a.us_salaried_postings as bigint) as role_a_us_salaried_postings,
        cast(metrics_b.us_salaried_postings as bigint) as role_b_us_salaried_postings,
        cast(metrics_a.median_us_base_salary_usd as double) as role_a_median_us_base_salary_usd,
        cast(metrics_b.median_us_base_salary_usd as double) as role_b_median_us_base_salary_usd,
        cast(
            metrics_a.median_us_base_salary_usd - metrics_b.median_us_base_salary_usd as double
        ) as median_salary_gap_usd,
        cast(
            (metrics_a.median_us_base_salary_usd - metrics_b.median_us_base_salary_usd)
            / nullif(metrics_b.median_us_base_salary_usd, 0) as double
        ) as median_salary_gap_share,

        -- seniority
        cast(metrics_a.entry_level_postings as bigint) as role_a_entry_level_postings,
        cast(metrics_b.entry_level_postings as bigint) as role_b_entry_level_postings,
        cast(metrics_a.entry_level_share as double) as role_a_entry_level_share,
        cast(metrics_b.entry_level_share as double) as role_b_entry_level_share,
        cast(metrics_a.senior_plus_staff_share as double) as role_a_senior_plus_staff_share,
        cast(metrics_b.senior_plus_staff_share as double) as role_b_senior_plus_staff_share,

        -- work arrangement
        cast(metrics_a.remote_share as double) as role_a_remote_share,
        cast(metrics_b.remote_share as double) as role_b_remote_share,
        cast(metrics_a.hybrid_share as double) as role_a_hybrid_share,
        cast(metrics_b.hybrid_share as double) as role_b_hybrid_share,
        cast(metrics_a.onsite_share as double) as role_a_onsite_share,
        cast(metrics_b.onsite_share as double) as role_b_onsite_share,

        -- geography
        cast(metrics_a.us_share as double) as role_a_us_share,
        cast(metrics_b.us_share as double) as role_b_us_share,
        cast(metrics_a.india_share as double) as role_a_india_share,
        cast(metrics_b.india_share as double) as role_b_india_share,

        -- skills
        cast(metrics_a.top_skill as string) as role_a_top_skill,
        cast(metrics_b.top_skill as string) as role_b_top_skill,
        cast(metrics_a.top_skill_share as double) as role_a_top_skill_share,
        cast(metrics_b.top_skill_share as double) as role_b_top_skill_share,
        cast(overlap.top_n as integer) as top_n,
        cast(overlap.shared_skills as bigint) as shared_skills,
        cast(overlap.union_skills as bigint) as union_skills,
        cast(overlap.jaccard as double) as jaccard,

        -- growth between the two trend periods (postings that went up in each)
        cast({{ var('trend_period_months') }} as integer) as growth_period_months,
        {{ trend_period_start('prior', 'latest.latest_month') }} as growth_prior_period_start,
        {{ trend_period_start('recent', 'latest.latest_month') }} as growth_recent_period_start,
        cast(growth_a.prior_period_postings as bigint) as role_a_prior_period_postings,
        cast(growth_b.prior_period_postings as bigint) as role_b_prior_period_postings,
        cast(growth_a.recent_period_postings as bigint) as role_a_recent_period_postings,
        cast(growth_b.recent_period_postings as bigint) as role_b_recent_period_postings,
        cast(growth_a.posting_growth as double) as role_a_posting_growth,
        cast(growth_b.posting_growth as double) as role_b_posting_growth,
        cast(growth_a.posting_growth - growth_b.posting_growth as double) as posting_growth_gap
    from overlap
    inner join role_metrics as metrics_a
        on overlap.role_a = metrics_a.role
    inner join role_metrics as metrics_b
        on overlap.role_b = metrics_b.role
    inner join growth as growth_a
        on overlap.role_a = growth_a.role
    inner join growth as growth_b
        on overlap.role_b = growth_b.role
    cross join latest
)

select * from final

-- Grain: one row per canonical role with at least one active posting.
with

postings as (
    select * from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified
),

arrangements as (
    select * from {{ ref('int_posting_arrangements_exploded') }}
),

skill_shares as (
    select * from {{ ref('role_skill_shares') }}
),

role_counts as (
    select
        role,
        count(*) as active_postings,
        sum(case when is_us then 1 else 0 end) as us_postings,
        sum(case when is_us and has_usable_salary then 1 else 0 end) as us_salaried_postings,
        sum(case when is_entry_level then 1 else 0 end) as entry_level_postings,
        sum(case when is_senior_plus_staff then 1 else 0 end) as senior_plus_staff_postings,
        sum(case when country_code = 'IN' then 1 else 0 end) as india_postings,
        sum(case when country_code is null then 1 else 0 end) as unknown_country_postings,
        count(distinct company_name) as distinct_employers
    from postings
    group by role
),

arrangement_counts as (
    select
        postings.role,
        sum(case when arrangements.work_arrangement = 'remote' then 1 else 0 end) as remote_postings,
        sum(case when arrangements.work_arrangement = 'hybrid' then 1 else 0 end) as hybrid_postings,
        sum(case when arrangements.work_arrangement = 'onsite' then 1 else 0 end) as onsite_postings,
        sum(
            case when arrangements.work_arrangement = 'unspecified' then 1 else 0 end
        ) as unspecified_arrangement_postings
    from postings
    inner join arrangements
        on postings.posting_key = arrangements.posting_key
    group by postings.role
),

us_salaried as (
    select
        role,
        salary_usd_annual
    from postings
    where is_us and has_usable_salary
),

salary_stats as (
    {{ median_with_ci('us_salaried', ['role'], 'salary_usd_annual') }}
),

top_skills as (
    select
        role,
        skill,
        postings_with_skill,
        share
    from skill_shares
    where skill_rank = 1
),

final as (
    select
        -- grain
        cast(role_counts.role as string) as role,

        -- volume
        cast(role_counts.active_postings as bigint) as active_postings,
        cast(role_counts.us_postings as bigint) as us_postings,
        cast(role_counts.india_postings as bigint) as india_postings,
        cast(role_counts.unknown_country_postings as bigint) as unknown_country_postings,
        cast(role_counts.distinct_employers as bigint) as distinct_employers,

        -- salary
        cast(role_counts.us_salaried_postings as bigint) as us_salaried_postings,
        cast(salary_stats.median_value as double) as median_us_base_salary_usd,
        cast(salary_stats.ci_low_value as double) as median_us_base_salary_ci_low_usd,
        cast(salary_stats.ci_high_value as double) as median_us_base_salary_ci_high_usd,

        -- seniority
        cast(role_counts.entry_level_postings as bigint) as entry_level_postings,
        cast(role_counts.entry_level_postings * 1e0 / role_counts.active_postings as double)
            as entry_level_share,
        cast(role_counts.senior_plus_staff_postings as bigint) as senior_plus_staff_postings,
        cast(role_counts.senior_plus_staff_postings * 1e0 / role_counts.active_postings as double)
            as senior_plus_staff_share,

        -- work arrangement (a posting may count in several)
        cast(arrangement_counts.remote_postings as bigint) as remote_postings,
        cast(arrangement_counts.remote_postings * 1e0 / role_counts.active_postings as double)
            as remote_share,
        cast(arrangement_counts.hybrid_postings as bigint) as hybrid_postings,
        cast(arrangement_counts.hybrid_postings * 1e0 / role_counts.active_postings as double)
            as hybrid_share,
        cast(arrangement_counts.onsite_postings as bigint) as onsite_postings,
        cast(arrangement_counts.onsite_postings * 1e0 / role_counts.active_postings as double)
            as onsite_share,
        cast(
            arrangement_counts.unspecified_arrangement_postings * 1e0 / role_counts.active_postings
            as double
        ) as unspecified_arrangement_share,

        -- geography
        cast(role_counts.us_postings * 1e0 / role_counts.active_postings as double) as us_share,
        cast(role_counts.india_postings * 1e0 / role_counts.active_postings as double) as india_share,

        -- skills
        cast(top_skills.skill as string) as top_skill,
        cast(top_skills.postings_with_skill as bigint) as top_skill_postings,
        cast(top_skills.share as double) as top_skill_share
    from role_counts
    inner join arrangement_counts
        on role_counts.role = arrangement_counts.role
    left join salary_stats
        on role_counts.role = salary_stats.role
    left join top_skills
        on role_counts.role = top_skills.role
)

select * from final

-- Grain: one row per role and skill mentioned by at least one of the role's active US postings
-- with a usable salary.
with

postings as (
    select
        posting_key,
        role,
        salary_usd_annual
    from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified and is_us and has_usable_salary
),

posting_skills as (
    select * from {{ ref('int_posting_skills_extracted') }}
),

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

salaried_skills as (
    select
        postings.role,
        posting_skills.skill,
        postings.salary_usd_annual
    from postings
    inner join posting_skills
        on postings.posting_key = posting_skills.posting_key
),

skill_stats as (
    {{ median_with_ci('salaried_skills', ['role', 'skill'], 'salary_usd_annual') }}
),

final as (
    select
        cast(skill_stats.role as string) as role,
        cast(skill_stats.skill as string) as skill,
        cast(skill_stats.n as bigint) as us_salaried_postings,
        cast(skill_stats.median_value as double) as median_us_base_salary_usd,
        cast(skill_stats.ci_low_value as double) as median_us_base_salary_ci_low_usd,
        cast(skill_stats.ci_high_value as double) as median_us_base_salary_ci_high_usd,
        cast(role_metrics.median_us_base_salary_usd as double) as role_median_us_base_salary_usd,
        cast(
            skill_stats.median_value - role_metrics.median_us_base_salary_usd as double
        ) as premium_usd,
        cast(
            (skill_stats.median_value - role_metrics.median_us_base_salary_usd)
            / role_metrics.median_us_base_salary_usd as double
        ) as premium_share,
        cast(skill_stats.n < {{ var('min_skill_salary_n') }} as boolean) as is_below_min_n,
        cast(
            row_number() over (
                partition by skill_stats.role
                order by
                    case when skill_stats.n < {{ var('min_skill_salary_n') }} then 1 else 0 end asc,
                    skill_stats.median_value desc,
                    skill_stats.skill asc
            ) as integer
        ) as premium_rank
    from skill_stats
    inner join role_metrics
        on skill_stats.role = role_metrics.role
)

select * from final

-- A skill's salary median is computed on a subset of the role's US salaried postings: its n never
-- exceeds role_metrics.us_salaried_postings, equals a recount from the classified postings, and the
-- baseline it is compared with is the role's own median.
with

premiums as (
    select * from {{ ref('role_skill_premiums') }}
),

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

us_salaried_postings as (
    select
        posting_key,
        role
    from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified and is_us and has_usable_salary
),

posting_skills as (
    select
        posting_key,
        skill
    from {{ ref('int_posting_skills_extracted') }}
),

recounted as (
    select
        us_salaried_postings.role,
        posting_skills.skill,
        count(*) as us_salaried_postings
    from us_salaried_postings
    inner join posting_skills
        on us_salaried_postings.posting_key = posting_skills.posting_key
    group by us_salaried_postings.role, posting_skills.skill
),

compared as (
    select
        premiums.us_salaried_postings as skill_n,
        recounted.us_salaried_postings as recounted_n,
        role_metrics.us_salaried_postings as role_n,
        premiums.role_median_us_base_salary_usd as baseline_median,
        role_metrics.median_us_base_salary_usd as role_median,
        coalesce(premiums.role, recounted.role) as role,
        coalesce(premiums.skill, recounted.skill) as skill
    from premiums
    full outer join recounted
        on
            premiums.role = recounted.role
            and premiums.skill = recounted.skill
    left join role_metrics
        on coalesce(premiums.role, recounted.role) = role_metrics.role
),

checked as (
    select
        role,
        skill,
        skill_n,
        recounted_n,
        role_n,
        case
            when skill_n is null then 'skill of a US salaried posting missing from role_skill_premiums'
            when recounted_n is null then 'skill without any US salaried posting of the role'
            when role_n is null then 'role missing from role_metrics'
            when skill_n > role_n then 'skill n exceeds the role''s us_salaried_postings'
            when skill_n <> recounted_n then 'skill n differs from the recount'
            when
                coalesce(baseline_median <> role_median, true)
                then 'baseline differs from role_metrics.median_us_base_salary_usd'
        end as reason
    from compared
)

select
    role,
    skill,
    skill_n,
    recounted_n,
    role_n,
    reason
from checked
where reason is not null

-- role_skill_monthly_demand recomputed from the postings: for every role, month of posted_date and
-- skill, the classified postings that went up that month and asked for the skill, over all the
-- role's postings of that month, give the mart's counts and share; every such (role, month, skill)
-- has a row; and the month's postings are role_monthly_postings.new_postings. Returns every
-- difference.
with

demand as (
    select * from {{ ref('role_skill_monthly_demand') }}
),

postings as (
    select
        posting_key,
        role,
        {{ dbt.date_trunc('month', 'posted_date') }} as posted_month
    from {{ ref('int_postings_classified') }}
    where role is not null and posted_date is not null
),

month_totals as (
    select
        role,
        posted_month,
        count(*) as postings
    from postings
    group by role, posted_month
),

recomputed as (
    select
        postings.role,
        postings.posted_month,
        skills.skill,
        count(distinct skills.posting_key) as postings_with_skill,
        max(month_totals.postings) as postings
    from postings
    inner join {{ ref('int_posting_skills_extracted') }} as skills
        on postings.posting_key = skills.posting_key
    inner join month_totals
        on postings.role = month_totals.role and postings.posted_month = month_totals.posted_month
    group by postings.role, postings.posted_month, skills.skill
),

monthly_postings as (
    select * from {{ ref('role_monthly_postings') }}
)

select
    coalesce(demand.role, recomputed.role) as role,
    coalesce(demand.posted_month, cast(recomputed.posted_month as date)) as posted_month,
    coalesce(demand.skill, recomputed.skill) as skill,
    'counts or share differ from the postings' as problem
from demand
full outer join recomputed
    on
        demand.role = recomputed.role
        and demand.posted_month = cast(recomputed.posted_month as date)
        and demand.skill = recomputed.skill
where
    recomputed.role is null and demand.postings_with_skill <> 0
    or demand.role is null
    or demand.postings_with_skill <> recomputed.postings_with_skill
    or demand.postings <> recomputed.postings
    or abs(demand.share - recomputed.postings_with_skill * 1e0 / recomputed.postings) > 1e-9

union all

select
    demand.role,
    demand.posted_month,
    demand.skill,
    'postings differ from role_monthly_postings.new_postings' as problem
from demand
left join monthly_postings
    on demand.role = monthly_postings.role and demand.posted_month = monthly_postings.posted_month
where monthly_postings.new_postings is null or demand.postings <> monthly_postings.new_postings

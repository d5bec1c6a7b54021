-- Grain: one row per role, calendar month of posted_date and skill the role's postings ever asked
-- for: the month's postings asking for the skill, the month's postings, the share, and its change
-- against the month before and the same month a year before (null where that month has no
-- postings of the role), each with the n it was computed from. Postings count in the month they
-- went up, active or not, as in role_monthly_postings (see the doc block skill_trends).
with

postings as (
    select
        posting_key,
        role,
        posted_month
    from {{ ref('int_postings_classified') }}
    where is_role_classified and posted_month is not null
),

posting_skills as (
    select * from {{ ref('int_posting_skills_extracted') }}
),

role_months as (
    select
        role,
        posted_month,
        count(*) as postings
    from postings
    group by role, posted_month
),

skill_months as (
    select
        postings.role,
        postings.posted_month,
        posting_skills.skill,
        count(*) as postings_with_skill
    from postings
    inner join posting_skills
        on postings.posting_key = posting_skills.posting_key
    group by postings.role, postings.posted_month, posting_skills.skill
),

role_skills as (
    select distinct
        role,
        skill
    from skill_months
),

-- every month of the role times every skill it ever asked for: a month without the skill is a 0
monthly as (
    select
        role_months.role,
        role_months.posted_month,
        role_skills.skill,
        role_months.postings,
        coalesce(skill_months.postings_with_skill, 0) as postings_with_skill,
        coalesce(skill_months.postings_with_skill, 0) * 1e0 / role_months.postings as share
    from role_months
    inner join role_skills
        on role_months.role = role_skills.role
    left join skill_months
        on
            role_months.role = skill_months.role
            and role_months.posted_month = skill_months.posted_month
            and role_skills.skill = skill_months.skill
),

final as (
    select
        cast(monthly.role as string) as role,
        cast(monthly.posted_month as date) as posted_month,
        cast(monthly.skill as string) as skill,
        cast(monthly.postings_with_skill as bigint) as postings_with_skill,
        cast(monthly.postings as bigint) as postings,
        cast(monthly.share as double) as share,
        cast(previous_month.postings as bigint) as previous_month_postings,
        cast(previous_month.share as double) as previous_month_share,
        cast(monthly.share - previous_month.share as double) as share_change_vs_previous_month,
        cast(year_before.postings as bigint) as year_before_postings,
        cast(year_before.share as double) as year_before_share,
        cast(monthly.share - year_before.share as double) as share_change_vs_year_before
    from monthly
    left join monthly as previous_month
        on
            monthly.role = previous_month.role
            and monthly.skill = previous_month.skill
            and previous_month.posted_month = cast({{ dbt.dateadd('month', -1, 'monthly.posted_month') }} as date)
    left join monthly as year_before
        on
            monthly.role = year_before.role
            and monthly.skill = year_before.skill
            and year_before.posted_month = cast({{ dbt.dateadd('month', -12, 'monthly.posted_month') }} as date)
)

select * from final

-- role_skill_shares against its inputs and role_metrics: postings_with_skill recounted from the
-- classified postings and extracted skills, active_postings equal to role_metrics', share =
-- postings_with_skill / active_postings, ranks 1..n ordered by postings (desc) then skill name,
-- the skill of rank 1 being role_metrics.top_skill (with its count and share), and top-N sets of
-- min(N, skills) skills.
with

skill_shares as (
    select * from {{ ref('role_skill_shares') }}
),

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

postings as (
    select
        posting_key,
        role
    from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified
),

posting_skills as (
    select
        posting_key,
        skill
    from {{ ref('int_posting_skills_extracted') }}
),

-- one row per (posting_key, skill) in the skills model (its unique_combination_of_columns test,
-- which runs before this one in a build), so count(*) counts postings; count(distinct) cost 0.9 s
-- instead of 0.2 s at 1M postings, on the build's critical path
recounted as (
    select
        postings.role,
        posting_skills.skill,
        count(*) as postings_with_skill
    from postings
    inner join posting_skills
        on postings.posting_key = posting_skills.posting_key
    group by postings.role, posting_skills.skill
),

ordered as (
    select
        role,
        skill,
        postings_with_skill,
        active_postings,
        share,
        skill_rank,
        is_in_top_n,
        lag(postings_with_skill) over (partition by role order by skill_rank) as previous_postings,
        lag(skill) over (partition by role order by skill_rank) as previous_skill,
        count(*) over (partition by role) as role_skills,
        sum(case when is_in_top_n then 1 else 0 end) over (partition by role) as top_n_set_size
    from skill_shares
),

compared as (
    select
        ordered.postings_with_skill,
        ordered.active_postings,
        ordered.share,
        ordered.skill_rank,
        ordered.previous_postings,
        ordered.previous_skill,
        ordered.role_skills,
        ordered.top_n_set_size,
        recounted.postings_with_skill as recounted_postings,
        role_metrics.active_postings as role_active_postings,
        role_metrics.top_skill,
        role_metrics.top_skill_postings,
        role_metrics.top_skill_share,
        coalesce(ordered.role, recounted.role) as role,
        coalesce(ordered.skill, recounted.skill) as skill,
        ordered.skill is not null as is_in_mart,
        recounted.skill is not null as is_recounted
    from ordered
    full outer join recounted
        on
            ordered.role = recounted.role
            and ordered.skill = recounted.skill
    left join role_metrics
        on coalesce(ordered.role, recounted.role) = role_metrics.role
),

row_failures as (
    select
        role,
        skill,
        case
            when not is_in_mart then 'skill of an active posting missing from role_skill_shares'
            when not is_recounted then 'skill not mentioned by any active posting of the role'
            when postings_with_skill <> recounted_postings then 'postings_with_skill differs from the recount'
            when
                coalesce(active_postings <> role_active_postings, true)
                then 'active_postings differs from role_metrics'
            when
                abs(share - postings_with_skill * 1e0 / active_postings) > 1e-12
                then 'share is not postings_with_skill / active_postings'
            when skill_rank > role_skills then 'skill ranks are not 1..n'
            when
                previous_postings < postings_with_skill
                or (previous_postings = postings_with_skill and previous_skill >= skill)
                then 'skill rank not ordered by postings desc then skill name'
            when
                top_n_set_size <> least(role_skills, {{ var('top_n_skills') }})
                then 'top-N set size is not min(N, skills of the role)'
            when
                skill_rank = 1
                and coalesce(
                    top_skill <> skill
                    or top_skill_postings <> postings_with_skill
                    or top_skill_share <> share,
                    true
                )
                then 'rank 1 skill is not role_metrics.top_skill'
        end as reason
    from compared
),

top_skill_failures as (
    select
        role_metrics.role,
        role_metrics.top_skill as skill,
        'role_metrics.top_skill is not the rank 1 skill of role_skill_shares' as reason
    from role_metrics
    left join skill_shares
        on
            role_metrics.role = skill_shares.role
            and skill_shares.skill_rank = 1
    where
        coalesce(
            role_metrics.top_skill <> skill_shares.skill,
            (role_metrics.top_skill is null) <> (skill_shares.skill is null)
        )
)

select
    role,
    skill,
    reason
from row_failures
where reason is not null
union all
select
    role,
    skill,
    reason
from top_skill_failures

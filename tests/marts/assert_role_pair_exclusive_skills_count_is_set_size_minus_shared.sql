-- For every ordered pair of roles, the skills exclusive to each side number that side's top-N set
-- size minus the shared skills of role_pair_overlap, and each exclusive skill really is in its
-- role's top-N set and outside the other's.
with

overlap as (
    select * from {{ ref('role_pair_overlap') }}
),

exclusive_skills as (
    select * from {{ ref('role_pair_exclusive_skills') }}
),

top_skills as (
    select
        role,
        skill
    from {{ ref('role_skill_shares') }}
    where is_in_top_n
),

expected_counts as (
    select
        role_a,
        role_b,
        role_a as exclusive_to_role,
        role_a_top_skills - shared_skills as expected_skills
    from overlap
    union all
    select
        role_a,
        role_b,
        role_b as exclusive_to_role,
        role_b_top_skills - shared_skills as expected_skills
    from overlap
),

actual_counts as (
    select
        role_a,
        role_b,
        exclusive_to_role,
        count(*) as actual_skills
    from exclusive_skills
    group by role_a, role_b, exclusive_to_role
),

compared_counts as (
    select
        expected_counts.expected_skills,
        coalesce(expected_counts.role_a, actual_counts.role_a) as role_a,
        coalesce(expected_counts.role_b, actual_counts.role_b) as role_b,
        coalesce(expected_counts.exclusive_to_role, actual_counts.exclusive_to_role) as exclusive_to_role,
        coalesce(actual_counts.actual_skills, 0) as actual_skills
    from expected_counts
    full outer join actual_counts
        on
            expected_counts.role_a = actual_counts.role_a
            and expected_counts.role_b = actual_counts.role_b
            and expected_counts.exclusive_to_role = actual_counts.exclusive_to_role
),

count_failures as (
    select
        role_a,
        role_b,
        exclusive_to_role,
        cast(null as string) as skill,
        case
            when expected_skills is null then 'exclusive skills for a pair absent from role_pair_overlap'
            else 'number of exclusive skills is not the top-N set size minus the shared skills'
        end as reason
    from compared_counts
    where coalesce(actual_skills <> expected_skills, true)
),

membership_failures as (
    select
        exclusive_skills.role_a,
        exclusive_skills.role_b,
        exclusive_skills.exclusive_to_role,
        exclusive_skills.skill,
        case
            when own_top.skill is null then 'skill not in the top-N set of exclusive_to_role'
            else 'skill also in the other role''s top-N set'
        end as reason
    from exclusive_skills
    left join top_skills as own_top
        on
            exclusive_skills.exclusive_to_role = own_top.role
            and exclusive_skills.skill = own_top.skill
    left join top_skills as other_top
        on
            case
                when exclusive_skills.exclusive_to_role = exclusive_skills.role_a
                    then exclusive_skills.role_b
                else exclusive_skills.role_a
            end = other_top.role
            and exclusive_skills.skill = other_top.skill
    where own_top.skill is null or other_top.skill is not null
)

select
    role_a,
    role_b,
    exclusive_to_role,
    skill,
    reason
from count_failures
union all
select
    role_a,
    role_b,
    exclusive_to_role,
    skill,
    reason
from membership_failures

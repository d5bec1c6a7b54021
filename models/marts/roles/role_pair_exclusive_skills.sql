-- Grain: one row per ordered pair of distinct roles and skill that sits in exactly one of the two
-- roles' top-N skill sets; exclusive_to_role names the role whose set holds it.
with

role_pairs as (
    select
        role_a,
        role_b
    from {{ ref('role_pair_overlap') }}
),

skill_shares as (
    select * from {{ ref('role_skill_shares') }}
),

top_skills as (
    select * from skill_shares
    where is_in_top_n
),

one_sided as (
    -- in role_a's top-N, not in role_b's
    select
        role_pairs.role_a,
        role_pairs.role_b,
        top_skills.skill,
        role_pairs.role_a as exclusive_to_role,
        role_pairs.role_b as other_role
    from role_pairs
    inner join top_skills
        on role_pairs.role_a = top_skills.role
    left join top_skills as other_top
        on
            role_pairs.role_b = other_top.role
            and top_skills.skill = other_top.skill
    where other_top.skill is null

    union all

    -- in role_b's top-N, not in role_a's
    select
        role_pairs.role_a,
        role_pairs.role_b,
        top_skills.skill,
        role_pairs.role_b as exclusive_to_role,
        role_pairs.role_a as other_role
    from role_pairs
    inner join top_skills
        on role_pairs.role_b = top_skills.role
    left join top_skills as other_top
        on
            role_pairs.role_a = other_top.role
            and top_skills.skill = other_top.skill
    where other_top.skill is null
),

final as (
    select
        cast(one_sided.role_a as string) as role_a,
        cast(one_sided.role_b as string) as role_b,
        cast(one_sided.skill as string) as skill,
        cast(one_sided.exclusive_to_role as string) as exclusive_to_role,
        cast(exclusive_shares.share as double) as share,
        cast(exclusive_shares.skill_rank as integer) as skill_rank,
        cast(coalesce(other_shares.share, 0) as double) as other_role_share,
        cast(other_shares.skill_rank as integer) as other_role_skill_rank
    from one_sided
    inner join skill_shares as exclusive_shares
        on
            one_sided.exclusive_to_role = exclusive_shares.role
            and one_sided.skill = exclusive_shares.skill
    left join skill_shares as other_shares
        on
            one_sided.other_role = other_shares.role
            and one_sided.skill = other_shares.skill
)

select * from final

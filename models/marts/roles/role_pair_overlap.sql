-- Grain: one row per ordered pair of distinct roles (both orders are present and agree).
with

role_metrics as (
    select role from {{ ref('role_metrics') }}
),

top_skills as (
    select
        role,
        skill
    from {{ ref('role_skill_shares') }}
    where is_in_top_n
),

role_pairs as (
    select
        role_a.role as role_a,
        role_b.role as role_b
    from role_metrics as role_a
    cross join role_metrics as role_b
    where role_a.role <> role_b.role
),

set_sizes as (
    select
        role,
        count(*) as top_skills
    from top_skills
    group by role
),

shared as (
    select
        role_pairs.role_a,
        role_pairs.role_b,
        count(top_b.skill) as shared_skills
    from role_pairs
    inner join top_skills as top_a
        on role_pairs.role_a = top_a.role
    left join top_skills as top_b
        on
            role_pairs.role_b = top_b.role
            and top_a.skill = top_b.skill
    group by role_pairs.role_a, role_pairs.role_b
),

final as (
    select
        cast(role_pairs.role_a as string) as role_a,
        cast(role_pairs.role_b as string) as role_b,
        cast({{ var('top_n_skills') }} as integer) as top_n,
        cast(coalesce(size_a.top_skills, 0) as bigint) as role_a_top_skills,
        cast(coalesce(size_b.top_skills, 0) as bigint) as role_b_top_skills,
        cast(coalesce(shared.shared_skills, 0) as bigint) as shared_skills,
        cast(
            coalesce(size_a.top_skills, 0) + coalesce(size_b.top_skills, 0)
            - coalesce(shared.shared_skills, 0) as bigint
        ) as union_skills,
        cast(
            coalesce(shared.shared_skills, 0) * 1e0
            / nullif(
                coalesce(size_a.top_skills, 0) + coalesce(size_b.top_skills, 0)
                - coalesce(shared.shared_skills, 0),
                0
            ) as double
        ) as jaccard
    from role_pairs
    left join shared
        on
            role_pairs.role_a = shared.role_a
            and role_pairs.role_b = shared.role_b
    left join set_sizes as size_a
        on role_pairs.role_a = size_a.role
    left join set_sizes as size_b
        on role_pairs.role_b = size_b.role
)

select * from final

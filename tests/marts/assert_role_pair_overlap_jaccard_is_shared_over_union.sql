-- The overlap of two roles' top-N skill sets, recomputed from role_skill_shares: set sizes,
-- shared skills, union = |A| + |B| - shared, Jaccard = shared / union, and symmetry (the (a, b)
-- and (b, a) rows agree). Every pair of roles in role_metrics must have both rows.
with

overlap as (
    select * from {{ ref('role_pair_overlap') }}
),

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

set_sizes as (
    select
        role,
        count(*) as set_size
    from top_skills
    group by role
),

shared as (
    select
        top_a.role as role_a,
        top_b.role as role_b,
        count(*) as shared_skills
    from top_skills as top_a
    inner join top_skills as top_b
        on
            top_a.skill = top_b.skill
            and top_a.role <> top_b.role
    group by top_a.role, top_b.role
),

expected as (
    select
        role_a.role as role_a,
        role_b.role as role_b,
        coalesce(size_a.set_size, 0) as role_a_top_skills,
        coalesce(size_b.set_size, 0) as role_b_top_skills,
        coalesce(shared.shared_skills, 0) as shared_skills
    from role_metrics as role_a
    inner join role_metrics as role_b
        on role_a.role <> role_b.role
    left join set_sizes as size_a
        on role_a.role = size_a.role
    left join set_sizes as size_b
        on role_b.role = size_b.role
    left join shared
        on
            role_a.role = shared.role_a
            and role_b.role = shared.role_b
),

compared as (
    select
        overlap.role_a_top_skills,
        overlap.role_b_top_skills,
        overlap.shared_skills,
        overlap.union_skills,
        overlap.jaccard,
        expected.role_a_top_skills as expected_role_a_top_skills,
        expected.role_b_top_skills as expected_role_b_top_skills,
        expected.shared_skills as expected_shared_skills,
        mirrored.shared_skills as mirrored_shared_skills,
        mirrored.union_skills as mirrored_union_skills,
        mirrored.jaccard as mirrored_jaccard,
        coalesce(expected.role_a, overlap.role_a) as role_a,
        coalesce(expected.role_b, overlap.role_b) as role_b,
        expected.role_a is not null as is_expected,
        overlap.role_a is not null as is_in_mart,
        mirrored.role_a is not null as has_mirror
    from expected
    full outer join overlap
        on
            expected.role_a = overlap.role_a
            and expected.role_b = overlap.role_b
    left join overlap as mirrored
        on
            overlap.role_a = mirrored.role_b
            and overlap.role_b = mirrored.role_a
),

checked as (
    select
        role_a,
        role_b,
        shared_skills,
        union_skills,
        jaccard,
        case
            when not is_in_mart then 'pair of roles missing from role_pair_overlap'
            when not is_expected then 'pair not made of two distinct roles of role_metrics'
            when
                role_a_top_skills <> expected_role_a_top_skills
                or role_b_top_skills <> expected_role_b_top_skills
                then 'top-N set size differs from role_skill_shares'
            when shared_skills <> expected_shared_skills then 'shared skills differ from the set intersection'
            when
                union_skills <> role_a_top_skills + role_b_top_skills - shared_skills
                then 'union is not |A| + |B| - shared'
            when union_skills = 0 and jaccard is not null then 'jaccard of two empty sets is not null'
            when
                union_skills > 0
                and coalesce(abs(jaccard - shared_skills * 1e0 / union_skills) > 1e-12, true)
                then 'jaccard is not shared / union'
            when not has_mirror then 'mirrored pair (b, a) missing'
            when
                mirrored_shared_skills <> shared_skills
                or mirrored_union_skills <> union_skills
                or coalesce(mirrored_jaccard <> jaccard, (mirrored_jaccard is null) <> (jaccard is null))
                then 'overlap (a, b) differs from (b, a)'
        end as reason
    from compared
)

select
    role_a,
    role_b,
    shared_skills,
    union_skills,
    jaccard,
    reason
from checked
where reason is not null

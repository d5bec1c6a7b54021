-- Grain: one row per role and skill mentioned by at least one of the role's active postings.
with

postings as (
    select
        posting_key,
        role
    from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified
),

posting_skills as (
    select * from {{ ref('int_posting_skills_extracted') }}
),

skills as (
    select * from {{ ref('skills') }}
),

role_postings as (
    select
        role,
        count(*) as active_postings
    from postings
    group by role
),

skill_counts as (
    select
        postings.role,
        posting_skills.skill,
        count(*) as postings_with_skill,
        sum(case when posting_skills.is_tagged then 1 else 0 end) as tagged_postings,
        sum(case when posting_skills.is_in_description then 1 else 0 end) as described_postings
    from postings
    inner join posting_skills
        on postings.posting_key = posting_skills.posting_key
    group by postings.role, posting_skills.skill
),

ranked as (
    select
        skill_counts.role,
        skill_counts.skill,
        skill_counts.postings_with_skill,
        skill_counts.tagged_postings,
        skill_counts.described_postings,
        role_postings.active_postings,
        skill_counts.postings_with_skill * 1e0 / role_postings.active_postings as share,
        row_number() over (
            partition by skill_counts.role
            order by skill_counts.postings_with_skill desc, skill_counts.skill asc
        ) as skill_rank
    from skill_counts
    inner join role_postings
        on skill_counts.role = role_postings.role
),

final as (
    select
        cast(ranked.role as string) as role,
        cast(ranked.skill as string) as skill,
        cast(skills.skill_category as string) as skill_category,
        cast(ranked.postings_with_skill as bigint) as postings_with_skill,
        cast(ranked.active_postings as bigint) as active_postings,
        cast(ranked.share as double) as share,
        cast(ranked.skill_rank as integer) as skill_rank,
        cast(ranked.skill_rank <= {{ var('top_n_skills') }} as boolean) as is_in_top_n,
        cast(ranked.tagged_postings as bigint) as tagged_postings,
        cast(ranked.described_postings as bigint) as described_postings
    from ranked
    inner join skills
        on ranked.skill = skills.skill
)

select * from final

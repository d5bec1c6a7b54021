-- The "Key findings" of an "X vs Y" write-up, for any pair of roles:
--   dbt compile -s role_pair_key_findings --vars '{role_a: "Machine Learning Engineer", role_b: "AI Engineer"}'
-- then run the compiled SQL (target/compiled/...) against the warehouse.
with

comparison as (
    select * from {{ ref('role_pair_comparison') }}
    where
        role_a = {{ dbt.string_literal(var('role_a', 'Machine Learning Engineer')) }}
        and role_b = {{ dbt.string_literal(var('role_b', 'AI Engineer')) }}
),

premiums as (
    select
        role,
        skill,
        median_us_base_salary_usd,
        us_salaried_postings,
        premium_usd,
        premium_rank
    from {{ ref('role_skill_premiums') }}
    where not is_below_min_n and premium_rank <= 3
),

final as (
    select
        comparison.role_a,
        comparison.role_b,
        comparison.role_a_median_us_base_salary_usd,
        comparison.role_a_us_salaried_postings,
        comparison.role_b_median_us_base_salary_usd,
        comparison.role_b_us_salaried_postings,
        comparison.median_salary_gap_usd,
        comparison.median_salary_gap_share,
        comparison.role_a_active_postings,
        comparison.role_b_active_postings,
        comparison.active_postings_ratio,
        comparison.jaccard,
        comparison.shared_skills,
        comparison.union_skills,
        comparison.role_a_entry_level_share,
        comparison.role_b_entry_level_share,
        comparison.role_a_us_share,
        comparison.role_b_us_share,
        comparison.role_a_remote_share,
        comparison.role_b_remote_share,
        premiums.role as premium_role,
        premiums.premium_rank,
        premiums.skill as premium_skill,
        premiums.median_us_base_salary_usd as premium_skill_median_usd,
        premiums.us_salaried_postings as premium_skill_n,
        premiums.premium_usd
    from comparison
    left join premiums
        on premiums.role in (comparison.role_a, comparison.role_b)
)

select * from final

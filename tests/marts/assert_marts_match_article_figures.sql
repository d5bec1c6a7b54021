{{ config(enabled=var('check_article_figures')) }}

-- The marts against the reference article's figures (seeds/reference/article_figures.csv), each
-- within its tolerance column: role_metrics columns (median_us_base_salary also with n =
-- us_salaried_postings), the top-N Jaccard index of the article's role pair (role "A|B", n = N),
-- skill shares, skill salary medians (n when the article gives one), and exclusive skills: each
-- listed skill must be exclusive to its role in the article's pair with the stated share, and the
-- marts must hold no other exclusive skill for that role. One row per failing figure, with a reason.
-- Enabled by the var check_article_figures (meaningful only on the default generated data).
with

figures as (
    select
        metric,
        role,
        skill,
        n,
        tolerance,
        value as article_value
    from {{ ref('article_figures') }}
),

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

skill_shares as (
    select * from {{ ref('role_skill_shares') }}
),

overlap as (
    select * from {{ ref('role_pair_overlap') }}
),

exclusive_skills as (
    select * from {{ ref('role_pair_exclusive_skills') }}
),

premiums as (
    select * from {{ ref('role_skill_premiums') }}
),

-- the role pair the article compares, from its Jaccard figure ("AI Engineer|Machine Learning Engineer")
article_pairs as (
    select distinct
        {{ dbt.split_part('role', "'|'", 1) }} as role_a,
        {{ dbt.split_part('role', "'|'", 2) }} as role_b
    from figures
    where metric = 'top_skill_jaccard'
),

pair_exclusive_skills as (
    select
        exclusive_skills.exclusive_to_role as role,
        exclusive_skills.skill,
        exclusive_skills.share
    from exclusive_skills
    inner join article_pairs
        on
            exclusive_skills.role_a = article_pairs.role_a
            and exclusive_skills.role_b = article_pairs.role_b
),

{%- set role_metric_columns = [
    'active_postings',
    'entry_level_postings',
    'entry_level_share',
    'senior_plus_staff_share',
    'remote_share',
    'hybrid_share',
    'onsite_share',
    'us_share',
    'india_share',
] %}

mart_values as (
    {%- for column in role_metric_columns %}
        select
            '{{ column }}' as metric,
            role,
            cast(null as string) as skill,
            cast({{ column }} as double) as mart_value,
            cast(null as bigint) as mart_n
        from role_metrics
        union all
    {%- endfor %}
    select
        'median_us_base_salary' as metric,
        role,
        cast(null as string) as skill,
        cast(median_us_base_salary_usd as double) as mart_value,
        cast(us_salaried_postings as bigint) as mart_n
    from role_metrics
    union all
    select
        'top_skill_jaccard' as metric,
        role_a || '|' || role_b as role,
        cast(null as string) as skill,
        cast(jaccard as double) as mart_value,
        cast(top_n as bigint) as mart_n
    from overlap
    union all
    select
        'skill_share' as metric,
        role,
        skill,
        cast(share as double) as mart_value,
        cast(null as bigint) as mart_n
    from skill_shares
    union all
    select
        'exclusive_skill_share' as metric,
        role,
        skill,
        cast(share as double) as mart_value,
        cast(null as bigint) as mart_n
    from pair_exclusive_skills
    union all
    select
        'skill_median_us_salary' as metric,
        role,
        skill,
        cast(median_us_base_salary_usd as double) as mart_value,
        cast(us_salaried_postings as bigint) as mart_n
    from premiums
),

figure_checks as (
    select
        figures.metric,
        figures.role,
        figures.skill,
        figures.article_value,
        mart_values.mart_value,
        figures.n as article_n,
        mart_values.mart_n,
        figures.tolerance,
        case
            when
                mart_values.metric is null and figures.metric = 'exclusive_skill_share'
                then 'skill is not exclusive to the role in the article''s role pair'
            when mart_values.metric is null then 'no value in the marts'
            when mart_values.mart_value is null then 'the marts'' value is null'
            when
                abs(mart_values.mart_value - figures.article_value) > figures.tolerance + 1e-9
                then 'value differs by more than the tolerance'
            when
                figures.n is not null and coalesce(mart_values.mart_n <> figures.n, true)
                then 'n differs'
        end as reason
    from figures
    left join mart_values
        on
            figures.metric = mart_values.metric
            and figures.role = mart_values.role
            and coalesce(figures.skill, '') = coalesce(mart_values.skill, '')
),

-- the article lists every exclusive skill of each role: the marts must not hold more
listed_exclusive_roles as (
    select distinct role
    from figures
    where metric = 'exclusive_skill_share'
),

unlisted_exclusive_skills as (
    select
        'exclusive_skill_share' as metric,
        pair_exclusive_skills.role,
        pair_exclusive_skills.skill,
        cast(null as double) as article_value,
        pair_exclusive_skills.share as mart_value,
        cast(null as integer) as article_n,
        cast(null as bigint) as mart_n,
        cast(null as double) as tolerance,
        'exclusive skill in the marts missing from the article''s list' as reason
    from pair_exclusive_skills
    inner join listed_exclusive_roles
        on pair_exclusive_skills.role = listed_exclusive_roles.role
    left join figures
        on
            figures.metric = 'exclusive_skill_share'
            and pair_exclusive_skills.role = figures.role
            and pair_exclusive_skills.skill = figures.skill
    where figures.metric is null
)

select
    metric,
    role,
    skill,
    article_value,
    mart_value,
    article_n,
    mart_n,
    tolerance,
    reason
from figure_checks
where reason is not null
union all
select
    metric,
    role,
    skill,
    article_value,
    mart_value,
    article_n,
    mart_n,
    tolerance,
    reason
from unlisted_exclusive_skills

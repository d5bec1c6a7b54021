-- One row per distinct normalized title: the canonical role it maps to through the role pattern
-- seed (lowest precedence wins), or none. Classifying distinct titles keeps the regex work
-- proportional to title variety, not to posting volume. With var role_classification =
-- 'exact_title' only titles that are a canonical role name are classified.
{%- set classification_mode = var('role_classification') %}
{%- if classification_mode not in ['patterns', 'exact_title'] %}
    {{ exceptions.raise_compiler_error("var role_classification must be 'patterns' or 'exact_title', not '" ~ classification_mode ~ "'") }}
{%- endif %}

with

-- every title ever observed (not only the latest), so the posting history can classify its versions
observations as (
    select title from {{ ref('int_posting_observations_unioned') }}
),

roles as (
    select role from {{ ref('roles') }}
),

role_title_patterns as (
    select * from {{ ref('role_title_patterns') }}
),

titles as (
    select distinct {{ text_match_key('title') }} as title_key
    from observations
),

-- the seed's patterns as literals, tried in precedence order: the first that matches wins (see
-- macros/seed_patterns.sql)
{%- set title_patterns = seed_pattern_rows(
    'role_title_patterns', 'trim(title_pattern) as title_pattern', order_by='precedence, role'
) %}

title_pattern_matches as (
    select
        title_key,
        {{ first_matching_pattern('title_key', title_patterns, 'title_pattern', 'title_pattern') }}
            as matched_title_pattern
    from titles
),

-- of the two match CTEs the mode leaves one unused
pattern_matches as (  -- noqa: ST03
    select
        title_pattern_matches.title_key,
        role_title_patterns.role,
        role_title_patterns.precedence,
        title_pattern_matches.matched_title_pattern
    from title_pattern_matches
    left join role_title_patterns
        on title_pattern_matches.matched_title_pattern = trim(role_title_patterns.title_pattern)
),

-- exact-title mode: only a title that is a canonical role name (ignoring case and punctuation)
-- is classified, to compare with sources that count exact titles
exact_title_matches as (  -- noqa: ST03
    select
        titles.title_key,
        roles.role,
        cast(null as integer) as precedence,
        case when roles.role is not null then 'exact title' end as matched_title_pattern
    from titles
    left join roles
        on titles.title_key = {{ text_match_key('roles.role') }}
),

final as (
    select
        title_key,
        role,
        role is not null as is_role_classified,
        precedence as matched_precedence,
        matched_title_pattern
    from {{ 'exact_title_matches' if classification_mode == 'exact_title' else 'pattern_matches' }}
)

select * from final

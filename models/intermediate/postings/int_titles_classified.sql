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

titles as (
    select distinct {{ text_match_key('title') }} as title_key
    from observations
),

-- exact-title mode: only a title that is a canonical role name (ignoring case and punctuation)
-- is classified, to compare with sources that count exact titles. Of the two match CTEs the
-- mode leaves one unused.
exact_title_matches as (  -- noqa: ST03
    select
        titles.title_key,
        roles.role,
        cast(null as integer) as precedence,
        'exact title' as title_pattern,
        1 as match_rank
    from titles
    inner join roles
        on titles.title_key = {{ text_match_key('roles.role') }}
),

{#- the seed's patterns as literals, compiled once each (see macros/seed_patterns.sql) -#}
{%- set title_patterns = seed_pattern_rows(
    'role_title_patterns', 'precedence, role, trim(title_pattern) as title_pattern'
) %}

pattern_title_matches as (  -- noqa: ST03
    select
        title_key,
        role,
        precedence,
        title_pattern,
        row_number() over (partition by title_key order by precedence, role) as match_rank
    from (
        {%- for p in (title_patterns if classification_mode == 'patterns' else []) %}
            select
                title_key,
                {{ sql_literal(p['role']) }} as role,
                {{ p['precedence'] }} as precedence,
                {{ sql_literal(p['title_pattern']) }} as title_pattern
            from titles
            where {{ regex_matches('title_key', sql_literal(' ' ~ p['title_pattern'] ~ ' ')) }}
            {{ 'union all' if not loop.last }}
        {%- else %}
            select
                title_key,
                cast(null as string) as role,
                cast(null as integer) as precedence,
                cast(null as string) as title_pattern
            from titles
            where false
        {%- endfor %}
    ) as matches
),

pattern_matches as (
    select * from {{ 'exact_title_matches' if classification_mode == 'exact_title' else 'pattern_title_matches' }}
),

final as (
    select
        titles.title_key,
        pattern_matches.role,
        pattern_matches.role is not null as is_role_classified,
        pattern_matches.precedence as matched_precedence,
        trim(pattern_matches.title_pattern) as matched_title_pattern
    from titles
    left join pattern_matches
        on
            titles.title_key = pattern_matches.title_key
            and pattern_matches.match_rank = 1
)

select * from final

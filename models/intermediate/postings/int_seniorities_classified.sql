-- One row per distinct (normalized title, normalized board level) pair: the seniority level.
-- Title affixes decide first (they are the employer's own words); the board's level field is
-- the fallback; neither -> 'unspecified'. Within each, the lowest precedence pattern wins, so
-- "Associate Director" is a director, not entry level. Phrases of seniority_title_exclusions
-- ("Product Manager", "Member of Technical Staff") are blanked out of the title first: their level
-- words state no level.
with

-- every title and board level ever observed (not only the latest), for the posting history too
observations as (
    select
        title,
        board_seniority_text
    from {{ ref('int_posting_observations_unioned') }}
),

level_inputs as (
    select distinct
        {{ text_match_key('title') }} as title_key,
        coalesce({{ text_match_key('board_seniority_text') }}, ' ') as board_seniority_key
    from observations
),

{#- the seeds' patterns as literals, compiled once each (see macros/seed_patterns.sql); the
    exclusion phrases as title keys in one alternation (words joined by ' +', because the title is
    matched with its spaces doubled so that neighbouring phrases both match) -#}
{%- set level_patterns = seed_pattern_rows(
    'seniority_patterns', 'applies_to, precedence, seniority_level, trim(pattern) as pattern'
) %}
{%- set exclusion_rows = seed_pattern_rows(
    'seniority_title_exclusions',
    dbt.listagg("replace(trim(" ~ text_match_key('phrase') ~ "), ' ', ' +')", "'|'", "order by phrase")
    ~ ' as phrases'
) %}
{%- set exclusion_phrases = exclusion_rows[0]['phrases'] if exclusion_rows | length > 0 else none %}

-- the patterns run once per distinct title and once per distinct board level, not per pair (an
-- empty seed reads neither)
title_keys as (  -- noqa: ST03
    select
        title_key,
        {%- if exclusion_phrases is none %}
            title_key as title_level_key
        {%- else %}
            {{ regex_replace_all(
                regex_replace_all(
                    "replace(title_key, ' ', '  ')",
                    sql_literal(' (' ~ exclusion_phrases ~ ') '),
                    "' '"
                ),
                "' +'",
                "' '"
            ) }} as title_level_key
        {%- endif %}
    from (select distinct title_key from level_inputs) as titles
),

board_keys as (  -- noqa: ST03
    select distinct board_seniority_key from level_inputs
),

key_matches as (
    {%- for p in level_patterns %}
        {%- set is_title = p['applies_to'] == 'title' %}
        select
            {{ sql_literal(p['applies_to']) }} as applies_to,
            {{ 'title_key' if is_title else 'board_seniority_key' }} as level_key,
            {{ sql_literal(p['seniority_level']) }} as seniority_level,
            {{ p['precedence'] }} as precedence
        from {{ 'title_keys' if is_title else 'board_keys' }}
        where {{ regex_matches(
            'title_level_key' if is_title else 'board_seniority_key',
            sql_literal(' ' ~ p['pattern'] ~ ' ')
        ) }}
        {{ 'union all' if not loop.last }}
    {%- else %}
        select
            cast(null as string) as applies_to,
            cast(null as string) as level_key,
            cast(null as string) as seniority_level,
            cast(null as integer) as precedence
        where false
    {%- endfor %}
),

pattern_matches as (
    select
        title_key,
        board_seniority_key,
        applies_to,
        seniority_level,
        row_number() over (
            partition by title_key, board_seniority_key
            order by case applies_to when 'title' then 1 else 2 end, precedence
        ) as match_rank
    from (
        select
            level_inputs.title_key,
            level_inputs.board_seniority_key,
            key_matches.applies_to,
            key_matches.seniority_level,
            key_matches.precedence
        from level_inputs
        inner join key_matches
            on key_matches.applies_to = 'title' and level_inputs.title_key = key_matches.level_key
        union all
        select
            level_inputs.title_key,
            level_inputs.board_seniority_key,
            key_matches.applies_to,
            key_matches.seniority_level,
            key_matches.precedence
        from level_inputs
        inner join key_matches
            on key_matches.applies_to = 'board' and level_inputs.board_seniority_key = key_matches.level_key
    ) as matches
),

final as (
    select
        level_inputs.title_key,
        level_inputs.board_seniority_key,
        coalesce(pattern_matches.seniority_level, 'unspecified') as seniority_level,
        coalesce(pattern_matches.applies_to, 'none') as seniority_source
    from level_inputs
    left join pattern_matches
        on
            level_inputs.title_key = pattern_matches.title_key
            and level_inputs.board_seniority_key = pattern_matches.board_seniority_key
            and pattern_matches.match_rank = 1
)

select * from final

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

{#- the seeds' patterns as literals, tried in precedence order: the first that matches wins (see
    macros/seed_patterns.sql); the exclusion phrases as title keys in one alternation (words joined
    by ' +', because the title is matched with its spaces doubled so that neighbouring phrases
    both match) -#}
{%- set level_patterns = seed_pattern_rows(
    'seniority_patterns', 'applies_to, seniority_level, trim(pattern) as pattern',
    order_by='applies_to, precedence, seniority_level'
) %}
{%- set title_patterns, board_patterns = [], [] %}
{%- for p in level_patterns %}
    {%- do (title_patterns if p['applies_to'] == 'title' else board_patterns).append(p) %}
{%- endfor %}
{%- set exclusion_rows = seed_pattern_rows(
    'seniority_title_exclusions',
    dbt.listagg("replace(trim(" ~ text_match_key('phrase') ~ "), ' ', ' +')", "'|'", "order by phrase")
    ~ ' as phrases'
) %}
{%- set exclusion_phrases = exclusion_rows[0]['phrases'] if exclusion_rows | length > 0 else none %}

-- the patterns run once per distinct title and once per distinct board level, not per pair
title_levels as (
    select
        title_key,
        {{ first_matching_pattern('title_level_key', title_patterns, 'pattern', 'seniority_level') }}
            as title_seniority_level
    from (
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
    ) as title_keys
),

board_levels as (
    select
        board_seniority_key,
        {{ first_matching_pattern('board_seniority_key', board_patterns, 'pattern', 'seniority_level') }}
            as board_seniority_level
    from (select distinct board_seniority_key from level_inputs) as boards
),

final as (
    select
        level_inputs.title_key,
        level_inputs.board_seniority_key,
        coalesce(
            title_levels.title_seniority_level, board_levels.board_seniority_level, 'unspecified'
        ) as seniority_level,
        case
            when title_levels.title_seniority_level is not null then 'title'
            when board_levels.board_seniority_level is not null then 'board'
            else 'none'
        end as seniority_source
    from level_inputs
    left join title_levels
        on level_inputs.title_key = title_levels.title_key
    left join board_levels
        on level_inputs.board_seniority_key = board_levels.board_seniority_key
)

select * from final

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

-- the pattern CTEs are read only when the seeds cannot be (see seed_pattern_rows)
seniority_patterns as (  -- noqa: ST03
    select * from {{ ref('seniority_patterns') }}
),

seniority_title_exclusions as (
    select * from {{ ref('seniority_title_exclusions') }}
),

-- every exclusion phrase as a title key, in one alternation (words joined by ' +', because the
-- title is matched with its spaces doubled so that neighbouring phrases both match)
title_exclusions as (  -- noqa: ST03
    select
        {{ dbt.listagg(
            "replace(trim(" ~ text_match_key('phrase') ~ "), ' ', ' +')", "'|'", "order by phrase"
        ) }} as phrases
    from seniority_title_exclusions
),

level_inputs as (
    select distinct
        {{ text_match_key('title') }} as title_key,
        coalesce({{ text_match_key('board_seniority_text') }}, ' ') as board_seniority_key
    from observations
),

{#- seeds read when the model runs, so their patterns are literals compiled once (see
    macros/seed_patterns.sql); none while parsing or before the seeds exist: column patterns -#}
{%- set literal_patterns = seed_pattern_rows(
    ref('seniority_patterns'),
    "select applies_to, precedence, seniority_level, trim(pattern) as pattern from " ~ ref('seniority_patterns')
) %}
{%- set exclusion_rows = seed_pattern_rows(
    ref('seniority_title_exclusions'),
    "select " ~ dbt.listagg("replace(trim(" ~ text_match_key('phrase') ~ "), ' ', ' +')", "'|'", "order by phrase")
    ~ " as phrases from " ~ ref('seniority_title_exclusions')
) %}

-- the patterns run once per distinct title and once per distinct board level, not per pair
title_keys as (
    select
        titles.title_key,
        {%- if exclusion_rows is none %}
            case
                when title_exclusions.phrases is null then titles.title_key
                else {{ regex_replace_all(
                regex_replace_all(
                    "replace(titles.title_key, ' ', '  ')",
                    "' (' || title_exclusions.phrases || ') '",
                    "' '"
                ),
                "' +'",
                "' '"
            ) }}
            end as title_level_key
        from (select distinct title_key from level_inputs) as titles
        cross join title_exclusions
        {%- elif exclusion_rows[0]['phrases'] is none %}
        titles.title_key as title_level_key
    from (select distinct title_key from level_inputs) as titles
        {%- else %}
        {{ regex_replace_all(
            regex_replace_all(
                "replace(titles.title_key, ' ', '  ')",
                sql_literal(' (' ~ exclusion_rows[0]['phrases'] ~ ') '),
                "' '"
            ),
            "' +'",
            "' '"
        ) }} as title_level_key
        from (select distinct title_key from level_inputs) as titles
        {%- endif %}
),

board_keys as (
    select distinct board_seniority_key from level_inputs
),

key_matches as (
    {%- if literal_patterns is none %}
        select
            'title' as applies_to,
            title_keys.title_key as level_key,
            seniority_patterns.seniority_level,
            seniority_patterns.precedence
        from title_keys
        inner join seniority_patterns
            on
                seniority_patterns.applies_to = 'title'
                and {{ regex_matches('title_keys.title_level_key', "' ' || trim(seniority_patterns.pattern) || ' '") }}
        union all
        select
            'board' as applies_to,
            board_keys.board_seniority_key as level_key,
            seniority_patterns.seniority_level,
            seniority_patterns.precedence
        from board_keys
        inner join seniority_patterns
            on
                seniority_patterns.applies_to = 'board'
                and {{ regex_matches(
                    'board_keys.board_seniority_key', "' ' || trim(seniority_patterns.pattern) || ' '"
                ) }}
    {%- else %}
        {%- for p in literal_patterns %}
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
        {%- endfor %}
    {%- endif %}
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

-- One row per distinct (normalized title, normalized board level) pair: the seniority level.
-- Title affixes decide first (they are the employer's own words); the board's level field is
-- the fallback; neither -> 'unspecified'. Within each, the lowest precedence pattern wins, so
-- "Associate Director" is a director, not entry level. Phrases of seniority_title_exclusions
-- ("Product Manager", "Member of Technical Staff") are blanked out of the title first: their level
-- words state no level.
with

postings as (
    select
        title,
        board_seniority_text
    from {{ ref('int_postings_unioned') }}
),

seniority_patterns as (
    select * from {{ ref('seniority_patterns') }}
),

seniority_title_exclusions as (
    select * from {{ ref('seniority_title_exclusions') }}
),

-- every exclusion phrase as a title key, in one alternation (words joined by ' +', because the
-- title is matched with its spaces doubled so that neighbouring phrases both match)
title_exclusions as (
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
    from postings
),

level_keys as (
    select
        level_inputs.title_key,
        level_inputs.board_seniority_key,
        case
            when title_exclusions.phrases is null then level_inputs.title_key
            else {{ regex_replace_all(
                regex_replace_all(
                    "replace(level_inputs.title_key, ' ', '  ')",
                    "' (' || title_exclusions.phrases || ') '",
                    "' '"
                ),
                "' +'",
                "' '"
            ) }}
        end as title_level_key
    from level_inputs
    cross join title_exclusions
),

pattern_matches as (
    select
        level_keys.title_key,
        level_keys.board_seniority_key,
        seniority_patterns.applies_to,
        seniority_patterns.seniority_level,
        row_number() over (
            partition by level_keys.title_key, level_keys.board_seniority_key
            order by
                case seniority_patterns.applies_to when 'title' then 1 else 2 end,
                seniority_patterns.precedence
        ) as match_rank
    from level_keys
    inner join seniority_patterns
        on
            (
                seniority_patterns.applies_to = 'title'
                and {{ regex_matches('level_keys.title_level_key', "' ' || trim(seniority_patterns.pattern) || ' '") }}
            )
            or (
                seniority_patterns.applies_to = 'board'
                and {{ regex_matches(
                    'level_keys.board_seniority_key',
                    "' ' || trim(seniority_patterns.pattern) || ' '"
                ) }}
            )
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

-- One row per distinct (normalized title, normalized board level) pair: the seniority level.
-- Title affixes decide first (they are the employer's own words); the board's level field is
-- the fallback; neither -> 'unspecified'. Within each, the lowest precedence pattern wins, so
-- "Associate Director" is a director, not entry level.
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

level_inputs as (
    select distinct
        {{ text_match_key('title') }} as title_key,
        coalesce({{ text_match_key('board_seniority_text') }}, ' ') as board_seniority_key
    from postings
),

pattern_matches as (
    select
        level_inputs.title_key,
        level_inputs.board_seniority_key,
        seniority_patterns.applies_to,
        seniority_patterns.seniority_level,
        row_number() over (
            partition by level_inputs.title_key, level_inputs.board_seniority_key
            order by
                case seniority_patterns.applies_to when 'title' then 1 else 2 end,
                seniority_patterns.precedence
        ) as match_rank
    from level_inputs
    inner join seniority_patterns
        on
            (
                seniority_patterns.applies_to = 'title'
                and {{ regex_matches('level_inputs.title_key', "' ' || trim(seniority_patterns.pattern) || ' '") }}
            )
            or (
                seniority_patterns.applies_to = 'board'
                and {{ regex_matches(
                    'level_inputs.board_seniority_key',
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

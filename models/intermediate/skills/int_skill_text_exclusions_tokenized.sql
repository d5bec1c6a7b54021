-- One row per exclusion phrase: ordinary phrases that contain a skill alias but do not name the
-- skill ("spark joy", "snowflake schema"). They take part in description matching like aliases,
-- so the longest-match rule lets them swallow the shorter alias inside them, and are then dropped.
with

skill_text_exclusions as (
    select * from {{ ref('skill_text_exclusions') }}
),

final as (
    select
        {{ list_join(skill_tokens('phrase'), "' '") }} as phrase_key,
        min(phrase) as example_phrase,
        min(reason) as reason,
        min({{ skill_tokens('phrase') }}) as phrase_tokens,
        min({{ list_element(skill_tokens('phrase'), 1) }}) as first_token,
        min({{ list_length(skill_tokens('phrase')) }}) as token_count
    from skill_text_exclusions
    group by 1
)

select * from final

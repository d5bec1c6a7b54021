-- One row per alias key: an alias cut into the same tokens descriptions and tags are cut into,
-- so matching is a join on tokens instead of one regular expression per alias. Spellings that
-- tokenize alike ("fine-tuning", "fine tuning") collapse into one key; a key claimed by two
-- different skills fails this model's unique test.
with

skill_aliases as (
    select * from {{ ref('skill_aliases') }}
),

tokenized as (
    select
        alias,
        skill,
        cast(is_text_match_allowed as boolean) as is_text_match_allowed,
        {{ skill_tokens('alias') }} as alias_tokens
    from skill_aliases
),

keyed as (
    select
        {{ list_join('alias_tokens', "' '") }} as alias_key,
        skill,
        alias,
        is_text_match_allowed,
        alias_tokens
    from tokenized
),

final as (
    select
        alias_key,
        skill,
        min(alias) as example_alias,
        count(*) as alias_spellings,
        {{ dbt.bool_or('is_text_match_allowed') }} as is_text_match_allowed,
        min(alias_tokens) as alias_tokens,
        min({{ list_element('alias_tokens', 1) }}) as first_token,
        min({{ list_length('alias_tokens') }}) as token_count
    from keyed
    group by alias_key, skill
)

select * from final

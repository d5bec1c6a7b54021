-- One row per posting and canonical skill, from the board's tags and from the description.
-- Tags: a whole tag matches an alias (any alias, also those too ambiguous for free text: "R",
-- "Go", "React"). Description: an alias matches where its tokens occur consecutively, only for
-- aliases allowed in free text. Tokens keep + # and inner dots, so C++, C#, .NET and Node.js
-- survive and Java never matches inside JavaScript. A match lying inside a longer match at the
-- same place is dropped ("ml" inside "ml ops" is MLOps, not Machine Learning), and exclusion
-- phrases ("spark joy", "snowflake schema") swallow the alias inside them the same way.
-- Incremental: only postings staged since the last run are matched (and every posting again when
-- the skill taxonomy changed); see macros/incremental.sql.
{{ config(
    materialized=per_posting_materialization(),
    unique_key='posting_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ delete_reprocessed_postings(ref('int_postings_unioned'), 'skill_taxonomy', 'taxonomy_hash') }}",
) }}

with

-- three narrow imports of the postings to process, each read once: a CTE read more than once may
-- be materialized whole, and one holding every description does not fit in memory at 10M.
-- Descriptions come from the job board (stored once, with its observations; the survey has none).
-- sqlfluff cannot lay out the templated branches, so indentation checks are off for this CTE.
-- noqa: disable=LT02
posting_descriptions as (
    {%- if 'job_board' in var('posting_sources') %}
    select
        posting_key,
        description_text
    from {{ ref('stg_job_board__posting_descriptions') }}
    where description_text is not null and ({{ postings_to_process('skill_taxonomy', 'taxonomy_hash') }})
    {%- else %}
    select
        cast(null as string) as posting_key,
        cast(null as string) as description_text
    where false
    {%- endif %}
),
-- noqa: enable=LT02

posting_tag_lists as (
    select
        posting_key,
        skill_tags
    from {{ ref('int_postings_unioned') }}
    where skill_tags is not null and ({{ postings_to_process('skill_taxonomy', 'taxonomy_hash') }})
),

postings as (
    select
        posting_key,
        staged_at
    from {{ ref('int_postings_unioned') }}
    where {{ postings_to_process('skill_taxonomy', 'taxonomy_hash') }}
),

skill_aliases as (
    select * from {{ ref('int_skill_aliases_tokenized') }}
),

text_exclusions as (
    select * from {{ ref('int_skill_text_exclusions_tokenized') }}
),

-- what description text is matched against: aliases allowed in free text, and exclusion phrases
-- (skill null) that only exist to swallow an alias inside them
text_patterns as (
    select
        skill,
        alias_tokens as pattern_tokens,
        first_token,
        token_count
    from skill_aliases
    where is_text_match_allowed

    union all

    select
        cast(null as string) as skill,
        phrase_tokens as pattern_tokens,
        first_token,
        token_count
    from text_exclusions
),

-- tags -------------------------------------------------------------------------------------------

posting_tags as (
    select
        posting_key,
        {{ unnest_list('skill_tags', 'skill_tag') }}
    from posting_tag_lists
),

tag_matches as (
    select distinct
        posting_tags.posting_key,
        skill_aliases.skill
    from posting_tags
    inner join skill_aliases
        on {{ list_join(skill_tokens('posting_tags.skill_tag'), "' '") }} = skill_aliases.alias_key
),

-- description text -------------------------------------------------------------------------------

-- each description is tokenized once and cut into one row per token position, carrying that
-- token and the next ones (var('skill_pattern_max_tokens') in all, as scalars): an alias of
-- several tokens is compared with its row's tokens (no join back to whole token lists, and no row
-- carries a list, so time and memory stay linear in the description's length)
token_windows as (
    select
        posting_key,
        {{ unnest_token_windows('tokens', var('skill_pattern_max_tokens'), 'token_position', 'token_') }}
    from (
        select
            posting_key,
            {{ skill_tokens('description_text') }} as tokens
        from posting_descriptions
    ) as description_tokens
),

{%- set window_columns = [] %}
{%- for k in range(1, var('skill_pattern_max_tokens') + 1) %}
    {%- do window_columns.append('token_windows.token_' ~ k) %}
{%- endfor %}

text_matches as (
    select
        token_windows.posting_key,
        text_patterns.skill,
        token_windows.token_position as start_position,
        token_windows.token_position + text_patterns.token_count - 1 as end_position
    from token_windows
    inner join text_patterns
        on token_windows.token_1 = text_patterns.first_token
    where
        text_patterns.token_count = 1
        or {{ list_slice(dbt.array_construct(window_columns, 'varchar'), 1, 'text_patterns.token_count') }}
        = text_patterns.pattern_tokens
),

-- a match lies inside a longer one when another match of the same posting starts earlier and ends
-- no earlier, or starts at the same token and ends later. Decided with two window functions over
-- the posting's matches (sort-based, so they spill to disk at any size), reading the matches once:
-- no join back and no materialized CTE (a self-join on posting_key, and later a materialized
-- list of matches joined back to its distinct spans, ran out of memory at 10M postings).
longest_text_matches as (
    select
        posting_key,
        skill,
        coalesce(
            max(end_position) over (
                partition by posting_key
                order by start_position
                range between unbounded preceding and 1 preceding
            ) >= end_position,
            false
        )
        or max(end_position) over (
            partition by posting_key, start_position
        ) > end_position as is_inside_longer_match
    from text_matches
),

kept_text_matches as (
    -- exclusion phrases have done their job once they swallowed the alias inside them
    select
        posting_key,
        skill
    from longest_text_matches
    where skill is not null and not is_inside_longer_match
),

description_matches as (
    select
        posting_key,
        skill,
        count(*) as description_mentions
    from kept_text_matches
    group by posting_key, skill
),

-- both -------------------------------------------------------------------------------------------

matched as (
    select
        coalesce(tag_matches.posting_key, description_matches.posting_key) as posting_key,
        coalesce(tag_matches.skill, description_matches.skill) as skill,
        tag_matches.skill is not null as is_tagged,
        description_matches.skill is not null as is_in_description,
        coalesce(description_matches.description_mentions, 0) as description_mentions
    from tag_matches
    full outer join description_matches
        on
            tag_matches.posting_key = description_matches.posting_key
            and tag_matches.skill = description_matches.skill
),

final as (
    select
        matched.posting_key,
        matched.skill,
        matched.is_tagged,
        matched.is_in_description,
        matched.description_mentions,
        postings.staged_at,
        {{ current_rules_hash('skill_taxonomy') }} as taxonomy_hash
    from matched
    inner join postings
        on matched.posting_key = postings.posting_key
)

select * from final

-- One row per posting and work arrangement (remote, hybrid, onsite; 'unspecified' when nothing is
-- stated). A posting may have several ("Remote or Hybrid"), so arrangement shares can sum past 1.
-- The board's workplace_type decides; when it is missing or names nothing known, the location
-- text is read instead ("Remote - US"). The patterns run once per distinct (workplace type,
-- location) pair, not once per posting.
-- Incremental: only postings staged since the last run (every posting again when the patterns
-- changed); see macros/incremental.sql.
{{ config(
    materialized=per_posting_materialization(),
    unique_key='posting_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ delete_reprocessed_postings(ref('int_postings_unioned'), 'work_arrangements') }}",
) }}

with

postings as (
    select
        posting_key,
        staged_at,
        coalesce(workplace_type_text, '') as workplace_type_key,
        coalesce(location_text, '') as location_key
    from {{ ref('int_postings_unioned') }}
    where {{ postings_to_process('work_arrangements') }}
),

work_arrangement_patterns as (
    select * from {{ ref('work_arrangement_patterns') }}
),

text_pairs as (
    select distinct
        workplace_type_key,
        location_key
    from postings
),

stated as (
    select
        text_pairs.workplace_type_key,
        text_pairs.location_key,
        text_sources.arrangement_source,
        work_arrangement_patterns.work_arrangement
    from text_pairs
    cross join (
        select 'workplace_type' as arrangement_source
        union all
        select 'location' as arrangement_source
    ) as text_sources
    inner join work_arrangement_patterns
        on {{ regex_matches(
            text_match_key(
                "case text_sources.arrangement_source when 'workplace_type' "
                ~ "then text_pairs.workplace_type_key else text_pairs.location_key end"
            ),
            "' ' || trim(work_arrangement_patterns.pattern) || ' '"
        ) }}
),

preferred_source as (
    select
        workplace_type_key,
        location_key,
        min(case arrangement_source when 'workplace_type' then 1 else 2 end) as source_rank
    from stated
    group by workplace_type_key, location_key
),

pair_arrangements as (
    select
        stated.workplace_type_key,
        stated.location_key,
        stated.work_arrangement,
        stated.arrangement_source
    from stated
    inner join preferred_source
        on
            stated.workplace_type_key = preferred_source.workplace_type_key
            and stated.location_key = preferred_source.location_key
            and case stated.arrangement_source when 'workplace_type' then 1 else 2 end
            = preferred_source.source_rank

    union all

    select
        text_pairs.workplace_type_key,
        text_pairs.location_key,
        'unspecified' as work_arrangement,
        'none' as arrangement_source
    from text_pairs
    left join preferred_source
        on
            text_pairs.workplace_type_key = preferred_source.workplace_type_key
            and text_pairs.location_key = preferred_source.location_key
    where preferred_source.workplace_type_key is null
),

final as (
    select
        postings.posting_key,
        pair_arrangements.work_arrangement,
        pair_arrangements.arrangement_source,
        postings.staged_at,
        {{ current_rules_hash('work_arrangements') }} as rules_hash
    from postings
    inner join pair_arrangements
        on
            postings.workplace_type_key = pair_arrangements.workplace_type_key
            and postings.location_key = pair_arrangements.location_key
)

select * from final

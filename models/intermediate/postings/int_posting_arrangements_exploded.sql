-- One row per posting and work arrangement (remote, hybrid, onsite; 'unspecified' when nothing is
-- stated). A posting may have several ("Remote or Hybrid"), so arrangement shares can sum past 1.
-- The board's workplace_type decides; when it is missing or names nothing known, the location
-- text is read instead ("Remote - US").
with

postings as (
    select
        posting_key,
        workplace_type_text,
        location_text
    from {{ ref('int_postings_unioned') }}
),

work_arrangement_patterns as (
    select * from {{ ref('work_arrangement_patterns') }}
),

stated as (
    select
        postings.posting_key,
        text_sources.arrangement_source,
        work_arrangement_patterns.work_arrangement
    from postings
    cross join (
        select 'workplace_type' as arrangement_source
        union all
        select 'location' as arrangement_source
    ) as text_sources
    inner join work_arrangement_patterns
        on {{ regex_matches(
            text_match_key(
                "case text_sources.arrangement_source when 'workplace_type' "
                ~ "then postings.workplace_type_text else postings.location_text end"
            ),
            "' ' || trim(work_arrangement_patterns.pattern) || ' '"
        ) }}
),

preferred_source as (
    select
        posting_key,
        min(case arrangement_source when 'workplace_type' then 1 else 2 end) as source_rank
    from stated
    group by posting_key
),

final as (
    select
        stated.posting_key,
        stated.work_arrangement,
        stated.arrangement_source
    from stated
    inner join preferred_source
        on
            stated.posting_key = preferred_source.posting_key
            and case stated.arrangement_source when 'workplace_type' then 1 else 2 end
            = preferred_source.source_rank

    union all

    select
        postings.posting_key,
        'unspecified' as work_arrangement,
        'none' as arrangement_source
    from postings
    left join preferred_source
        on postings.posting_key = preferred_source.posting_key
    where preferred_source.posting_key is null
)

select * from final

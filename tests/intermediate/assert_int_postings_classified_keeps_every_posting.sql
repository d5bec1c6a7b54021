-- int_postings_classified inner-joins the title, seniority and salary classifiers: a posting
-- missing from any of them would silently vanish from every mart. Every posting of the union of
-- the staged sources must come through exactly once, with its status, and with at least one work
-- arrangement row.
with

staged_postings as (
    select
        posting_key,
        is_active
    from {{ ref('int_postings_unioned') }}
),

classified_postings as (
    select
        posting_key,
        is_active
    from {{ ref('int_postings_classified') }}
),

arrangements as (
    select
        posting_key,
        count(*) as arrangement_rows,
        sum(case when work_arrangement = 'unspecified' then 1 else 0 end) as unspecified_rows
    from {{ ref('int_posting_arrangements_exploded') }}
    group by posting_key
),

classified_counts as (
    select
        posting_key,
        count(*) as classified_rows,
        min(case when is_active then 1 else 0 end) as min_active,
        max(case when is_active then 1 else 0 end) as max_active
    from classified_postings
    group by posting_key
),

compared as (
    select
        coalesce(staged_postings.posting_key, classified_counts.posting_key) as posting_key,
        staged_postings.posting_key is not null as is_staged,
        staged_postings.is_active as staged_is_active,
        coalesce(classified_counts.classified_rows, 0) as classified_rows,
        classified_counts.min_active,
        classified_counts.max_active,
        coalesce(arrangements.arrangement_rows, 0) as arrangement_rows,
        coalesce(arrangements.unspecified_rows, 0) as unspecified_rows
    from staged_postings
    full outer join classified_counts
        on staged_postings.posting_key = classified_counts.posting_key
    left join arrangements
        on coalesce(staged_postings.posting_key, classified_counts.posting_key) = arrangements.posting_key
)

select
    posting_key,
    case
        when not is_staged then 'classified posting absent from staging'
        when classified_rows = 0 then 'staged posting dropped by int_postings_classified'
        when classified_rows > 1 then 'posting classified more than once'
        when (min_active = 1) <> staged_is_active then 'is_active differs from staging'
        when arrangement_rows = 0 then 'posting without any work arrangement row'
        else 'unspecified arrangement next to a stated one'
    end as reason
from compared
where
    not is_staged
    or classified_rows <> 1
    or (min_active = 1) <> staged_is_active
    or arrangement_rows = 0
    or (unspecified_rows > 0 and arrangement_rows > 1)

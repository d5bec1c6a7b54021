-- Staging holds exactly one row per (source, posting_id) that the usable raw lines name: no
-- posting lost, none duplicated, none invented, and the kept observation is one of the posting's
-- latest usable lines (greatest scraped_at).
with

usable_observations as (
    select
        source,
        posting_id,
        scraped_at,
        source_file,
        line_number
    from {{ ref('base_job_board__observations') }}
    where quarantine_reason is null
),

staged_postings as (
    select
        source,
        posting_id,
        scraped_at,
        source_file,
        source_line_number
    from {{ ref('stg_job_board__postings') }}
),

raw_postings as (
    select
        source,
        posting_id,
        max(scraped_at) as latest_scraped_at
    from usable_observations
    group by source, posting_id
),

staged_counts as (
    select
        source,
        posting_id,
        count(*) as staged_rows,
        max(scraped_at) as staged_scraped_at
    from staged_postings
    group by source, posting_id
),

kept_observations as (
    select
        staged_postings.source,
        staged_postings.posting_id
    from staged_postings
    inner join usable_observations
        on
            staged_postings.source_file = usable_observations.source_file
            and staged_postings.source_line_number = usable_observations.line_number
            and staged_postings.source = usable_observations.source
            and staged_postings.posting_id = usable_observations.posting_id
),

compared as (
    select
        coalesce(raw_postings.source, staged_counts.source) as source,
        coalesce(raw_postings.posting_id, staged_counts.posting_id) as posting_id,
        raw_postings.posting_id is not null as is_in_raw,
        coalesce(staged_counts.staged_rows, 0) as staged_rows,
        raw_postings.latest_scraped_at,
        staged_counts.staged_scraped_at,
        kept_observations.posting_id is not null as is_kept_line_usable
    from raw_postings
    full outer join staged_counts
        on
            raw_postings.source = staged_counts.source
            and raw_postings.posting_id = staged_counts.posting_id
    left join kept_observations
        on
            coalesce(raw_postings.source, staged_counts.source) = kept_observations.source
            and coalesce(raw_postings.posting_id, staged_counts.posting_id) = kept_observations.posting_id
)

select
    source,
    posting_id,
    staged_rows,
    case
        when not is_in_raw then 'staged posting absent from the usable raw lines'
        when staged_rows = 0 then 'raw posting missing from staging'
        when staged_rows > 1 then 'posting staged more than once'
        when not is_kept_line_usable then 'kept observation is not a usable line of the posting'
        else 'kept observation is not the latest'
    end as reason
from compared
where
    not is_in_raw
    or staged_rows <> 1
    or not is_kept_line_usable
    or staged_scraped_at <> latest_scraped_at

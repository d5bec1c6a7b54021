-- Staging holds exactly one row per (source, posting_id) that the raw files hold with every
-- required field readable: no posting lost, none duplicated, none invented. Keys are compared the
-- way staging builds them (trimmed id, trimmed lowercase source).
with

raw_postings as (
    select * from {{ source('job_board', 'postings') }}
),

staged_postings as (
    select
        source,
        posting_id
    from {{ ref('stg_job_board__postings') }}
),

keyable_raw as (
    select distinct
        nullif(lower(trim(source)), '') as source,
        nullif(trim(posting_id), '') as posting_id
    from raw_postings
    where
        nullif(trim(posting_id), '') is not null
        and nullif(lower(trim(source)), '') is not null
        and nullif(trim(title), '') is not null
        and {{ to_utc_timestamp('scraped_at') }} is not null
),

staged_counts as (
    select
        source,
        posting_id,
        count(*) as staged_rows
    from staged_postings
    group by source, posting_id
),

compared as (
    select
        coalesce(keyable_raw.source, staged_counts.source) as source,
        coalesce(keyable_raw.posting_id, staged_counts.posting_id) as posting_id,
        keyable_raw.posting_id is not null as is_in_raw,
        coalesce(staged_counts.staged_rows, 0) as staged_rows
    from keyable_raw
    full outer join staged_counts
        on
            keyable_raw.source = staged_counts.source
            and keyable_raw.posting_id = staged_counts.posting_id
)

select
    source,
    posting_id,
    staged_rows,
    case
        when not is_in_raw then 'staged posting absent from the raw files'
        when staged_rows = 0 then 'raw posting missing from staging'
        else 'posting staged more than once'
    end as reason
from compared
where not is_in_raw or staged_rows <> 1

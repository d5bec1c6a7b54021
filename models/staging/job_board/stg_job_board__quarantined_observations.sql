-- Everything landed that cannot be used, one row per raw line (source_file + line_number) or, for
-- a file that cannot be read at all or a matched path that is not a file, one row for the path
-- (line_number null). Each row says why
-- (quarantine_reason, see the doc block job_board_quarantine_reason) and when the build that
-- quarantined it started. Nothing is silently dropped: every line read is either an observation
-- of stg_job_board__postings (kept or superseded) or a row here.
with

observations as (
    select * from {{ ref('base_job_board__observations') }}
    where quarantine_reason is not null
),

posting_files as (
    select * from {{ ref('base_job_board__posting_files') }}
    where file_status in ('unreadable', 'not_a_file')
),

quarantined_lines as (
    select
        source_file,
        line_number,
        quarantine_reason,
        cast(null as string) as quarantine_detail,
        raw_line,
        raw_line_length,
        posting_id,
        source
    from observations
),

rejected_files as (
    select
        source_file,
        cast(null as bigint) as line_number,
        case file_status when 'unreadable' then 'unreadable_file' else file_status end as quarantine_reason,
        read_error as quarantine_detail,
        cast(null as string) as raw_line,
        cast(null as bigint) as raw_line_length,
        cast(null as string) as posting_id,
        cast(null as string) as source
    from posting_files
),

final as (
    select
        *,
        {{ run_timestamp() }} as quarantined_at
    from (
        select * from quarantined_lines
        union all
        select * from rejected_files
    ) as quarantined
)

select * from final

-- The landing check on Spark, in SQL: one row per file Spark lists under JOB_MARKET_RAW, with the
-- same columns and rules as the DuckDB landing check (base_job_board__posting_files.py, one folder
-- up; dbt-spark runs Python models only on Databricks). Its pre-hooks create the raw relations over
-- the glob (job_board_raw_relations_hooks): a file Spark lists but cannot read (not gzip though
-- named .gz, truncated, no permission) is `unreadable` and counts in the loss budget; the lines of
-- the others are split and judged by text_file_lines. What Spark does not list at all (an empty
-- file, a directory's own name, a name that is not UTF-8, a named pipe, a link to nothing) is
-- measured in docs/spark_port.md.
{{ config(
    materialized='table',
    enabled=target.type == 'spark' and 'job_board' in var('posting_sources', ['job_board']),
    pre_hook=job_board_raw_relations_hooks(env_var('JOB_MARKET_RAW', 'data/generated/raw/*.jsonl*')),
) }}

with

listed_files as (
    select * from {{ source('job_board', 'posting_files') }}
),

file_texts as (
    select * from {{ source('job_board', 'posting_file_texts') }}
),

file_lines as (
    select * from {{ text_file_lines('file_texts', var('job_board_max_line_bytes', 67108864)) }} as split_lines
),

line_counts as (
    select
        filename,
        count(*) as line_count,
        sum(case when reject_reason is null then 1 else 0 end) as accepted_line_count,
        sum(case when reject_reason is null then 0 else 1 end) as rejected_line_count
    from file_lines
    group by filename
),

rejected_lines as (
    select
        filename,
        {{ sorted_struct_list('line_number', 'reject_reason') }} as rejected_lines
    from file_lines
    where reject_reason is not null
    group by filename
),

checked_files as (
    select
        listed_files.filename as source_file,
        listed_files.size as file_size_bytes,
        listed_files.last_modified as file_modified_at,
        file_texts.filename is not null as is_readable,
        coalesce(line_counts.line_count, 0) as line_count,
        coalesce(line_counts.accepted_line_count, 0) as accepted_line_count,
        coalesce(line_counts.rejected_line_count, 0) as rejected_line_count,
        rejected_lines.rejected_lines
    from listed_files
    left join file_texts
        on listed_files.filename = file_texts.filename
    left join line_counts
        on listed_files.filename = line_counts.filename
    left join rejected_lines
        on listed_files.filename = rejected_lines.filename
),

final as (
    select
        source_file,
        file_size_bytes,
        file_modified_at,
        case
            when not is_readable then 'unreadable'
            when line_count = 0 then 'empty'
            else 'loaded'
        end as file_status,
        case when is_readable then line_count end as line_count,
        case when is_readable then accepted_line_count end as accepted_line_count,
        case when is_readable then rejected_line_count end as rejected_line_count,
        rejected_lines,
        case
            when not is_readable
                then 'Spark could not read it (not gzip, corrupt, truncated or no permission): re-land the file'
        end as read_error,
        case when is_readable then source_file end as read_path,
        cast(null as string) as landing_note
    from checked_files
)

select * from final

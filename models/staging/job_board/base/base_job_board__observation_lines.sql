-- One row per line of the files this build loads (source_file + line_number, 1-based, as an
-- editor counts them): the lines the reader accepted (base_job_board__raw_lines, numbered among
-- themselves) and the lines it rejected (listed with their line numbers and reasons by
-- base_job_board__posting_files, no text) merged back into file order. A view: computed when
-- base_job_board__observations is built. The same files as base_job_board__raw_lines (see
-- job_board_files_to_load in macros/job_board_loading.sql).
{{ config(materialized='view') }}

{%- set files_to_load = job_board_files_to_load(ref('base_job_board__posting_files'))['files'] %}

with

raw_lines as (
    select * from {{ ref('base_job_board__raw_lines') }}
),

posting_files as (
    select * from {{ ref('base_job_board__posting_files') }}
    where {{ sql_in_strings('source_file', files_to_load) }}
),

rejected_lines as (
    select
        source_file,
        {{ unnest_list('rejected_lines', 'rejected_line') }}
    from posting_files
    where rejected_line_count > 0
),

rejected_line_numbers as (
    select
        rejected_lines.source_file,
        rejected_lines.rejected_line.line_number,
        rejected_lines.rejected_line.reject_reason
    from rejected_lines
),

-- the j-th rejected line of a file (line r) comes after r - j accepted lines
reject_marks as (
    select
        source_file,
        line_number,
        reject_reason,
        line_number - row_number() over (partition by source_file order by line_number) as accepted_lines_before
    from rejected_line_numbers
),

files_with_rejects as (
    select distinct source_file from reject_marks
),

-- files without rejected lines: the accepted position is the line number
clean_file_lines as (
    select
        raw_lines.source_file,
        raw_lines.accepted_position as line_number,
        raw_lines.raw_line,
        cast(null as string) as reject_reason
    from raw_lines
    left join files_with_rejects
        on raw_lines.source_file = files_with_rejects.source_file
    where files_with_rejects.source_file is null
),

-- files with rejected lines: accepted and rejected lines merged back into file order
merged_file_lines as (
    select
        raw_lines.source_file,
        raw_lines.accepted_position as merge_position,
        1 as merge_rank,
        raw_lines.accepted_position as merge_tiebreak,
        raw_lines.raw_line,
        cast(null as string) as reject_reason
    from raw_lines
    inner join files_with_rejects
        on raw_lines.source_file = files_with_rejects.source_file

    union all

    select
        source_file,
        accepted_lines_before + 1 as merge_position,
        0 as merge_rank,
        line_number as merge_tiebreak,
        cast(null as string) as raw_line,
        reject_reason
    from reject_marks
),

final as (
    select * from clean_file_lines

    union all

    select
        source_file,
        row_number() over (
            partition by source_file
            order by merge_position, merge_rank, merge_tiebreak
        ) as line_number,
        raw_line,
        reject_reason
    from merged_file_lines
)

select * from final

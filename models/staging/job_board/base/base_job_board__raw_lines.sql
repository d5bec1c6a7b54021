-- One row per line the reader accepts in the landed files this build loads, in file order: the raw
-- text and its position among the file's accepted lines (1, 2, ...). Lines the reader rejects are
-- not here (base_job_board__posting_files lists them with their line numbers); the observations
-- model merges both into true line numbers. A view: nothing is copied, the files are read when the
-- observations table is built (with the session reading in file order: see that model's hooks).
-- Which files: every readable file on a first build or a full refresh, else only those the
-- observations table does not hold yet (see job_board_files_to_load in macros/incremental.sql).
-- The file list is the loader's, so a file that landed after the check waits for the next build.
{{ config(materialized='view') }}

{#- the file list is read when the view is built; when the landing check has never run (compile
    or lint on a fresh warehouse) the view compiles over no file -#}
{%- set files_to_load = job_board_files_to_load(ref('base_job_board__posting_files'))['files'] %}

with

posting_files as (
    select
        source_file,
        accepted_line_count
    from {{ ref('base_job_board__posting_files') }}
    where
        file_status = 'loaded'
        and accepted_line_count > 0
        and {{ sql_in_strings('source_file', files_to_load) }}
),

-- lines of all files come out file after file (same order as the list), so a file's lines are
-- numbered from the count of accepted lines in the files before it
file_offsets as (
    select
        source_file,
        coalesce(
            sum(accepted_line_count) over (
                order by source_file rows between unbounded preceding and 1 preceding
            ),
            0
        ) as lines_before_file
    from posting_files
),

scanned_lines as (
    select
        source_file,
        raw_line,
        row_number() over () as scan_position
    from {{ read_text_lines(files_to_load, var('job_board_max_line_bytes', 67108864)) }} as text_lines
),

final as (
    select
        scanned_lines.source_file,
        scanned_lines.scan_position - file_offsets.lines_before_file as accepted_position,
        scanned_lines.raw_line
    from scanned_lines
    inner join file_offsets
        on scanned_lines.source_file = file_offsets.source_file
)

select * from final

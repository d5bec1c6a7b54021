-- One row per line the reader accepts in the landed files this build loads, in file order: the raw
-- text and its position among the file's accepted lines (1, 2, ...). Lines the reader rejects are
-- not here (base_job_board__posting_files lists them with their line numbers);
-- base_job_board__observation_lines merges both into true line numbers. A view: nothing is
-- copied, the files are read when the observations table is built (with the session reading in
-- file order: see that model's hooks).
-- Which files: every readable file on a first build or a full refresh, else only those the
-- observations table does not hold yet (see job_board_files_to_load in macros/job_board_loading.sql).
-- The file list is the loader's, so a file that landed after the check waits for the next build.
-- A file DuckDB's reader cannot take (mixed line ends, a name that is not UTF-8) is read from the
-- landing check's line copy, whose lines are JSON strings (see job_market.landing): decoded here.
-- On Spark, read_text_lines splits the whole-file texts of the source posting_file_texts.
{{ config(materialized='view') }}

{#- the file list is read when the view is built; when the landing check has never run (compile
    or lint on a fresh warehouse) the view compiles over no file -#}
{%- set to_load = job_board_files_to_load(ref('base_job_board__posting_files')) %}
{%- set files_to_load = to_load['files'] %}
{%- set read_paths = [] %}
{%- for path in files_to_load or [] %}
    {%- do read_paths.append(to_load['read_paths'][path]) %}
{%- endfor %}

with

posting_files as (
    select
        source_file,
        read_path,
        landing_note
    from {{ ref('base_job_board__posting_files') }}
    where
        file_status = 'loaded'
        and accepted_line_count > 0
        and {{ sql_in_strings('source_file', files_to_load) }}
),

scanned_lines as (
    select * from {{ read_text_lines(
        read_paths,
        var('job_board_max_line_bytes', 67108864),
        source('job_board', 'posting_file_texts'),
    ) }} as text_lines
),

final as (
    select
        posting_files.source_file,
        scanned_lines.accepted_position,
        case
            when posting_files.landing_note is null then scanned_lines.raw_line
            else {{ json_scalar_text('scanned_lines.raw_line') }}
        end as raw_line
    from scanned_lines
    inner join posting_files
        on scanned_lines.source_file = posting_files.read_path
)

select * from final

-- Nothing landed is silently lost: lines (or, for a file that cannot be read, the file itself)
-- read = staged + quarantined + files rejected. Per file: the lines the landing check counted are
-- exactly the lines of base_job_board__observations, numbered 1..n without gaps; each line is
-- either usable (an observation of a staged posting) or quarantined; every rejected path
-- (unreadable, not_a_file) has one quarantine row for itself. Overall: usable lines = sum of
-- stg_job_board__postings.observation_count.
with

posting_files as (
    select * from {{ ref('base_job_board__posting_files') }}
),

observations as (
    select
        source_file,
        line_number,
        quarantine_reason
    from {{ ref('base_job_board__observations') }}
),

quarantined as (
    select
        source_file,
        line_number,
        quarantine_reason
    from {{ ref('stg_job_board__quarantined_observations') }}
),

staged_postings as (
    select observation_count from {{ ref('stg_job_board__postings') }}
),

lines_per_file as (
    select
        source_file,
        count(*) as observation_lines,
        count(distinct line_number) as distinct_line_numbers,
        min(line_number) as first_line_number,
        max(line_number) as last_line_number,
        sum(case when quarantine_reason is null then 1 else 0 end) as usable_lines,
        sum(case when quarantine_reason is not null then 1 else 0 end) as quarantined_observation_lines
    from observations
    group by source_file
),

quarantine_per_file as (
    select
        source_file,
        sum(case when line_number is not null then 1 else 0 end) as quarantined_lines,
        sum(case when line_number is null then 1 else 0 end) as quarantined_file_rows
    from quarantined
    group by source_file
),

per_file as (
    select
        coalesce(posting_files.source_file, lines_per_file.source_file, quarantine_per_file.source_file) as source_file,
        posting_files.file_status,
        coalesce(posting_files.line_count, 0) as line_count,
        coalesce(lines_per_file.observation_lines, 0) as observation_lines,
        coalesce(lines_per_file.distinct_line_numbers, 0) as distinct_line_numbers,
        lines_per_file.first_line_number,
        lines_per_file.last_line_number,
        coalesce(lines_per_file.usable_lines, 0) as usable_lines,
        coalesce(lines_per_file.quarantined_observation_lines, 0) as quarantined_observation_lines,
        coalesce(quarantine_per_file.quarantined_lines, 0) as quarantined_lines,
        coalesce(quarantine_per_file.quarantined_file_rows, 0) as quarantined_file_rows
    from posting_files
    full outer join lines_per_file
        on posting_files.source_file = lines_per_file.source_file
    full outer join quarantine_per_file
        on coalesce(posting_files.source_file, lines_per_file.source_file) = quarantine_per_file.source_file
),

file_failures as (
    select
        source_file,
        case
            when file_status is null then 'lines or quarantine rows of a file the landing check does not know'
            when observation_lines <> line_count then 'lines read differ from the lines the landing check counted'
            when
                observation_lines > 0
                and (
                    first_line_number <> 1
                    or last_line_number <> observation_lines
                    or distinct_line_numbers <> observation_lines
                )
                then 'line numbers are not 1..n without gaps or repeats'
            when usable_lines + quarantined_observation_lines <> observation_lines
                then 'a line is neither usable nor quarantined'
            when quarantined_lines <> quarantined_observation_lines
                then 'quarantined lines differ from stg_job_board__quarantined_observations'
            when (file_status in ('unreadable', 'not_a_file')) <> (quarantined_file_rows = 1)
                then 'a rejected file must have exactly one quarantine row, other files none'
        end as reason
    from per_file
),

usable_lines as (
    select sum(case when quarantine_reason is null then 1 else 0 end) as usable_lines
    from observations
),

staged_observations as (
    select sum(observation_count) as staged_observations
    from staged_postings
),

totals as (
    select
        coalesce(usable_lines.usable_lines, 0) as usable_lines,
        coalesce(staged_observations.staged_observations, 0) as staged_observations
    from usable_lines
    cross join staged_observations
)

select
    source_file,
    reason
from file_failures
where reason is not null

union all

select
    cast(null as string) as source_file,
    'usable lines (' || usable_lines || ') differ from the observations of staged postings ('
    || staged_observations || ')' as reason
from totals
where usable_lines <> staged_observations

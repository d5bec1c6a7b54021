-- The loss budget: the share of what landed that cannot be used. A unit is a line, or, for a
-- path the landing check could not read at all (unreadable, not_a_file), the path itself:
-- units = lines read + files rejected, lost = quarantined lines + files rejected.
-- Above var job_board_quarantined_share_warn (1 %) the build warns, above
-- var job_board_quarantined_share_error (10 %) it fails and nothing is published: a scraper, the
-- contract or the landing zone changed. One row; its failure count is the share in basis points.
{%- set warn_above = var('job_board_quarantined_share_warn', 0.01) %}
{%- set error_above = var('job_board_quarantined_share_error', 0.10) %}
{{ config(
    fail_calc='coalesce(max(quarantined_share_basis_points), 0)',
    warn_if='>' ~ (warn_above * 10000) | round | int,
    error_if='>' ~ (error_above * 10000) | round | int,
) }}

with

observations as (
    select quarantine_reason from {{ ref('base_job_board__observations') }}
),

posting_files as (
    select file_status from {{ ref('base_job_board__posting_files') }}
),

line_counts as (
    select
        count(*) as landed_lines,
        sum(case when quarantine_reason is not null then 1 else 0 end) as quarantined_lines
    from observations
),

file_counts as (
    select sum(case when file_status in ('unreadable', 'not_a_file') then 1 else 0 end) as rejected_files
    from posting_files
),

counted as (
    select
        line_counts.landed_lines + coalesce(file_counts.rejected_files, 0) as landed_units,
        coalesce(line_counts.quarantined_lines, 0) as quarantined_lines,
        coalesce(file_counts.rejected_files, 0) as rejected_files
    from line_counts
    cross join file_counts
)

select
    landed_units,
    quarantined_lines,
    rejected_files,
    (quarantined_lines + rejected_files) * 1e0 / landed_units as quarantined_share,
    cast(floor((quarantined_lines + rejected_files) * 10000.0 / landed_units) as integer)
        as quarantined_share_basis_points
from counted
where landed_units > 0

-- Drift of the raw data's quality: the share of landed lines that had to be quarantined.
-- Above var job_board_quarantined_share_warn (1 %) the build warns, above
-- var job_board_quarantined_share_error (10 %) it fails: a scraper (or the contract) changed.
-- The test returns one row; its failure count is the quarantined share in basis points.
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

counted as (
    select
        count(*) as landed_lines,
        sum(case when quarantine_reason is not null then 1 else 0 end) as quarantined_lines
    from observations
)

select
    landed_lines,
    quarantined_lines,
    quarantined_lines * 1.0 / landed_lines as quarantined_share,
    cast(floor(quarantined_lines * 10000.0 / landed_lines) as integer) as quarantined_share_basis_points
from counted
where landed_lines > 0

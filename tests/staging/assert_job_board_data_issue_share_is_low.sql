-- Drift of the raw data's quality, field by field: for each data issue code, the share of staged
-- postings whose kept observation has it. Above var job_board_data_issue_share_warn (5 %) the
-- build warns (the rows stay usable; a parser or a scraper may need attention); it never fails.
-- One row per code over the threshold; the failure count is the worst share in basis points.
{%- set warn_above = var('job_board_data_issue_share_warn', 0.05) %}
{{ config(
    severity='warn',
    fail_calc='coalesce(max(issue_share_basis_points), 0)',
    warn_if='>' ~ (warn_above * 10000) | round | int,
) }}

with

postings as (
    select data_issues from {{ ref('stg_job_board__postings') }}
),

posting_count as (
    select count(*) as postings from postings
),

issues as (
    select {{ unnest_list('data_issues', 'data_issue') }}
    from postings
),

issue_counts as (
    select
        data_issue,
        count(*) as postings_with_issue
    from issues
    group by data_issue
),

shares as (
    select
        issue_counts.data_issue,
        issue_counts.postings_with_issue,
        posting_count.postings,
        issue_counts.postings_with_issue * 10000.0 / posting_count.postings as issue_share_bp_exact
    from issue_counts
    cross join posting_count
)

select
    data_issue,
    postings_with_issue,
    postings,
    cast(floor(issue_share_bp_exact) as integer) as issue_share_basis_points
from shares

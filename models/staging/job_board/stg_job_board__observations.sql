-- One row per usable observation (source_file + line_number): what a scrape saw of a posting at
-- scraped_at, narrowed to the fields whose changes the posting history tracks, with the published
-- pay resolved the way stg_job_board__postings resolves its latest observation (the same macros)
-- and a fingerprint of the text skills are read from. Duplicate lines and re-scrapes are all
-- here; the history (int_posting_versions_derived) decides what changed.
-- A view: it is read for the postings a build re-stages, so only their observations are parsed.
{{ config(materialized='view') }}

with

observations as (
    select
        source_file,
        line_number,
        source,
        posting_id,
        scraped_at,
        posting_status,
        title,
        location_text,
        board_seniority_text,
        skill_tags,
        description_text,
        salary_text,
        structured_salary_min,
        structured_salary_max,
        structured_salary_currency,
        structured_salary_period
    from {{ ref('base_job_board__observations') }}
    where quarantine_reason is null
),

salary_parsed as (
    select
        *,
        {{ salary_text_amount('salary_text', 'min') }} as text_salary_min,
        {{ salary_text_amount('salary_text', 'max') }} as text_salary_max,
        {{ salary_text_currency('salary_text') }} as text_salary_currency,
        {{ salary_period_from_text('salary_text') }} as text_salary_period
    from observations
),

salary_resolved as (
    select
        *,
        {{ resolved_salary_source() }} as salary_source
    from salary_parsed
),

final as (
    select
        -- ids
        {{ posting_key('source', 'posting_id') }} as posting_key,
        posting_id,
        source,
        source_file,
        line_number as source_line_number,

        -- when
        scraped_at,

        -- what can change
        posting_status,
        posting_status = 'active' as is_active,
        title,
        location_text,
        board_seniority_text,
        skill_tags,
        {{ content_hash(
            "coalesce(" ~ list_join('skill_tags', "'|'") ~ ", '') || '#' || coalesce(description_text, '')"
        ) }} as skills_fingerprint,

        -- salary as published, resolved
        salary_source,
        {{ resolved_salary_columns() }}
    from salary_resolved
)

select * from final

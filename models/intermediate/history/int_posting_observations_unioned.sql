-- One row per observation of a posting from every source named in var('posting_sources'), in
-- one shape: the job board's usable observations (every scrape, not only the latest) and, when
-- enabled, the salary survey's records (one observation each). The posting history and the
-- lookups that classify titles, levels and locations read observations from here, so every title
-- or location ever seen is classified, not only the latest one.
-- A view: it only renames.
{{ config(materialized='view') }}
{%- set sources = var('posting_sources') %}

{%- set shared_columns = [
    'posting_key', 'posting_id', 'source', 'scraped_at', 'source_file', 'posting_status',
    'is_active', 'title', 'location_text', 'board_seniority_text', 'salary_source',
    'salary_min_amount', 'salary_max_amount', 'salary_currency_code', 'salary_period',
] %}

-- The CTEs below exist only for the enabled sources; sqlfluff cannot lay out such templated
-- blocks, so indentation checks are off for them.
-- noqa: disable=LT02
with

{% if 'job_board' in sources -%}
job_board_observations as (
    select
        {{ shared_columns | join(',\n        ') }},
        source_line_number,
        skills_fingerprint,
        cast(null as string) as seniority_level_given,
        cast(null as string) as country_code_given
    from {{ ref('stg_job_board__observations') }}
),
{%- endif %}

{% if 'ai_jobs' in sources -%}
survey_observations as (
    select
        {{ shared_columns | join(',\n        ') }},
        cast(null as bigint) as source_line_number,
        -- the survey names no skills
        {{ content_hash("''") }} as skills_fingerprint,
        seniority_level_given,
        country_code_given
    from {{ ref('stg_ai_jobs__salaries') }}
),
{%- endif %}

unioned as (
    {%- for name in sources %}
    select * from {{ 'job_board_observations' if name == 'job_board' else 'survey_observations' }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from unioned
-- noqa: enable=LT02

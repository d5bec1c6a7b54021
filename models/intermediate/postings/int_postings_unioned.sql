-- One row per posting from every source named in var('posting_sources'), in one shape: the job
-- board's latest observations and, when enabled, the salary survey's records. Everything
-- downstream reads postings from here, so a new source is one staging model and one branch here.
-- A view: it only renames, so it costs nothing to keep in step with staging. staged_at is when a
-- posting's current version was staged: the watermark of every incremental model downstream.
{{ config(materialized='view') }}
{%- set sources = var('posting_sources') %}
{%- set known = ['job_board', 'ai_jobs'] %}
{%- for name in sources %}
    {%- if name not in known %}
        {{ exceptions.raise_compiler_error("var posting_sources: unknown source '" ~ name ~ "' (known: " ~ known | join(', ') ~ ")") }}
    {%- endif %}
{%- endfor %}
{%- if sources | length == 0 %}
    {{ exceptions.raise_compiler_error("var posting_sources is empty: name at least one of " ~ known | join(', ')) }}
{%- endif %}

{#- the posting shape every source is staged into; the job board states no level or country
    outright, so those two come as nulls from it -#}
{%- set shared_columns = [
    'posting_key', 'posting_id', 'source', 'scraped_at', 'posted_date', 'posting_status',
    'is_active', 'title', 'company_name', 'location_text', 'workplace_type_text',
    'employment_type_text', 'board_seniority_text', 'skill_tags',
    'salary_text', 'salary_source', 'salary_min_amount', 'salary_max_amount',
    'salary_currency_code', 'salary_period', 'is_salary_period_assumed', 'observation_count',
    'source_file',
] %}

-- The CTEs below exist only for the enabled sources; sqlfluff cannot lay out such templated
-- blocks, so indentation checks are off for them.
-- noqa: disable=LT02
with

{% if 'job_board' in sources -%}
job_board_postings as (
    select
        {{ shared_columns | join(',\n        ') }},
        cast(null as string) as seniority_level_given,
        cast(null as string) as country_code_given,
        staged_at
    from {{ ref('stg_job_board__postings') }}
),
{%- endif %}

{% if 'ai_jobs' in sources -%}
survey_records as (
    select
        {{ shared_columns | join(',\n        ') }},
        seniority_level_given,
        country_code_given,
        -- the survey file is re-read on every build, so its records count as staged now
        {{ run_timestamp() }} as staged_at
    from {{ ref('stg_ai_jobs__salaries') }}
),
{%- endif %}

unioned as (
    {%- for name in sources %}
    select * from {{ 'job_board_postings' if name == 'job_board' else 'survey_records' }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select * from unioned
-- noqa: enable=LT02

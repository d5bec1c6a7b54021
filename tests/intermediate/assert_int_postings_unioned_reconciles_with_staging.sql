-- The union holds every staged posting of every enabled source once, and nothing else.
with

unioned as (
    select
        source,
        count(*) as postings,
        count(distinct posting_key) as distinct_keys
    from {{ ref('int_postings_unioned') }}
    group by source
),

staged as (
    {%- set parts = [] %}
    {%- if 'job_board' in var('posting_sources') %}
        {%- do parts.append(
            "select source, count(*) as postings from " ~ ref('stg_job_board__postings') ~ " group by source"
        ) %}
    {%- endif %}
    {%- if 'ai_jobs' in var('posting_sources') %}
        {%- do parts.append(
            "select source, count(*) as postings from " ~ ref('stg_ai_jobs__salaries') ~ " group by source"
        ) %}
    {%- endif %}
    {{ parts | join('\n    union all\n    ') }}
)

select
    coalesce(unioned.source, staged.source) as source,
    unioned.postings as unioned_postings,
    unioned.distinct_keys,
    staged.postings as staged_postings
from unioned
full outer join staged
    on unioned.source = staged.source
where
    unioned.postings is distinct from staged.postings
    or unioned.distinct_keys <> unioned.postings

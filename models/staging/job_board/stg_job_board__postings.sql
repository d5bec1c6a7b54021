-- One row per posting (source + posting_id): its latest usable observation, with the salary the
-- board published parsed into amounts, currency and period. The description stays in the
-- observations table (stored once: it is most of the warehouse's bytes);
-- stg_job_board__posting_descriptions serves it through this row's pointer to its observation
-- (source_file, source_line_number, observation_loaded_at).
-- Incremental: a build re-stages only the postings that got an observation loaded after the last
-- staging (late re-scrapes of old postings included: the latest observation is chosen again among
-- all of the posting's observations) and stamps them with staged_at, the watermark every
-- per-posting model downstream reads. Postings whose every observation left (a withdrawn file)
-- are deleted.
{{ config(
    materialized=per_posting_materialization(),
    unique_key='posting_key',
    incremental_strategy='delete+insert',
    on_schema_change='fail',
    pre_hook="{{ delete_postings_without_observations(ref('base_job_board__observations')) }}",
) }}

{#- what staging reads of an observation: everything but the description (which stays in the
    observations table) and the quarantine's raw line -#}
{%- set observation_columns = [
    'source_file', 'line_number', 'loaded_at', 'posting_id', 'source', 'scraped_at', 'posted_date',
    'posting_status', 'title', 'company_name', 'location_text', 'workplace_type_text',
    'employment_type_text', 'board_seniority_text', 'skill_tags', 'salary_text',
    'structured_salary_min', 'structured_salary_max', 'structured_salary_currency',
    'structured_salary_period', 'data_issues',
] %}

with

-- the identity and order of every usable observation (incremental: of the postings that got one
-- loaded since the last staging): a narrow projection, so choosing the latest observation never
-- reads descriptions
observation_versions as (
    select
        source,
        posting_id,
        scraped_at,
        source_file,
        line_number,
        observation_hash,
        loaded_at
    from {{ ref('base_job_board__observations') }}
    where
        quarantine_reason is null
        and {{ postings_with_new_observations(ref('base_job_board__observations')) }}
),

-- the latest observation per posting; ties go to the later file, then the later line
observation_order as (
    select
        source_file,
        line_number,
        loaded_at,
        row_number() over (
            partition by source, posting_id
            order by scraped_at desc, source_file desc, line_number desc
        ) as observation_recency_rank,
        lead(scraped_at) over (
            partition by source, posting_id
            order by scraped_at desc, source_file desc, line_number desc
        ) = scraped_at as is_next_same_time,
        lead(observation_hash) over (
            partition by source, posting_id
            order by scraped_at desc, source_file desc, line_number desc
        ) = observation_hash as is_next_same_content,
        count(*) over (partition by source, posting_id) as observation_count
    from observation_versions
),

latest_observation as (
    select
        source_file,
        line_number,
        loaded_at,
        observation_count,
        -- the next most recent observation was taken at the same time: same or other content
        coalesce(is_next_same_time and not is_next_same_content, false) as has_conflicting_observation,
        coalesce(is_next_same_time and is_next_same_content, false) as has_duplicate_observation
    from observation_order
    where observation_recency_rank = 1
),

-- the latest observations (all but their descriptions), read in two parts by load time. Incremental: most
-- latest observations were loaded by this run, and the filter on loaded_at skips the storage
-- blocks of older loads; the (rare) latest observations from earlier loads, e.g. when a late file
-- holds an older scrape, are looked up among the older rows. On a full build the second part is
-- empty.
latest as (
    select
        observations.{{ observation_columns | join(',\n        observations.') }},
        latest_observation.observation_count,
        latest_observation.has_conflicting_observation,
        latest_observation.has_duplicate_observation
    from {{ ref('base_job_board__observations') }} as observations
    inner join latest_observation
        on
            observations.source_file = latest_observation.source_file
            and observations.line_number = latest_observation.line_number
    where
        {{ loaded_since_last_staging('observations.loaded_at') }}
        and {{ loaded_since_last_staging('latest_observation.loaded_at') }}

    union all

    select
        observations.{{ observation_columns | join(',\n        observations.') }},
        latest_observation.observation_count,
        latest_observation.has_conflicting_observation,
        latest_observation.has_duplicate_observation
    from {{ ref('base_job_board__observations') }} as observations
    inner join latest_observation
        on
            observations.source_file = latest_observation.source_file
            and observations.line_number = latest_observation.line_number
    where
        not {{ loaded_since_last_staging('observations.loaded_at') }}
        and not {{ loaded_since_last_staging('latest_observation.loaded_at') }}
),

-- free-text pay is parsed once per distinct text (a few thousand for a million postings: boards
-- repeat their pay lines); `latest` is narrow (descriptions stay in the observations table), so
-- reading it twice is cheap
salary_texts as (
    select distinct salary_text
    from latest
    where salary_text is not null
),

salary_texts_parsed as (
    select
        salary_text,
        {{ salary_text_amount('salary_text', 'min') }} as text_salary_min,
        {{ salary_text_amount('salary_text', 'max') }} as text_salary_max,
        {{ salary_text_currency('salary_text') }} as text_salary_currency,
        {{ salary_period_from_text('salary_text') }} as text_salary_period
    from salary_texts
),

salary_parsed as (
    select
        latest.*,
        salary_texts_parsed.text_salary_min,
        salary_texts_parsed.text_salary_max,
        salary_texts_parsed.text_salary_currency,
        salary_texts_parsed.text_salary_period
    from latest
    left join salary_texts_parsed
        on latest.salary_text = salary_texts_parsed.salary_text
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

        -- timestamps
        scraped_at,
        posted_date,

        -- status
        posting_status,
        posting_status = 'active' as is_active,

        -- descriptive text
        title,
        company_name,
        location_text,
        workplace_type_text,
        employment_type_text,
        board_seniority_text,
        skill_tags,

        -- salary
        salary_text,
        salary_source,
        {{ resolved_salary_columns() }},

        -- lineage
        {{ run_timestamp() }} as staged_at,
        observation_count,
        source_file,
        line_number as source_line_number,
        loaded_at as observation_loaded_at,

        -- data quality
        {{ dbt.array_concat('data_issues', issue_codes([
            ('has_conflicting_observation', 'conflicting_observation'),
            ('has_duplicate_observation', 'duplicate_observation'),
        ])) }} as data_issues
    from salary_resolved
)

select * from final

-- One row per raw line of every readable landed file (source_file + line_number), judged and
-- stored: quarantine_reason says why a line cannot be used (null: usable); data_issues lists the
-- field-level problems of a usable line (the field is then nulled or reinterpreted, never the row
-- dropped). Three views number, parse and clean the lines (base_job_board__observation_lines,
-- base_job_board__observations_parsed, base_job_board__observations_cleaned); DuckDB runs them
-- as one query with this model. E-mail addresses and phone numbers are redacted from every text
-- field (the description and skill tags by base_job_board__observations_cleaned, the short fields
-- and the raw line of a quarantined line here), so no table holds them; a line whose posting_id
-- or source holds one is quarantined (contact_details_in_id).
--
-- Incremental: a build appends the lines of the files it has not loaded yet (path, size and
-- modification time; see job_board_files_to_load), stamped with loaded_at; when a loaded file
-- changed or vanished, every file is loaded again from scratch.
{%- set files_to_load = job_board_files_to_load(ref('base_job_board__posting_files')) %}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook=[
        job_board_observations_storage_hook('begin'),
        job_board_scan_order_hook('begin'),
        "{{ delete_all_if_reloading(job_board_files_to_load(ref('base_job_board__posting_files'))['reload_all']) }}",
    ],
    post_hook=[
        job_board_scan_order_hook('end'),
        job_board_observations_storage_hook('end'),
    ]
) }}

{%- set contacts = 'has_short_text_contacts' %}
{%- set quarantine_raw_line_chars = var('job_board_quarantine_raw_line_chars', 65536) %}

with

observations as (
    select * from {{ ref('base_job_board__observations_cleaned') }}
),

posting_files as (
    select * from {{ ref('base_job_board__posting_files') }}
    where {{ sql_in_strings('source_file', files_to_load['files']) }}
),

-- A line is judged with its file's version: a scrape cannot postdate (by more than a day, for
-- clocks and time zones) the file that holds it. Judging against the file, not the build's
-- clock, gives a line the same verdict in an incremental build and in any later full refresh.
-- (The inner join also keeps the lines to the files this build loads.)
versioned as (
    select
        observations.*,
        posting_files.file_size_bytes,
        posting_files.file_modified_at
    from observations
    inner join posting_files
        on observations.source_file = posting_files.source_file
),

judged as (
    select
        *,
        case
            when reject_reason is not null then reject_reason
            when raw_line is null or trim(raw_line) = '' then 'blank_line'
            when not is_json and {{ json_value_kind('raw_line') }} is null then 'invalid_json'
            when not is_json then 'not_a_json_object'
            when
                (posting_id_kind is null or source_kind is null or scraped_at_kind is null or title_kind is null)
                and {{ json_value_kind('raw_line') }} <> 'object'
                then 'not_a_json_object'
            when posting_id_kind is null or posting_id_kind = 'null' then 'missing_posting_id'
            when posting_id_kind not in ('string', 'number') then 'invalid_posting_id'
            when posting_id_clean is null then 'missing_posting_id'
            when source_kind is null or source_kind = 'null' then 'missing_source'
            when source_kind <> 'string' then 'invalid_source'
            when source_clean is null then 'missing_source'
            when scraped_at_kind is null or scraped_at_kind = 'null' then 'missing_scraped_at'
            when scraped_at_kind <> 'string' then 'invalid_scraped_at'
            when scraped_at_clean is null then 'missing_scraped_at'
            when scraped_at_parsed is null then 'invalid_scraped_at'
            when
                scraped_at is null
                or scraped_at < cast('2000-01-01' as timestamp)
                or scraped_at > {{ dbt.dateadd('day', 1, 'file_modified_at') }}
                then 'scraped_at_out_of_range'
            when title_kind is null or title_kind = 'null' then 'missing_title'
            when title_kind <> 'string' then 'invalid_title'
            when title_clean is null then 'missing_title'
            when
                has_short_text_contacts
                and {{ has_contact_details("concat_ws('|', posting_id_clean, source_clean)") }}
                then 'contact_details_in_id'
        end as quarantine_reason
    from versioned
),

final as (
    select
        -- lineage
        source_file,
        line_number,
        file_size_bytes,
        file_modified_at,
        {{ run_timestamp() }} as loaded_at,
        quarantine_reason,
        case
            when quarantine_reason is not null
                then left({{ redact_contact_details('raw_line') }}, {{ quarantine_raw_line_chars }})
        end as raw_line,
        length(raw_line) as raw_line_length,
        observation_hash,

        -- ids
        {{ redact_contact_details_where(contacts, 'posting_id_clean') }} as posting_id,
        lower({{ redact_contact_details_where(contacts, 'source_clean') }}) as source,

        -- timestamps (UTC)
        scraped_at,
        posted_date,

        -- status: missing means active; anything else is kept, lowercased
        coalesce(
            lower({{ redact_contact_details_where(contacts, 'status_clean') }}), 'active'
        ) as posting_status,

        -- descriptive text
        {{ redact_contact_details_where(contacts, 'title_clean') }} as title,
        {{ redact_contact_details_where(contacts, 'company_clean') }} as company_name,
        {{ redact_contact_details_where(contacts, 'location_clean') }} as location_text,
        {{ redact_contact_details_where(contacts, 'workplace_type_clean') }} as workplace_type_text,
        {{ redact_contact_details_where(contacts, 'employment_type_clean') }} as employment_type_text,
        {{ redact_contact_details_where(contacts, 'seniority_clean') }} as board_seniority_text,
        description_text,
        skill_tags,

        -- salary as published
        {{ redact_contact_details_where(contacts, 'salary_clean') }} as salary_text,
        structured_salary_min,
        structured_salary_max,
        {{ redact_contact_details_where(contacts, 'structured_salary_currency') }} as structured_salary_currency,
        structured_salary_period,

        -- field-level problems of the line (the row is kept)
        data_issues
    from judged
)

select * from final

-- One row per raw line of every readable landed file (source_file + line_number, 1-based, as an
-- editor counts them): the line parsed into the fields of the raw contract, cleaned, and judged.
-- quarantine_reason says why a line cannot be used (null: usable); data_issues lists the
-- field-level problems of a usable line (the field is then nulled or reinterpreted, never the row
-- dropped). E-mail addresses and phone numbers are redacted here from every text field (the
-- description as plain text, title, company, location, the other short fields, skill tags, the
-- raw line of a quarantined line), so no table holds them; a line whose posting_id or source holds
-- one is quarantined (contact_details_in_id).
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

{%- set contract_fields = [
    ('posting_id', 'json'),
    ('source', 'json'),
    ('scraped_at', 'json'),
    ('posted_at', 'varchar'),
    ('status', 'varchar'),
    ('title', 'json'),
    ('company', 'varchar'),
    ('location', 'varchar'),
    ('workplace_type', 'varchar'),
    ('employment_type', 'varchar'),
    ('seniority', 'varchar'),
    ('salary', 'varchar'),
    ('salary_min', 'varchar'),
    ('salary_max', 'varchar'),
    ('salary_currency', 'varchar'),
    ('salary_period', 'varchar'),
    ('skills', 'json'),
    ('description', 'varchar'),
] %}
{%- set short_text_fields = [
    'status', 'company', 'location', 'workplace_type', 'employment_type', 'seniority', 'salary',
    'salary_currency', 'salary_period',
] %}
{%- set quarantine_raw_line_chars = var('job_board_quarantine_raw_line_chars', 65536) %}
{%- set short_text_concat = "concat_ws('|', posting_id_text, source_text, scraped_at_text, title_text, posted_at_text, "
    ~ (short_text_fields | join('_text, ')) ~ "_text)" %}
{#- the stored short fields and the skill tags, tested at once for contact details -#}
{%- set contacts = 'has_short_text_contacts' %}
{%- set stored_short_text_concat = "concat_ws('|', posting_id_clean, source_clean, title_clean, "
    ~ (short_text_fields | reject('equalto', 'salary_period') | join('_clean, ')) ~ "_clean, cast(skills_json as string))" %}


with

raw_lines as (
    select * from {{ ref('base_job_board__raw_lines') }}
),

posting_files as (
    select * from {{ ref('base_job_board__posting_files') }}
    where {{ sql_in_strings('source_file', files_to_load['files']) }}
),

-- line numbers ---------------------------------------------------------------------------------

rejected_lines as (
    select
        source_file,
        {{ unnest_list('rejected_lines', 'rejected_line') }}
    from posting_files
    where rejected_line_count > 0
),

rejected_line_numbers as (
    select
        rejected_lines.source_file,
        rejected_lines.rejected_line.line_number,
        rejected_lines.rejected_line.reject_reason
    from rejected_lines
),

-- the j-th rejected line of a file (line r) comes after r - j accepted lines
reject_marks as (
    select
        source_file,
        line_number,
        reject_reason,
        line_number - row_number() over (partition by source_file order by line_number) as accepted_lines_before
    from rejected_line_numbers
),

files_with_rejects as (
    select distinct source_file from reject_marks
),

-- files without rejected lines: the accepted position is the line number
clean_file_lines as (
    select
        raw_lines.source_file,
        raw_lines.accepted_position as line_number,
        raw_lines.raw_line,
        cast(null as string) as reject_reason
    from raw_lines
    left join files_with_rejects
        on raw_lines.source_file = files_with_rejects.source_file
    where files_with_rejects.source_file is null
),

-- files with rejected lines: accepted and rejected lines merged back into file order
merged_file_lines as (
    select
        raw_lines.source_file,
        raw_lines.accepted_position as merge_position,
        1 as merge_rank,
        raw_lines.accepted_position as merge_tiebreak,
        raw_lines.raw_line,
        cast(null as string) as reject_reason
    from raw_lines
    inner join files_with_rejects
        on raw_lines.source_file = files_with_rejects.source_file

    union all

    select
        source_file,
        accepted_lines_before + 1 as merge_position,
        0 as merge_rank,
        line_number as merge_tiebreak,
        cast(null as string) as raw_line,
        reject_reason
    from reject_marks
),

lines as (
    select * from clean_file_lines

    union all

    select
        source_file,
        row_number() over (
            partition by source_file
            order by merge_position, merge_rank, merge_tiebreak
        ) as line_number,
        raw_line,
        reject_reason
    from merged_file_lines
),

-- parsing --------------------------------------------------------------------------------------

-- raw control bytes (a tab pasted into a title) make a line invalid JSON; such a line is parsed
-- again with them replaced by spaces (and flagged). Valid lines are parsed once.
first_parse as (
    select
        source_file,
        line_number,
        raw_line,
        reject_reason,
        {{ json_parse_object('raw_line', contract_fields) }} as first_parsed_fields
    from lines
),

parsed as (
    select
        source_file,
        line_number,
        raw_line,
        reject_reason,
        case
            when first_parsed_fields is null and {{ has_control_characters('raw_line') }}
                then {{ json_parse_object(strip_control_characters('raw_line'), contract_fields) }}
            else first_parsed_fields
        end as parsed_fields,
        first_parsed_fields is null as is_first_parse_failed
    from first_parse
),

extracted as (
    select
        parsed.source_file,
        parsed.line_number,
        parsed.raw_line,
        parsed.reject_reason,
        parsed.parsed_fields is not null as is_json,
        parsed.is_first_parse_failed and parsed.parsed_fields is not null as is_line_repaired,

        -- required fields: the JSON kind tells a wrong type from an absent value
        {{ json_value_kind('parsed.parsed_fields.posting_id') }} as posting_id_kind,
        {{ json_value_kind('parsed.parsed_fields.source') }} as source_kind,
        {{ json_value_kind('parsed.parsed_fields.scraped_at') }} as scraped_at_kind,
        {{ json_value_kind('parsed.parsed_fields.title') }} as title_kind,
        {{ json_scalar_text('parsed.parsed_fields.posting_id') }} as posting_id_text,
        {{ json_scalar_text('parsed.parsed_fields.source') }} as source_text,
        {{ json_scalar_text('parsed.parsed_fields.scraped_at') }} as scraped_at_text,
        {{ json_scalar_text('parsed.parsed_fields.title') }} as title_text,

        -- optional fields, as text
        parsed.parsed_fields.posted_at as posted_at_text,
        parsed.parsed_fields.status as status_text,
        parsed.parsed_fields.company as company_text,
        parsed.parsed_fields.location as location_text,
        parsed.parsed_fields.workplace_type as workplace_type_text,
        parsed.parsed_fields.employment_type as employment_type_text,
        parsed.parsed_fields.seniority as seniority_text,
        parsed.parsed_fields.salary as salary_text,
        parsed.parsed_fields.salary_currency as salary_currency_text,
        parsed.parsed_fields.salary_period as salary_period_text,
        parsed.parsed_fields.salary_min as salary_min_text,
        parsed.parsed_fields.salary_max as salary_max_text,
        parsed.parsed_fields.description as description_raw,
        parsed.parsed_fields.skills as skills_json,
        {{ json_value_kind('parsed.parsed_fields.skills') }} as skills_kind,

        -- which value a reader takes of a key named twice differs: flagged (one parse for the keys)
        case
            when not parsed.is_first_parse_failed then {{ json_top_level_keys('parsed.raw_line') }}
        end as top_level_keys,

        {{ content_hash('parsed.raw_line') }} as observation_hash
    from parsed
),

-- control characters are rare. The short fields (~150 bytes together) are tested at once with one
-- pattern. The description is tested only when substring searches on the raw line say it may hold
-- one: the pattern costs ~9 us on a 2 KB text. (The raw line cannot vouch for the short fields:
-- a \n escape counts there, and nearly every description has line breaks.)
short_text_checked as (
    select
        *,
        {{ has_control_characters(short_text_concat) }} as has_short_text_controls,
        {{ json_line_may_hold_control_characters('raw_line') }}
        and {{ has_control_characters('description_raw', keep_line_breaks=true) }} as has_description_controls
    from extracted
),

cleaned as (
    select
        source_file,
        line_number,
        raw_line,
        reject_reason,
        is_json,
        posting_id_kind,
        source_kind,
        scraped_at_kind,
        title_kind,
        skills_kind,
        skills_json,
        salary_min_text,
        salary_max_text,
        observation_hash,
        is_line_repaired,
        {{ list_has_duplicates('top_level_keys') }} as has_duplicate_keys,
        has_short_text_controls,
        has_description_controls,
        {{ clean_text_field('has_short_text_controls', 'posting_id_text') }} as posting_id_clean,
        {{ clean_text_field('has_short_text_controls', 'source_text') }} as source_clean,
        {{ clean_text_field('has_short_text_controls', 'scraped_at_text') }} as scraped_at_clean,
        {{ clean_text_field('has_short_text_controls', 'title_text') }} as title_clean,
        {{ clean_text_field('has_short_text_controls', 'posted_at_text') }} as posted_at_clean,
        {{ clean_text_field('has_short_text_controls', 'status_text') }} as status_clean,
        {{ clean_text_field('has_short_text_controls', 'company_text') }} as company_clean,
        {{ clean_text_field('has_short_text_controls', 'location_text') }} as location_clean,
        {{ clean_text_field('has_short_text_controls', 'workplace_type_text') }} as workplace_type_clean,
        {{ clean_text_field('has_short_text_controls', 'employment_type_text') }} as employment_type_clean,
        {{ clean_text_field('has_short_text_controls', 'seniority_text') }} as seniority_clean,
        {{ clean_text_field('has_short_text_controls', 'salary_text') }} as salary_clean,
        {{ clean_text_field('has_short_text_controls', 'salary_currency_text') }} as salary_currency_clean,
        {{ clean_text_field('has_short_text_controls', 'salary_period_text') }} as salary_period_clean,
        case
            when has_description_controls
                then {{ strip_control_characters('description_raw', keep_line_breaks=true) }}
            else description_raw
        end as description_clean
    from short_text_checked
),

-- contact details are rare: the stored short fields (~200 bytes together) are tested at once, and
-- only a line that holds one has them redacted field by field (in typed and final)
plain as (
    select
        *,
        {{ has_contact_details(stored_short_text_concat) }} as has_short_text_contacts,
        {{ html_to_text('description_clean') }} as description_plain
    from cleaned
),

typed as (
    select
        *,
        {{ to_utc_timestamp('scraped_at_clean') }} as scraped_at_parsed,
        cast({{ to_utc_timestamp('posted_at_clean') }} as date) as posted_at_date,
        {{ finite_or_null(try_cast('salary_min_text', 'double')) }} as structured_salary_min,
        {{ finite_or_null(try_cast('salary_max_text', 'double')) }} as structured_salary_max,
        {{ salary_period_from_field('salary_period_clean') }} as structured_salary_period,
        upper(salary_currency_clean) as structured_salary_currency,
        {{ json_to_string_list(redact_contact_details_where(contacts, 'cast(skills_json as string)')) }} as skill_tags,
        {{ redact_contact_details('description_plain') }} as description_text
    from plain
),

-- A line is judged with its file's version: a scrape cannot postdate (by more than a day, for
-- clocks and time zones) the file that holds it. Judging against the file, not the build's
-- clock, gives a line the same verdict in an incremental build and in any later full refresh.
versioned as (
    select
        typed.*,
        -- a time the engine holds but cannot compute with (year 294247) is out of range
        case
            when typed.scraped_at_parsed < cast('9999-12-31 00:00:00' as timestamp) then typed.scraped_at_parsed
        end as scraped_at,
        posting_files.file_size_bytes,
        posting_files.file_modified_at
    from typed
    inner join posting_files
        on typed.source_file = posting_files.source_file
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

        -- timestamps (UTC); posted dates from the future or before 2000 are dropped (flagged)
        scraped_at,
        case
            when posted_at_date < cast('2000-01-01' as date) then null
            when posted_at_date > cast({{ dbt.dateadd('day', 1, 'scraped_at') }} as date) then null
            else posted_at_date
        end as posted_date,

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
        {{ issue_codes([
            ("posted_at_clean is not null and posted_at_date is null", 'posted_at_unreadable'),
            ("posted_at_date > cast(" ~ dbt.dateadd('day', 1, 'scraped_at') ~ " as date)", 'posted_at_in_future'),
            ("posted_at_date < cast('2000-01-01' as date)", 'posted_at_before_2000'),
            ("salary_min_text is not null and trim(salary_min_text) <> '' and structured_salary_min is null", 'salary_min_not_numeric'),
            ("salary_max_text is not null and trim(salary_max_text) <> '' and structured_salary_max is null", 'salary_max_not_numeric'),
            ("salary_currency_clean is not null and not " ~ regex_matches('structured_salary_currency', "'^[A-Z]{3}$'"), 'salary_currency_malformed'),
            ("salary_period_clean is not null and structured_salary_period is null", 'salary_period_unknown'),
            ("skills_kind = 'string'", 'skills_not_a_list'),
            ("skills_kind in ('object', 'number', 'boolean')", 'skills_unreadable'),
            ("is_line_repaired or has_short_text_controls or has_description_controls", 'control_characters_removed'),
            ("description_text <> description_plain or has_short_text_contacts", 'contact_details_redacted'),
            ("salary_clean is not null and " ~ salary_text_has_signed_amount('salary_clean'), 'salary_text_signed_amount'),
            ("has_duplicate_keys", 'duplicate_json_keys'),
        ]) }} as data_issues
    from judged
)

select * from final

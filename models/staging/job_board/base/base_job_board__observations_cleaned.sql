-- One row per line of base_job_board__observations_parsed, its fields cleaned and typed: control
-- characters out of every text field, short fields trimmed (empty means null), the description as
-- plain text with e-mail addresses and phone numbers redacted (skill tags too), times in UTC (a
-- posted date from the future or before 2000 dropped), pay bounds as numbers, the pay period
-- named canonically, skill tags as a list; and data_issues, the problems found on the way (doc
-- block job_board_data_issues). Whether the short fields hold contact details is flagged here;
-- base_job_board__observations redacts them as it stores them. A view: computed when
-- base_job_board__observations is built.
{{ config(materialized='view') }}

{%- set short_text_fields = [
    'status', 'company', 'location', 'workplace_type', 'employment_type', 'seniority', 'salary',
    'salary_currency', 'salary_period',
] %}
{%- set short_text_concat = "concat_ws('|', posting_id_text, source_text, scraped_at_text, title_text, posted_at_text, "
    ~ (short_text_fields | join('_text, ')) ~ "_text)" %}
{#- the stored short fields and the skill tags, tested at once for contact details -#}
{%- set stored_short_text_concat = "concat_ws('|', posting_id_clean, source_clean, title_clean, "
    ~ (short_text_fields | reject('equalto', 'salary_period') | join('_clean, ')) ~ "_clean, cast(skills_json as string))" %}

with

parsed as (
    select * from {{ ref('base_job_board__observations_parsed') }}
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
    from parsed
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
        has_duplicate_keys,
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
-- only a line that holds one has them redacted field by field (the skill tags in typed, the short
-- fields in base_job_board__observations)
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
        {{ json_to_string_list(
            redact_contact_details_where('has_short_text_contacts', 'cast(skills_json as string)')
        ) }} as skill_tags,
        {{ redact_contact_details('description_plain') }} as description_text
    from plain
),

-- a time the engine holds but cannot compute with (year 294247) is out of range
in_range as (
    select
        *,
        case
            when scraped_at_parsed < cast('9999-12-31 00:00:00' as timestamp) then scraped_at_parsed
        end as scraped_at
    from typed
),

final as (
    select
        *,
        -- posted dates from the future or before 2000 are dropped (flagged)
        case
            when posted_at_date < cast('2000-01-01' as date) then null
            when posted_at_date > cast({{ dbt.dateadd('day', 1, 'scraped_at') }} as date) then null
            else posted_at_date
        end as posted_date,

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
    from in_range
)

select * from final

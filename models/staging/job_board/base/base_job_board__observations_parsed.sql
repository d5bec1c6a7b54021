-- One row per line of base_job_board__observation_lines: the line parsed as JSON into the fields
-- of the raw landing contract (doc block job_board_postings), each as text, nothing cleaned yet.
-- For the required fields and the skills, the kind of the JSON value, which tells a wrong type
-- from an absent value; whether the line had to be repaired to parse, and whether it names a key
-- twice; a hash of the raw line. A view: computed when base_job_board__observations is built.
{{ config(materialized='view') }}

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

with

lines as (
    select * from {{ ref('base_job_board__observation_lines') }}
),

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
        first_parsed_fields is null as is_first_parse_failed,
        -- which value a reader takes of a key named twice differs: flagged (one parse for the keys)
        case
            when first_parsed_fields is not null then {{ json_top_level_keys('raw_line') }}
        end as top_level_keys
    from first_parse
),

final as (
    select
        parsed.source_file,
        parsed.line_number,
        parsed.raw_line,
        parsed.reject_reason,
        parsed.parsed_fields is not null as is_json,
        parsed.is_first_parse_failed and parsed.parsed_fields is not null as is_line_repaired,
        {{ list_has_duplicates('parsed.top_level_keys') }} as has_duplicate_keys,
        {{ content_hash('parsed.raw_line') }} as observation_hash,

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
        {{ json_value_kind('parsed.parsed_fields.skills') }} as skills_kind
    from parsed
)

select * from final

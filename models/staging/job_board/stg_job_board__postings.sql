{{ config(enabled=('job_board' in var('posting_sources'))) }}

with

raw_postings as (
    select * from {{ source('job_board', 'postings') }}
),

renamed as (
    select
        -- ids
        nullif(trim(posting_id), '') as posting_id,
        nullif(lower(trim(source)), '') as source,

        -- timestamps (UTC)
        {{ to_utc_timestamp('scraped_at') }} as scraped_at,
        cast({{ to_utc_timestamp('posted_at') }} as date) as posted_date,

        -- status: missing means active; anything else is kept, lowercased
        coalesce(nullif(lower(trim(status)), ''), 'active') as posting_status,

        -- descriptive text
        nullif(trim(title), '') as title,
        nullif(trim(company), '') as company_name,
        nullif(trim(location), '') as location_text,
        nullif(trim(workplace_type), '') as workplace_type_text,
        nullif(trim(employment_type), '') as employment_type_text,
        nullif(trim(seniority), '') as board_seniority_text,
        {{ html_to_text('description') }} as description_text,
        {{ json_to_string_list('skills') }} as skill_tags,

        -- salary as published
        nullif(trim(salary), '') as salary_text,
        {{ try_cast('salary_min', 'double') }} as structured_salary_min,
        {{ try_cast('salary_max', 'double') }} as structured_salary_max,
        upper(nullif(trim(salary_currency), '')) as structured_salary_currency,
        {{ salary_period_from_field('salary_period') }} as structured_salary_period,

        -- lineage
        filename as source_file,
        md5(
            coalesce(posting_id, '') || '|' || coalesce(source, '') || '|' || coalesce(scraped_at, '')
            || '|' || coalesce(status, '') || '|' || coalesce(title, '') || '|' || coalesce(salary, '')
            || '|' || coalesce(location, '') || '|' || coalesce(description, '')
        ) as observation_hash
    from raw_postings
),

salary_parsed as (
    select
        *,
        {{ salary_text_amount('salary_text', 'min') }} as text_salary_min,
        {{ salary_text_amount('salary_text', 'max') }} as text_salary_max,
        {{ salary_text_currency('salary_text') }} as text_salary_currency,
        {{ salary_period_from_text('salary_text') }} as text_salary_period
    from renamed
),

salary_resolved as (
    select
        *,
        case
            when structured_salary_min is not null or structured_salary_max is not null then 'structured'
            when text_salary_min is not null then 'text'
        end as salary_source
    from salary_parsed
),

observations as (
    select
        posting_id,
        source,
        source || ':' || posting_id as posting_key,
        scraped_at,
        posted_date,
        posting_status,
        title,
        company_name,
        location_text,
        workplace_type_text,
        employment_type_text,
        board_seniority_text,
        description_text,
        skill_tags,
        salary_text,
        salary_source,
        case salary_source
            when 'structured' then coalesce(structured_salary_min, structured_salary_max)
            when 'text' then text_salary_min
        end as salary_min_amount,
        case salary_source
            when 'structured' then coalesce(structured_salary_max, structured_salary_min)
            when 'text' then text_salary_max
        end as salary_max_amount,
        case salary_source
            when 'structured' then coalesce(structured_salary_currency, text_salary_currency)
            when 'text' then coalesce(text_salary_currency, structured_salary_currency)
        end as salary_currency_code,
        case salary_source
            when 'structured' then coalesce(structured_salary_period, text_salary_period)
            when 'text' then coalesce(text_salary_period, structured_salary_period, 'year')
        end as salary_period,
        coalesce(
            salary_source = 'text'
            and text_salary_period is null
            and structured_salary_period is null,
            false
        ) as is_salary_period_assumed,
        source_file,
        observation_hash
    from salary_resolved
    -- Rows without the contract's required fields cannot be keyed or ordered; the source's
    -- not_null tests report them (warn) until the quarantine model takes them over.
    where
        posting_id is not null
        and source is not null
        and scraped_at is not null
        and title is not null
),

latest_observation as (
    select
        *,
        row_number() over (
            partition by source, posting_id
            order by scraped_at desc, source_file desc, observation_hash desc
        ) as observation_recency_rank,
        count(*) over (partition by source, posting_id) as observation_count
    from observations
)

select
    posting_key,
    posting_id,
    source,
    scraped_at,
    posted_date,
    posting_status,
    posting_status = 'active' as is_active,
    title,
    company_name,
    location_text,
    workplace_type_text,
    employment_type_text,
    board_seniority_text,
    description_text,
    skill_tags,
    salary_text,
    salary_source,
    salary_min_amount,
    salary_max_amount,
    salary_currency_code,
    salary_period,
    is_salary_period_assumed,
    observation_count,
    source_file
from latest_observation
where observation_recency_rank = 1

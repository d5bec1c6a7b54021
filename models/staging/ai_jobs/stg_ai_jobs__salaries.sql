-- One row per survey record, in the posting shape the intermediate models read.
with

survey as (
    select * from {{ source('ai_jobs', 'salaries') }}
),

numbered as (
    select
        *,
        md5(
            concat_ws(
                '|', work_year, experience_level, employment_type, job_title, salary,
                salary_currency, salary_in_usd, employee_residence, remote_ratio,
                company_location, company_size
            )
        ) as record_hash
    from survey
),

identified as (
    -- identical records are different respondents: number them within their hash
    select
        *,
        row_number() over (partition by record_hash order by record_hash) as record_occurrence
    from numbered
),

final as (
    select
        {{ posting_key("'ai_jobs_survey'", "record_hash || '-' || cast(record_occurrence as string)") }}
            as posting_key,
        record_hash || '-' || cast(record_occurrence as string) as posting_id,
        'ai_jobs_survey' as source,
        cast({{ dbt.string_literal(var('ai_jobs_snapshot_date')) }} as timestamp) as scraped_at,
        {{ dbt.cast(dbt.concat(["cast(work_year as string)", "'-01-01'"]), api.Column.translate_type('date')) }}
            as posted_date,
        'active' as posting_status,
        true as is_active,
        trim(job_title) as title,
        cast(null as string) as company_name,
        upper(trim(company_location)) as location_text,
        case remote_ratio
            when 100 then 'Remote'
            when 50 then 'Hybrid'
            when 0 then 'On-site'
        end as workplace_type_text,
        case employment_type
            when 'FT' then 'Full-time'
            when 'PT' then 'Part-time'
            when 'CT' then 'Contract'
            when 'FL' then 'Freelance'
        end as employment_type_text,
        cast(null as string) as board_seniority_text,
        cast(null as {{ type_string_list() }}) as skill_tags,
        cast(null as string) as salary_text,
        'structured' as salary_source,
        salary_in_usd as salary_min_amount,
        salary_in_usd as salary_max_amount,
        'USD' as salary_currency_code,
        'year' as salary_period,
        false as is_salary_period_assumed,
        1 as observation_count,
        'ai_jobs_survey' as source_file,
        case experience_level
            when 'EN' then 'entry'
            when 'MI' then 'mid'
            when 'SE' then 'senior'
            when 'EX' then 'executive'
        end as seniority_level_given,
        upper(trim(company_location)) as country_code_given
    from identified
)

select * from final

-- Grain: one row per posting (its latest observation), classified or not: what a semantic layer or
-- a BI tool slices by role, seniority, country and date. The role marts aggregate the same rows.
with

classified_postings as (
    select * from {{ ref('int_postings_classified') }}
),

final as (
    select
        -- grain
        cast(posting_key as string) as posting_key,
        cast(source as string) as source,
        cast(posting_id as string) as posting_id,

        -- status and dates
        cast(posting_status as string) as posting_status,
        cast(is_active as boolean) as is_active,
        cast(posted_date as date) as posted_date,

        -- role and seniority
        cast(role as string) as role,
        cast(is_role_classified as boolean) as is_role_classified,
        cast(seniority_level as string) as seniority_level,
        cast(is_entry_level as boolean) as is_entry_level,
        cast(is_senior_plus_staff as boolean) as is_senior_plus_staff,

        -- geography and employer
        cast(country_code as string) as country_code,
        cast(is_us as boolean) as is_us,
        cast(company_name as string) as company_name,

        -- salary (annual base pay in USD; null when not usable)
        cast(salary_usd_annual as double) as salary_usd_annual,
        cast(has_usable_salary as boolean) as has_usable_salary
    from classified_postings
)

select * from final

-- Grain: one row per role and employer (company name as published, trimmed) with at least one of
-- the role's active postings. Postings without a company name are left out of this mart only.
with

postings as (
    select * from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified and company_name is not null
),

role_postings as (
    select
        role,
        count(*) as active_postings
    from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified
    group by role
),

employer_counts as (
    select
        role,
        company_name,
        count(*) as postings,
        sum(case when is_us then 1 else 0 end) as us_postings
    from postings
    group by role, company_name
),

final as (
    select
        cast(employer_counts.role as string) as role,
        cast(employer_counts.company_name as string) as company_name,
        cast(employer_counts.postings as bigint) as postings,
        cast(employer_counts.postings * 1e0 / role_postings.active_postings as double) as share,
        cast(employer_counts.us_postings as bigint) as us_postings,
        cast(
            row_number() over (
                partition by employer_counts.role
                order by employer_counts.postings desc, employer_counts.company_name asc
            ) as integer
        ) as employer_rank
    from employer_counts
    inner join role_postings
        on employer_counts.role = role_postings.role
)

select * from final

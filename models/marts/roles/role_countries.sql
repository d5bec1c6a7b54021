-- Grain: one row per role and country with at least one of the role's active postings
-- (postings whose location names no country are counted in role_metrics.unknown_country_postings).
with

postings as (
    select * from {{ ref('int_postings_classified') }}
    where is_active and is_role_classified
),

countries as (
    select * from {{ ref('countries') }}
),

role_postings as (
    select
        role,
        count(*) as active_postings
    from postings
    group by role
),

country_counts as (
    select
        role,
        country_code,
        count(*) as postings,
        sum(case when has_usable_salary then 1 else 0 end) as salaried_postings
    from postings
    where country_code is not null
    group by role, country_code
),

final as (
    select
        cast(country_counts.role as string) as role,
        cast(country_counts.country_code as string) as country_code,
        cast(countries.country_name as string) as country_name,
        cast(country_counts.postings as bigint) as postings,
        cast(country_counts.postings * 1e0 / role_postings.active_postings as double) as share,
        cast(country_counts.salaried_postings as bigint) as salaried_postings,
        cast(
            row_number() over (
                partition by country_counts.role
                order by country_counts.postings desc, country_counts.country_code asc
            ) as integer
        ) as country_rank
    from country_counts
    inner join role_postings
        on country_counts.role = role_postings.role
    inner join countries
        on country_counts.country_code = countries.country_code
)

select * from final

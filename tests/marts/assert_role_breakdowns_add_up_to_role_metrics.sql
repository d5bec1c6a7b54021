-- The per-role breakdowns add up to role_metrics: country postings plus postings of unknown
-- country equal active_postings (US and India rows equal us_postings and india_postings), there is
-- one employer row per distinct employer, and the monthly series sums to the role's dated
-- postings with shares summing to 1.
with

role_metrics as (
    select * from {{ ref('role_metrics') }}
),

role_countries as (
    select * from {{ ref('role_countries') }}
),

role_employers as (
    select * from {{ ref('role_employers') }}
),

role_monthly_postings as (
    select * from {{ ref('role_monthly_postings') }}
),

classified_postings as (
    select * from {{ ref('int_postings_classified') }}
),

countries as (
    select
        role,
        sum(postings) as located_postings,
        sum(case when country_code = 'US' then postings else 0 end) as us_postings,
        sum(case when country_code = 'IN' then postings else 0 end) as india_postings
    from role_countries
    group by role
),

employers as (
    select
        role,
        count(*) as employer_rows
    from role_employers
    group by role
),

monthly as (
    select
        role,
        sum(new_postings) as dated_postings,
        sum(share_of_role_postings) as share_total
    from role_monthly_postings
    group by role
),

dated_postings as (
    select
        role,
        count(*) as dated_postings
    from classified_postings
    where is_role_classified and posted_date is not null
    group by role
),

role_checks as (
    select
        role_metrics.role,
        case
            when
                coalesce(countries.located_postings, 0) + role_metrics.unknown_country_postings
                <> role_metrics.active_postings
                then 'role_countries postings + unknown_country_postings <> active_postings'
            when
                coalesce(countries.us_postings, 0) <> role_metrics.us_postings
                then 'role_countries US postings <> us_postings'
            when
                coalesce(countries.india_postings, 0) <> role_metrics.india_postings
                then 'role_countries IN postings <> india_postings'
            when
                coalesce(employers.employer_rows, 0) <> role_metrics.distinct_employers
                then 'role_employers rows <> distinct_employers'
        end as reason
    from role_metrics
    left join countries
        on role_metrics.role = countries.role
    left join employers
        on role_metrics.role = employers.role
),

monthly_checks as (
    select
        coalesce(monthly.role, dated_postings.role) as role,
        case
            when monthly.role is null then 'role with dated postings missing from role_monthly_postings'
            when dated_postings.role is null then 'role_monthly_postings role without dated postings'
            when
                monthly.dated_postings <> dated_postings.dated_postings
                then 'monthly new_postings do not sum to the role''s dated postings'
            when abs(monthly.share_total - 1) > 1e-9 then 'monthly shares do not sum to 1'
        end as reason
    from monthly
    full outer join dated_postings
        on monthly.role = dated_postings.role
)

select
    role,
    reason
from role_checks
where reason is not null
union all
select
    role,
    reason
from monthly_checks
where reason is not null

-- role_metrics.active_postings is the count of the role's active classified postings in
-- int_postings_classified, and over all roles plus the unclassified active postings it adds up
-- to the active postings of the staged sources (int_postings_unioned: one row per source +
-- posting_id, latest observation).
with

role_metrics as (
    select
        role,
        active_postings
    from {{ ref('role_metrics') }}
),

classified_postings as (
    select
        role,
        is_active,
        is_role_classified
    from {{ ref('int_postings_classified') }}
),

staged_postings as (
    select is_active from {{ ref('int_postings_unioned') }}
),

classified_counts as (
    select
        role,
        count(*) as active_postings
    from classified_postings
    where is_active and is_role_classified
    group by role
),

per_role as (
    select
        coalesce(role_metrics.role, classified_counts.role) as role,
        coalesce(role_metrics.active_postings, 0) as mart_value,
        coalesce(classified_counts.active_postings, 0) as expected_value,
        role_metrics.role is not null as is_in_mart
    from role_metrics
    full outer join classified_counts
        on role_metrics.role = classified_counts.role
),

per_role_failures as (
    select
        role,
        mart_value,
        expected_value,
        case
            when not is_in_mart then 'role with active postings missing from role_metrics'
            else 'role_metrics.active_postings differs from the active classified postings of the role'
        end as reason
    from per_role
    where not is_in_mart or mart_value <> expected_value
),

totals as (
    select
        (select coalesce(sum(active_postings), 0) from role_metrics) as role_active_postings,
        (
            select count(*) from classified_postings
            where is_active and not is_role_classified
        ) as unclassified_active_postings,
        (
            select count(*) from staged_postings
            where is_active
        ) as staged_active_postings
),

total_failures as (
    select
        cast(null as string) as role,
        role_active_postings + unclassified_active_postings as mart_value,
        staged_active_postings as expected_value,
        'roles + unclassified active postings differ from active staged postings' as reason
    from totals
    where role_active_postings + unclassified_active_postings <> staged_active_postings
)

select
    role,
    mart_value,
    expected_value,
    reason
from per_role_failures
union all
select
    role,
    mart_value,
    expected_value,
    reason
from total_failures

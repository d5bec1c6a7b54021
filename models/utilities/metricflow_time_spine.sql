-- Grain: one row per calendar day from 2000-01-01 (the earliest posted date the warehouse keeps)
-- to the end of 2035: the time spine MetricFlow joins metrics to for time grouping.
with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('2000-01-01' as date)",
        "cast('2036-01-01' as date)",
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final

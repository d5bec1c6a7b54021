-- Grain: one row per role and calendar week (Monday first) from the first to the last scrape:
-- the role's postings open as of the week's end (or the last scrape, for the last week), the open
-- spells that began and ended during the week, and the open postings' median US base salary.
-- Built from the posting versions (see the doc block open_as_of): a posting is open from its first
-- active version until a closed version is seen, or until its last sighting plus
-- var('open_posting_grace_days') when it is seen no more.
with

versions as (
    select * from {{ ref('int_posting_versions_derived') }}
),

time_spine as (
    select * from {{ ref('metricflow_time_spine') }}
),

-- each active version's open interval [open_from, open_until), and whether it starts or ends a
-- spell (a run of consecutive active versions of one role: a posting whose role changes while
-- open closes a spell of the old role and opens one of the new, so each role's counts nest)
version_neighbours as (
    select
        *,
        lag(is_active) over (partition by posting_key order by version_number) as previous_is_active,
        lead(is_active) over (partition by posting_key order by version_number) as next_is_active,
        lag(role) over (partition by posting_key order by version_number) as previous_role,
        lead(role) over (partition by posting_key order by version_number) as next_role
    from versions
),

open_intervals as (
    select
        posting_key,
        version_number,
        role,
        country_code,
        salary_usd_annual,
        valid_from as open_from,
        coalesce(
            valid_to, {{ add_days_to_timestamp('last_observed_at', var('open_posting_grace_days')) }}
        ) as open_until,
        not coalesce(previous_is_active and previous_role is not distinct from role, false) as is_spell_start,
        not coalesce(next_is_active and next_role is not distinct from role, false) as is_spell_end
    from version_neighbours
    where is_active
),

spelled as (
    select
        *,
        max(case when is_spell_start then open_from end) over (
            partition by posting_key order by version_number rows between unbounded preceding and current row
        ) as spell_started_at
    from open_intervals
),

bounds as (
    select
        min(valid_from) as first_scraped_at,
        max(last_observed_at) as last_scraped_at
    from versions
),

-- every week from the first scrape to the last, as of its end (the last one: as of the last scrape).
-- A week holds what happened after its start up to its end, so a first scrape at exactly Monday
-- 00:00 belongs to the week before: the spine starts a day before the first scrape.
weeks as (
    select distinct
        cast({{ dbt.date_trunc('week', 'time_spine.date_day') }} as date) as week_start,
        bounds.last_scraped_at
    from time_spine
    cross join bounds
    where
        time_spine.date_day
        between cast({{ dbt.dateadd('day', -1, 'bounds.first_scraped_at') }} as date)
        and cast(bounds.last_scraped_at as date)
),

as_of_points as (
    select
        week_start,
        cast(week_start as timestamp) as week_started_at,
        least({{ add_days_to_timestamp('cast(week_start as timestamp)', 7) }}, last_scraped_at) as as_of_at
    from weeks
),

week_intervals as (
    select
        as_of_points.week_start,
        as_of_points.as_of_at,
        spelled.role,
        spelled.posting_key,
        spelled.country_code,
        spelled.salary_usd_annual,
        spelled.open_from <= as_of_points.as_of_at and as_of_points.as_of_at < spelled.open_until as is_open,
        spelled.spell_started_at <= as_of_points.week_started_at as is_carried_over,
        spelled.is_spell_start
        and spelled.open_from > as_of_points.week_started_at
        and spelled.open_from <= as_of_points.as_of_at as is_opened,
        spelled.is_spell_end
        and spelled.open_until > as_of_points.week_started_at
        and spelled.open_until <= as_of_points.as_of_at as is_closed
    from spelled
    inner join as_of_points
        on
            spelled.open_from <= as_of_points.as_of_at
            and spelled.open_until > as_of_points.week_started_at
    where spelled.role is not null
),

weekly as (
    select
        role,
        week_start,
        max(as_of_at) as as_of_at,
        sum(case when is_open then 1 else 0 end) as open_postings,
        sum(case when is_opened then 1 else 0 end) as new_postings,
        sum(case when is_closed then 1 else 0 end) as closed_postings,
        sum(case when is_open and is_carried_over then 1 else 0 end) as still_open_postings
    from week_intervals
    group by role, week_start
),

open_us_salaried as (
    select
        role,
        week_start,
        salary_usd_annual
    from week_intervals
    where is_open and country_code = 'US' and salary_usd_annual is not null
),

salary_stats as (
    {{ median_with_ci('open_us_salaried', ['role', 'week_start'], 'salary_usd_annual') }}
),

final as (
    select
        cast(weekly.role as string) as role,
        cast(weekly.week_start as date) as week_start,
        cast(weekly.as_of_at as timestamp) as as_of_at,
        cast(weekly.open_postings as bigint) as open_postings,
        cast(weekly.new_postings as bigint) as new_postings,
        cast(weekly.closed_postings as bigint) as closed_postings,
        cast(weekly.still_open_postings as bigint) as still_open_postings,
        cast(coalesce(salary_stats.n, 0) as bigint) as us_salaried_open_postings,
        cast(salary_stats.median_value as double) as median_us_base_salary_usd,
        cast(salary_stats.ci_low_value as double) as median_us_base_salary_ci_low_usd,
        cast(salary_stats.ci_high_value as double) as median_us_base_salary_ci_high_usd
    from weekly
    left join salary_stats
        on
            weekly.role = salary_stats.role
            and weekly.week_start = salary_stats.week_start
)

select * from final

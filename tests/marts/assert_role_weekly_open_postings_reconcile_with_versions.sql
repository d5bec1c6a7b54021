-- role_weekly_open_postings agrees with the version table: counted straight from
-- int_posting_versions_derived, the postings whose active version is open at each week's as_of_at
-- (valid_from <= as_of_at < valid_to, or last_observed_at plus the grace period for a current
-- version), and the spells that began (an active version after none, an inactive one or one of
-- another role) and ended during the week, equal the mart's counts. Returns every (role, week) that differs.
with

weeks as (
    select
        role,
        week_start,
        as_of_at,
        cast(week_start as timestamp) as week_started_at,
        open_postings,
        new_postings,
        closed_postings
    from {{ ref('role_weekly_open_postings') }}
),

versions as (
    select
        posting_key,
        role,
        is_active,
        valid_from,
        coalesce(
            valid_to, {{ add_days_to_timestamp('last_observed_at', var('open_posting_grace_days')) }}
        ) as open_until,
        lag(is_active) over (partition by posting_key order by version_number) as previous_is_active,
        lead(is_active) over (partition by posting_key order by version_number) as next_is_active,
        lag(role) over (partition by posting_key order by version_number) as previous_role,
        lead(role) over (partition by posting_key order by version_number) as next_role
    from {{ ref('int_posting_versions_derived') }}
),

open_at_snapshot as (
    select
        weeks.role,
        weeks.week_start,
        count(distinct versions.posting_key) as open_postings
    from weeks
    inner join versions
        on
            weeks.role = versions.role
            and versions.is_active
            and weeks.as_of_at >= versions.valid_from
            and weeks.as_of_at < versions.open_until
    group by weeks.role, weeks.week_start
),

spell_events as (
    select
        weeks.role,
        weeks.week_start,
        sum(
            case
                when
                    not coalesce(versions.previous_is_active and versions.previous_role = versions.role, false)
                    and versions.valid_from > weeks.week_started_at and versions.valid_from <= weeks.as_of_at
                    then 1
                else 0
            end
        ) as new_postings,
        sum(
            case
                when
                    not coalesce(versions.next_is_active and versions.next_role = versions.role, false)
                    and versions.open_until > weeks.week_started_at and versions.open_until <= weeks.as_of_at
                    then 1
                else 0
            end
        ) as closed_postings
    from weeks
    inner join versions
        on weeks.role = versions.role and versions.is_active
    group by weeks.role, weeks.week_start
)

select
    weeks.role,
    weeks.week_start,
    weeks.open_postings,
    coalesce(open_at_snapshot.open_postings, 0) as open_postings_from_versions,
    weeks.new_postings,
    coalesce(spell_events.new_postings, 0) as new_postings_from_versions,
    weeks.closed_postings,
    coalesce(spell_events.closed_postings, 0) as closed_postings_from_versions
from weeks
left join open_at_snapshot
    on weeks.role = open_at_snapshot.role and weeks.week_start = open_at_snapshot.week_start
left join spell_events
    on weeks.role = spell_events.role and weeks.week_start = spell_events.week_start
where
    weeks.open_postings <> coalesce(open_at_snapshot.open_postings, 0)
    or weeks.new_postings <> coalesce(spell_events.new_postings, 0)
    or weeks.closed_postings <> coalesce(spell_events.closed_postings, 0)

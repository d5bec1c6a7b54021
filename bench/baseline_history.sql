-- Hand-written baseline, part 2: the three trend marts (role_skill_monthly_demand,
-- role_skill_movers, role_weekly_open_postings) as plain DuckDB SQL, no dbt. Run in the same
-- connection right after bench/baseline.sql (bench/benchkit/commands.py run_baseline does): it
-- reads that script's tables (work.postings_classified, work.posting_skills), its temp seed tables
-- and macros, and its variable raw_glob.
--
-- It reproduces the default configuration of the dbt project: open_posting_grace_days = 7,
-- trend_period_months = 3, min_trend_postings = 100, top_skill_movers = 5, median_ci_z = 1.96
-- (search for "var:").
--
-- Written the way one would by hand, for the marts rather than node by node:
-- * The skill-demand marts read the postings and skills the first script classified.
-- * The weekly open postings need every observation, not only the latest, so the raw files are
--   read a second time, only their short fields (no description), and only what the mart reads
--   is derived per observation: whether the posting is active, its role (title), country
--   (location) and usable annual US-dollar base salary, each distinct title, location and salary
--   text classified once. The dbt project's posting versions also track the title, seniority,
--   location text, published pay and a fingerprint of the skill text; a change of one of those
--   alone splits a version into adjacent versions with the same status, role, country and salary,
--   which leaves every open interval, spell and weekly figure as it is. So one run of observations
--   with the same (active, role, country, salary) stands for the dbt versions it covers.
-- * Observations of a posting are ordered by scraped_at, then file, as the models do; the models
--   then order by line number, which read_json does not give, so two observations of one posting
--   with the same timestamp in the same file that disagree could be ordered differently here
--   (the same caveat as the latest observation in bench/baseline.sql; the generated data has none).

set TimeZone = 'UTC';
set preserve_insertion_order = false;

-- ================================================================================================
-- Skill demand over time: per role, posted month and skill the role ever asked for
-- ================================================================================================

create or replace table marts.role_skill_monthly_demand as
with
postings as (
    select posting_key, role, posted_month
    from work.postings_classified
    where is_role_classified and posted_month is not null
),
role_months as (
    select role, posted_month, count(*) as postings from postings group by role, posted_month
),
skill_months as (
    select p.role, p.posted_month, k.skill, count(*) as postings_with_skill
    from postings as p
    inner join work.posting_skills as k on p.posting_key = k.posting_key
    group by p.role, p.posted_month, k.skill
),
-- every month of the role times every skill it ever asked for: a month without the skill is a 0
monthly as (
    select
        m.role,
        m.posted_month,
        s.skill,
        m.postings,
        coalesce(c.postings_with_skill, 0) as postings_with_skill,
        coalesce(c.postings_with_skill, 0) * 1e0 / m.postings as share
    from role_months as m
    inner join (select distinct role, skill from skill_months) as s on m.role = s.role
    left join skill_months as c
        on m.role = c.role and m.posted_month = c.posted_month and s.skill = c.skill
)
select
    cast(m.role as varchar) as role,
    cast(m.posted_month as date) as posted_month,
    cast(m.skill as varchar) as skill,
    cast(m.postings_with_skill as bigint) as postings_with_skill,
    cast(m.postings as bigint) as postings,
    cast(m.share as double) as share,
    cast(p.postings as bigint) as previous_month_postings,
    cast(p.share as double) as previous_month_share,
    cast(m.share - p.share as double) as share_change_vs_previous_month,
    cast(y.postings as bigint) as year_before_postings,
    cast(y.share as double) as year_before_share,
    cast(m.share - y.share as double) as share_change_vs_year_before
from monthly as m
left join monthly as p
    on m.role = p.role and m.skill = p.skill and p.posted_month = m.posted_month - interval 1 month
left join monthly as y
    on m.role = y.role and m.skill = y.skill and y.posted_month = m.posted_month - interval 12 month;

-- the skills whose share moved most between the latest 3 posted months and the 3 before
-- (var: trend_period_months), for roles with at least 100 postings in each (var: min_trend_postings),
-- the top 5 each way (var: top_skill_movers)
create or replace table marts.role_skill_movers as
with
latest as (select max(posted_month) as latest_month from marts.role_skill_monthly_demand),
compared as (
    select
        d.role,
        d.skill,
        sum(d.postings) filter (
            where d.posted_month > l.latest_month - interval 6 month and d.posted_month <= l.latest_month - interval 3 month
        ) as prior_postings,
        sum(d.postings) filter (where d.posted_month > l.latest_month - interval 3 month) as recent_postings,
        sum(d.postings_with_skill) filter (
            where d.posted_month > l.latest_month - interval 6 month and d.posted_month <= l.latest_month - interval 3 month
        ) as prior_postings_with_skill,
        sum(d.postings_with_skill) filter (where d.posted_month > l.latest_month - interval 3 month)
            as recent_postings_with_skill
    from marts.role_skill_monthly_demand as d
    cross join latest as l
    group by d.role, d.skill
),
changes as (
    select
        *,
        prior_postings_with_skill * 1e0 / prior_postings as prior_share,
        recent_postings_with_skill * 1e0 / recent_postings as recent_share,
        recent_postings_with_skill * 1e0 / recent_postings - prior_postings_with_skill * 1e0 / prior_postings
            as share_change
    from compared
    where prior_postings >= 100 and recent_postings >= 100
),
ranked as (
    select
        *,
        case when share_change > 0 then 'rising' else 'falling' end as direction,
        row_number() over (
            partition by role, share_change > 0 order by abs(share_change) desc, skill
        ) as mover_rank
    from changes
    where share_change <> 0
)
select
    cast(r.role as varchar) as role,
    cast(r.direction as varchar) as direction,
    cast(r.mover_rank as integer) as mover_rank,
    cast(r.skill as varchar) as skill,
    cast(l.latest_month - interval 5 month as date) as prior_period_start,
    cast(l.latest_month - interval 2 month as date) as recent_period_start,
    cast(3 as integer) as period_months,
    cast(r.prior_postings as bigint) as prior_postings,
    cast(r.recent_postings as bigint) as recent_postings,
    cast(r.prior_postings_with_skill as bigint) as prior_postings_with_skill,
    cast(r.recent_postings_with_skill as bigint) as recent_postings_with_skill,
    cast(r.prior_share as double) as prior_share,
    cast(r.recent_share as double) as recent_share,
    cast(r.share_change as double) as share_change
from ranked as r
cross join latest as l
where r.mover_rank <= 5;

-- ================================================================================================
-- Every observation: active or not, role, country, salary (the rules of bench/baseline.sql)
-- ================================================================================================

create or replace temp table observations as
with
raw_observations as (
    select * from read_json(
        getvariable('raw_glob'),
        format = 'newline_delimited',
        filename = true,
        union_by_name = false,
        maximum_object_size = 67108864,
        columns = {
            'posting_id': 'VARCHAR', 'source': 'VARCHAR', 'scraped_at': 'VARCHAR', 'status': 'VARCHAR',
            'title': 'VARCHAR', 'location': 'VARCHAR', 'salary': 'VARCHAR', 'salary_min': 'VARCHAR',
            'salary_max': 'VARCHAR', 'salary_currency': 'VARCHAR', 'salary_period': 'VARCHAR'
        }
    )
),
-- the lines staging keeps (bench/baseline.sql, ranked)
usable as (
    select
        *,
        nullif(trim(posting_id), '') as id_key,
        nullif(lower(trim(source)), '') as source_key,
        timezone('UTC', try_cast(trim(scraped_at) as timestamptz)) as scraped_at_utc,
        -- only a field holding contact details changes when redacted, so testing the fields read
        -- here decides as the test over all short fields does
        has_contact_details(concat_ws('|', title, location, salary)) as has_contacts
    from raw_observations
)
select
    posting_key(source_key, id_key) as posting_key,
    scraped_at_utc as scraped_at,
    filename as source_file,
    coalesce(nullif(lower(trim(status)), ''), 'active') = 'active' as is_active,
    text_match_key(redact_contact_details_where(has_contacts, nullif(trim(title), ''))) as title_key,
    redact_contact_details_where(has_contacts, nullif(trim(location), '')) as location_text,
    redact_contact_details_where(has_contacts, nullif(trim(salary), '')) as salary_text,
    case when isfinite(try_cast(salary_min as double)) then try_cast(salary_min as double) end
        as structured_salary_min,
    case when isfinite(try_cast(salary_max as double)) then try_cast(salary_max as double) end
        as structured_salary_max,
    upper(nullif(trim(salary_currency), '')) as structured_salary_currency,
    case
        when nullif(trim(salary_period), '') is null then null
        else salary_period_from_text(salary_period)
    end as structured_salary_period
from usable
where
    id_key is not null
    and source_key is not null
    and scraped_at_utc is not null
    and scraped_at_utc >= timestamp '2000-01-01'
    and scraped_at_utc <= current_timestamp::timestamp + interval 1 day
    and nullif(trim(title), '') is not null;

-- titles, locations and salary texts the latest observations did not have, classified once each
create or replace temp table observation_title_roles as
with
new_title_keys as (
    select distinct title_key from observations
    except
    select title_key from title_roles
)
from title_roles
union all
from title_key_roles('new_title_keys');

create or replace temp table observation_location_countries as
with
new_location_texts as (
    select distinct location_text from observations where location_text is not null
    except
    select location_text from location_countries
)
from location_countries
union all
from location_text_countries('new_location_texts');

create or replace temp table observation_states as
with
salary_texts as (
    select distinct salary_text from observations where salary_text is not null
),
salary_text_parsed as (
    from salary_texts_parsed('salary_texts')
),
resolved as (
    select
        o.*,
        t.text_salary_min,
        t.text_salary_max,
        t.text_salary_currency,
        t.text_salary_period,
        resolved_salary_source(o.structured_salary_min, o.structured_salary_max, t.text_salary_min)
            as salary_source
    from observations as o
    left join salary_text_parsed as t on o.salary_text = t.salary_text
),
salaries as (
    select
        *,
        resolved_salary_min(salary_source, structured_salary_min, structured_salary_max, text_salary_min)
            as salary_min_amount,
        resolved_salary_max(salary_source, structured_salary_min, structured_salary_max, text_salary_max)
            as salary_max_amount,
        resolved_salary_currency(salary_source, structured_salary_currency, text_salary_currency)
            as salary_currency_code,
        resolved_salary_period(salary_source, structured_salary_period, text_salary_period) as salary_period
    from resolved
),
converted as (
    select
        s.*,
        currencies.currency_code is not null as is_known_currency,
        salary_periods.salary_period is not null as is_known_period,
        s.salary_min_amount * salary_periods.annualization_factor * currencies.usd_per_unit as salary_min_usd_annual,
        s.salary_max_amount * salary_periods.annualization_factor * currencies.usd_per_unit as salary_max_usd_annual
    from salaries as s
    left join currencies on s.salary_currency_code = currencies.currency_code
    left join salary_periods on s.salary_period = salary_periods.salary_period
)
select
    c.posting_key,
    c.scraped_at,
    c.source_file,
    c.is_active,
    r.role,
    l.country_code,
    case
        when salary_issue(
            c.salary_source, c.salary_currency_code, c.is_known_currency, c.salary_period, c.is_known_period,
            c.salary_min_amount, c.salary_max_amount, c.salary_min_usd_annual, c.salary_max_usd_annual
        ) is null
            then (c.salary_min_usd_annual + c.salary_max_usd_annual) / 2.0
    end as salary_usd_annual
from converted as c
left join observation_title_roles as r on c.title_key = r.title_key
left join observation_location_countries as l on c.location_text = l.location_text;

-- ================================================================================================
-- Open postings per role and week
-- ================================================================================================

-- a posting is open from its first active observation until one sees it closed, or until its
-- last sighting plus 7 days (var: open_posting_grace_days) when it is seen no more: each run of
-- observations in one state is one interval, [first seen, next run's first seen) or, for the last
-- run, [first seen, last seen + 7 days); an active run after a closed one starts a new spell
create or replace temp table open_intervals as
with
ordered as (
    select
        *,
        row_number() over w as observation_order,
        lag(is_active) over w as previous_is_active,
        lag(role) over w as previous_role,
        lag(country_code) over w as previous_country_code,
        lag(salary_usd_annual) over w as previous_salary_usd_annual
    from observation_states
    window w as (
        partition by posting_key
        order by scraped_at, source_file, is_active, role, country_code, salary_usd_annual
    )
),
numbered as (
    select
        *,
        sum(
            case
                when observation_order = 1
                    or is_active is distinct from previous_is_active
                    or role is distinct from previous_role
                    or country_code is distinct from previous_country_code
                    or salary_usd_annual is distinct from previous_salary_usd_annual
                    then 1
                else 0
            end
        ) over (partition by posting_key order by observation_order rows between unbounded preceding and current row)
            as run_number
    from ordered
),
runs as (
    select
        posting_key,
        run_number,
        is_active,
        role,
        country_code,
        salary_usd_annual,
        min(scraped_at) as first_seen_at,
        max(scraped_at) as last_seen_at
    from numbered
    group by all
),
neighbours as (
    select
        *,
        lead(first_seen_at) over (partition by posting_key order by run_number) as next_run_from,
        lag(is_active) over (partition by posting_key order by run_number) as previous_is_active,
        lead(is_active) over (partition by posting_key order by run_number) as next_is_active
    from runs
),
active_runs as (
    select
        posting_key,
        run_number,
        role,
        country_code,
        salary_usd_annual,
        first_seen_at as open_from,
        coalesce(next_run_from, last_seen_at + interval 7 day) as open_until,
        not coalesce(previous_is_active, false) as is_spell_start,
        not coalesce(next_is_active, false) as is_spell_end
    from neighbours
    where is_active
)
select
    *,
    max(case when is_spell_start then open_from end) over (
        partition by posting_key order by run_number rows between unbounded preceding and current row
    ) as spell_started_at
from active_runs;

-- per week (Monday first) from the first scrape to the last, as of the week's end (the last week:
-- as of the last scrape): open postings, spells begun and ended in the week, still open from
-- before it, and the open US postings' median base salary with its interval (var: median_ci_z)
create or replace table marts.role_weekly_open_postings as
with
bounds as (
    select min(scraped_at) as first_scraped_at, max(scraped_at) as last_scraped_at from observation_states
),
weeks as (
    select
        cast(w.week_start as date) as week_start,
        w.week_start as week_started_at,
        least(w.week_start + interval 7 day, b.last_scraped_at) as as_of_at
    from bounds as b
    cross join generate_series(
        date_trunc('week', b.first_scraped_at), date_trunc('week', b.last_scraped_at), interval 1 week
    ) as w (week_start)
),
week_intervals as (
    select
        w.week_start,
        w.as_of_at,
        i.role,
        i.country_code,
        i.salary_usd_annual,
        i.open_from <= w.as_of_at and w.as_of_at < i.open_until as is_open,
        i.spell_started_at <= w.week_started_at as is_carried_over,
        i.is_spell_start and i.open_from > w.week_started_at and i.open_from <= w.as_of_at as is_opened,
        i.is_spell_end and i.open_until > w.week_started_at and i.open_until <= w.as_of_at as is_closed
    from open_intervals as i
    inner join weeks as w on i.open_from <= w.as_of_at and i.open_until > w.week_started_at
    where i.role is not null
),
weekly as (
    select
        role,
        week_start,
        max(as_of_at) as as_of_at,
        count(*) filter (where is_open) as open_postings,
        count(*) filter (where is_opened) as new_postings,
        count(*) filter (where is_closed) as closed_postings,
        count(*) filter (where is_open and is_carried_over) as still_open_postings
    from week_intervals
    group by role, week_start
),
salary_stats as (
    select
        role,
        week_start,
        count(*) as n,
        median(salary_usd_annual) as median_value,
        list_sort(list(salary_usd_annual)) as sorted_values
    from week_intervals
    where is_open and country_code = 'US' and salary_usd_annual is not null
    group by role, week_start
)
select
    cast(w.role as varchar) as role,
    cast(w.week_start as date) as week_start,
    cast(w.as_of_at as timestamp) as as_of_at,
    cast(w.open_postings as bigint) as open_postings,
    cast(w.new_postings as bigint) as new_postings,
    cast(w.closed_postings as bigint) as closed_postings,
    cast(w.still_open_postings as bigint) as still_open_postings,
    cast(coalesce(s.n, 0) as bigint) as us_salaried_open_postings,
    cast(s.median_value as double) as median_us_base_salary_usd,
    cast(s.sorted_values[ci_low_rank(s.n)] as double) as median_us_base_salary_ci_low_usd,
    cast(s.sorted_values[ci_high_rank(s.n)] as double) as median_us_base_salary_ci_high_usd
from weekly as w
left join salary_stats as s on w.role = s.role and w.week_start = s.week_start;

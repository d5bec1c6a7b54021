-- Grain: one row per role, direction ('rising' or 'falling') and rank: the skills whose share of
-- the role's postings changed most between the two trend periods (the latest
-- var('trend_period_months') months of posted dates and as many before; see macros/trend_periods.sql),
-- at most var('top_skill_movers') each way. A role is listed only when both periods hold at least
-- var('min_trend_postings') of its postings. A report reads this table as it is.
with

demand as (
    select * from {{ ref('role_skill_monthly_demand') }}
),

latest as (
    select max(posted_month) as latest_month from demand
),

periods as (
    select
        demand.role,
        demand.skill,
        demand.postings,
        demand.postings_with_skill,
        {{ trend_period('demand.posted_month', 'latest.latest_month') }} as trend_period
    from demand
    cross join latest
),

compared as (
    select
        role,
        skill,
        sum(case when trend_period = 'prior' then postings else 0 end) as prior_postings,
        sum(case when trend_period = 'recent' then postings else 0 end) as recent_postings,
        sum(case when trend_period = 'prior' then postings_with_skill else 0 end) as prior_postings_with_skill,
        sum(case when trend_period = 'recent' then postings_with_skill else 0 end) as recent_postings_with_skill
    from periods
    where trend_period is not null
    group by role, skill
),

changes as (
    select
        *,
        prior_postings_with_skill * 1e0 / prior_postings as prior_share,
        recent_postings_with_skill * 1e0 / recent_postings as recent_share,
        recent_postings_with_skill * 1e0 / recent_postings
        - prior_postings_with_skill * 1e0 / prior_postings as share_change
    from compared
    where
        prior_postings >= {{ var('min_trend_postings') }}
        and recent_postings >= {{ var('min_trend_postings') }}
),

ranked as (
    select
        *,
        case when share_change > 0 then 'rising' else 'falling' end as direction,
        row_number() over (
            partition by role, case when share_change > 0 then 'rising' else 'falling' end
            order by abs(share_change) desc, skill
        ) as mover_rank
    from changes
    where share_change <> 0
),

final as (
    select
        cast(ranked.role as string) as role,
        cast(ranked.direction as string) as direction,
        cast(ranked.mover_rank as integer) as mover_rank,
        cast(ranked.skill as string) as skill,
        {{ trend_period_start('prior', 'latest.latest_month') }} as prior_period_start,
        {{ trend_period_start('recent', 'latest.latest_month') }} as recent_period_start,
        cast({{ var('trend_period_months') }} as integer) as period_months,
        cast(ranked.prior_postings as bigint) as prior_postings,
        cast(ranked.recent_postings as bigint) as recent_postings,
        cast(ranked.prior_postings_with_skill as bigint) as prior_postings_with_skill,
        cast(ranked.recent_postings_with_skill as bigint) as recent_postings_with_skill,
        cast(ranked.prior_share as double) as prior_share,
        cast(ranked.recent_share as double) as recent_share,
        cast(ranked.share_change as double) as share_change
    from ranked
    cross join latest
    where ranked.mover_rank <= {{ var('top_skill_movers') }}
)

select * from final

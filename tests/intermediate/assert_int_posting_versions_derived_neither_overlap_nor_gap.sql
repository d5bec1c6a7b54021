-- A posting's versions are numbered 1..n without a hole, each is valid until the next one starts
-- (valid_to = the next valid_from: no overlap, no gap), start times never go back, only the last
-- is current, the first starts at the posting's first observation, and together they account for
-- every observation of the posting. Returns one row per posting and problem.
with

versions as (
    select * from {{ ref('int_posting_versions_derived') }}
),

observations as (
    select
        posting_key,
        min(scraped_at) as first_scraped_at,
        count(*) as observations
    from {{ ref('int_posting_observations_unioned') }}
    group by posting_key
),

neighbours as (
    select
        posting_key,
        version_number,
        valid_from,
        valid_to,
        is_current,
        lead(valid_from) over (partition by posting_key order by version_number) as next_valid_from,
        lead(version_number) over (partition by posting_key order by version_number) as next_version_number
    from versions
),

version_problems as (
    select
        posting_key,
        'version ' || cast(version_number as string) || ' overlaps or leaves a gap before the next' as problem
    from neighbours
    where
        not coalesce(valid_to = next_valid_from, valid_to is null and next_valid_from is null)
        or next_version_number <> version_number + 1
        or next_valid_from < valid_from
        or is_current <> (next_version_number is null)
),

posting_problems as (
    select
        observations.posting_key,
        case
            when version_summary.posting_key is null then 'no versions'
            when version_summary.first_version <> 1 then 'numbering does not start at 1'
            when version_summary.versions <> version_summary.last_version
                then 'version numbers have a hole'
            when version_summary.first_valid_from <> observations.first_scraped_at
                then 'first version starts after the first observation'
            when version_summary.observations <> observations.observations
                then 'versions do not account for every observation'
        end as problem
    from observations
    left join (
        select
            posting_key,
            min(version_number) as first_version,
            max(version_number) as last_version,
            count(*) as versions,
            min(valid_from) as first_valid_from,
            sum(observation_count) as observations
        from versions
        group by posting_key
    ) as version_summary
        on observations.posting_key = version_summary.posting_key
)

select * from version_problems
union all
select * from posting_problems
where problem is not null

-- One row per distinct location text: the country it names, if any.
-- The text is cut into parts at , - ( ) / | ; and each part (digits and workplace words such as
-- "remote" or "greater ... area" removed) is looked up in the location terms seed. The last part
-- that matches decides ("London, ON" is Canada, "London, UK" the United Kingdom). When that part
-- is ambiguous ("IN": Indiana or India; "CA": California or Canada) a candidate country named by
-- another part wins ("Bangalore, IN" is India), else the lower term_priority (US states first).
with

-- every location ever observed (not only the latest), so the posting history can place its versions
observations as (
    select location_text from {{ ref('int_posting_observations_unioned') }}
),

location_terms as (
    select * from {{ ref('location_terms') }}
),

locations as (
    select distinct location_text
    from observations
    where location_text is not null
),

raw_parts as (
    select
        location_text,
        {{ unnest_with_position(
            regex_extract_all('lower(' ~ fold_accents('location_text') ~ ')', "'[^,()/|;–—-]+'"),
            'raw_part',
            'part_position'
        ) }}
    from locations
),

part_keys as (
    select
        location_text,
        part_position,
        trim({{ regex_replace_all(regex_replace_all('raw_part', "'[^a-z&]+'", "' '"), "' +'", "' '") }}) as part_key
    from raw_parts
),

part_keys_stripped as (
    select
        location_text,
        part_position,
        part_key
    from part_keys
    union
    select
        location_text,
        part_position,
        trim({{ regex_replace_all(
            regex_replace_all(
                "' ' || replace(part_key, ' ', '  ') || ' '",
                "' (remote|hybrid|on +site|onsite|in +office|anywhere|worldwide|global|wfh|work +from +home|only|based|greater|area|metro|metropolitan|region|hq|headquarters|office|first|in) '",
                "' '"
            ),
            "' +'", "' '") }}) as part_key
    from part_keys
),

candidates as (
    select
        part_keys_stripped.location_text,
        part_keys_stripped.part_position,
        location_terms.location_term,
        location_terms.country_code,
        location_terms.term_type,
        location_terms.term_priority
    from part_keys_stripped
    inner join location_terms
        on part_keys_stripped.part_key = location_terms.location_term
),

candidate_countries as (
    select distinct
        location_text,
        part_position,
        country_code
    from candidates
),

deciding_part as (
    select
        location_text,
        max(part_position) as part_position
    from candidates
    group by location_text
),

ranked as (
    select
        candidates.location_text,
        candidates.country_code,
        candidates.location_term,
        candidates.term_type,
        row_number() over (
            partition by candidates.location_text
            order by
                case when corroboration.country_code is not null then 0 else 1 end,
                candidates.term_priority,
                candidates.country_code
        ) as candidate_rank
    from candidates
    inner join deciding_part
        on
            candidates.location_text = deciding_part.location_text
            and candidates.part_position = deciding_part.part_position
    left join candidate_countries as corroboration
        on
            candidates.location_text = corroboration.location_text
            and candidates.country_code = corroboration.country_code
            and candidates.part_position <> corroboration.part_position
),

final as (
    select
        locations.location_text,
        ranked.country_code,
        ranked.location_term as matched_location_term,
        ranked.term_type as matched_term_type
    from locations
    left join ranked
        on
            locations.location_text = ranked.location_text
            and ranked.candidate_rank = 1
)

select * from final

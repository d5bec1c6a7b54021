-- One row per distinct normalized title: the canonical role it maps to through the role pattern
-- seed (lowest precedence wins), or none. Classifying distinct titles keeps the regex work
-- proportional to title variety, not to posting volume.
with

postings as (
    select title from {{ ref('stg_job_board__postings') }}
),

role_title_patterns as (
    select * from {{ ref('role_title_patterns') }}
),

titles as (
    select distinct {{ text_match_key('title') }} as title_key
    from postings
),

pattern_matches as (
    select
        titles.title_key,
        role_title_patterns.role,
        role_title_patterns.precedence,
        role_title_patterns.title_pattern,
        row_number() over (
            partition by titles.title_key
            order by role_title_patterns.precedence, role_title_patterns.role
        ) as match_rank
    from titles
    inner join role_title_patterns
        on {{ regex_matches('titles.title_key', "' ' || trim(role_title_patterns.title_pattern) || ' '") }}
),

final as (
    select
        titles.title_key,
        pattern_matches.role,
        pattern_matches.role is not null as is_role_classified,
        pattern_matches.precedence as matched_precedence,
        trim(pattern_matches.title_pattern) as matched_title_pattern
    from titles
    left join pattern_matches
        on
            titles.title_key = pattern_matches.title_key
            and pattern_matches.match_rank = 1
)

select * from final

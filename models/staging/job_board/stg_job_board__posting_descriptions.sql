-- One row per posting of stg_job_board__postings: the description of its latest observation, as
-- plain text with e-mail addresses and phone numbers redacted (null when the line had none).
-- Descriptions are most of the warehouse's bytes (~2 KB a posting), so they are stored once, in
-- base_job_board__observations, and served from there through each posting's pointer to its
-- observation. A view: nothing is copied. The pointer includes the observation's loaded_at, so a
-- reader of a few postings (an incremental build) scans only the storage blocks of their loads.
{{ config(materialized='view') }}

with

postings as (
    select
        posting_key,
        source_file,
        source_line_number,
        observation_loaded_at,
        staged_at
    from {{ ref('stg_job_board__postings') }}
),

observations as (
    select
        source_file,
        line_number,
        loaded_at,
        description_text
    from {{ ref('base_job_board__observations') }}
),

final as (
    select
        postings.posting_key,
        observations.description_text,
        postings.staged_at
    from postings
    inner join observations
        on
            postings.source_file = observations.source_file
            and postings.source_line_number = observations.line_number
            and postings.observation_loaded_at = observations.loaded_at
)

select * from final

{#- Which raw files the job board's observations load in a run, and the pre-hooks and filters of
    its append-only and re-staged models; see macros/incremental.sql. -#}

{#- The raw files base_job_board__observations reads in this run. Returns a dict:
    `files`: paths (sorted) whose lines are read; `read_paths`: {path: what the line reader opens
    for it (the file, or its line copy: see job_market.landing)}; `reload_all`: true when every file is read again
    (first build, full refresh, or a file already loaded has changed or vanished: landed files are
    append-only, so a rewrite of history is rebuilt from scratch rather than patched).
    A file is known by path, size and modification time. In a unit test `files` is none: no
    restriction, the fixtures are the files. Called by base_job_board__raw_lines (the
    lines to read), base_job_board__observation_lines (the rejected lines to merge in) and
    base_job_board__observations (the files to append, whether to delete everything first) in the
    same run, before the observations table changes, so all get the same answer. Empty outside
    execution (parse, docs on an empty warehouse). -#}
{% macro job_board_files_to_load(posting_files_relation, observations_identifier='base_job_board__observations') -%}
    {%- if execute and not (model is mapping and model.get('resource_type') == 'model') -%}
        {#- a unit test: its inputs are fixtures, every given file is read -#}
        {{ return({'files': none, 'read_paths': none, 'reload_all': true}) }}
    {%- endif -%}
    {%- if not execute or load_relation(posting_files_relation) is none -%}
        {{ return({'files': [], 'read_paths': {}, 'reload_all': true}) }}
    {%- endif -%}
    {%- set landed = run_query(
        "select source_file, file_size_bytes, cast(file_modified_at as string), read_path from "
        ~ posting_files_relation
        ~ " where file_status = 'loaded' and line_count > 0 order by source_file"
    ).rows -%}
    {%- set landed_paths = landed | map(attribute=0) | list -%}
    {%- set read_paths = {} -%}
    {%- for row in landed -%}
        {%- do read_paths.update({row[0]: row[3]}) -%}
    {%- endfor -%}
    {%- set observations = adapter.get_relation(
        database=posting_files_relation.database,
        schema=posting_files_relation.schema,
        identifier=observations_identifier,
    ) -%}
    {%- if observations is none or flags.FULL_REFRESH -%}
        {{ return({'files': landed_paths, 'read_paths': read_paths, 'reload_all': true}) }}
    {%- endif -%}
    {%- set known = run_query(
        "select distinct source_file, file_size_bytes, cast(file_modified_at as string) from "
        ~ observations
    ).rows -%}
    {%- set landed_versions = [] -%}
    {%- for row in landed -%}
        {%- do landed_versions.append(row[0] ~ '|' ~ row[1] ~ '|' ~ row[2]) -%}
    {%- endfor -%}
    {%- set known_versions = [] -%}
    {%- for row in known -%}
        {%- do known_versions.append(row[0] ~ '|' ~ row[1] ~ '|' ~ row[2]) -%}
    {%- endfor -%}
    {%- for version in known_versions -%}
        {%- if version not in landed_versions -%}
            {{ log("job board: a loaded raw file changed or vanished (" ~ version ~ "); every file is loaded again", info=true) }}
            {{ return({'files': landed_paths, 'read_paths': read_paths, 'reload_all': true}) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set new_files = [] -%}
    {%- for row in landed -%}
        {%- if landed_versions[loop.index0] not in known_versions -%}
            {%- do new_files.append(row[0]) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({'files': new_files, 'read_paths': read_paths, 'reload_all': false}) }}
{%- endmacro %}

{#- Pre-hook of an append-only incremental model: on a reload of everything, empty it first.
    `truncate table`, which both engines run (Spark's Parquet tables refuse DELETE). -#}
{% macro delete_all_if_reloading(reload_all) -%}
    {%- if is_incremental() and reload_all -%}
        truncate table {{ this }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of stg_job_board__postings: delete postings none of whose usable observations is
    left (their raw file was withdrawn and everything was loaded again). -#}
{% macro delete_postings_without_observations(observations_relation) -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where posting_key not in (
            select {{ posting_key('source', 'posting_id') }}
            from {{ observations_relation }}
            where quarantine_reason is null
        )
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- For stg_job_board__postings: whether an observation (its `loaded_at_column`) was loaded after
    the model's watermark, as a SQL boolean; `true` on a first build or a full refresh. -#}
{% macro loaded_since_last_staging(loaded_at_column) -%}
    {%- if is_incremental() -%}
        ({{ loaded_at_column }} > {{ incremental_watermark('staged_at') }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Filter of stg_job_board__postings: the observations of postings that got a usable one loaded
    after the model's watermark (all observations on a first build or a full refresh). -#}
{% macro postings_with_new_observations(observations_relation) -%}
    {%- if is_incremental() -%}
        {{ posting_key('source', 'posting_id') }} in (
            select {{ posting_key('source', 'posting_id') }}
            from {{ observations_relation }}
            where
                {{ loaded_since_last_staging('loaded_at') }}
                and quarantine_reason is null
        )
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

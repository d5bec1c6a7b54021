{#- Incremental processing of postings (see the doc block incremental_processing).

    Raw files are loaded once: base_job_board__observations appends the lines of files it has not
    seen (a file is known by path, size and modification time), stg_job_board__postings re-stages
    only the postings that got a new observation and stamps them with this run's start time
    (`staged_at`). Every per-posting model downstream processes the postings staged after the
    newest `staged_at` it already holds (its watermark), deletes their old rows and inserts the
    new ones. A failed or skipped run leaves the watermark where it was, so the next run picks the
    postings up; reprocessing a posting twice is harmless.

    What the per-posting rows were computed with (seeds, settings) is fingerprinted in a column
    (`rules_hash`); when the fingerprint differs, every posting is processed again. A change to a
    model's SQL is not detected: run with --full-refresh (`job-market build` does it when the
    project's files changed). -#}

{#- The newest `column` value this model holds: what it processed up to. Read once when the model
    runs (before its pre-hooks change the table) and written into the SQL as a timestamp literal,
    so a filter on it can skip the storage blocks of older rows (a subquery cannot); in unit tests,
    where `this` is a fixture, the subquery itself. -#}
{% macro incremental_watermark(column='staged_at') -%}
    {%- set query -%}
        select coalesce(max({{ column }}), cast('1900-01-01' as timestamp)) from {{ this }}
    {%- endset -%}
    {%- if execute and model is mapping and model.get('resource_type') == 'model' -%}
        {%- set watermark = run_query(query).columns[0].values()[0] -%}
        {{ return(timestamp_literal(watermark)) }}
    {%- endif -%}
    {{ return('(' ~ query ~ ')') }}
{%- endmacro %}

{#- A Python datetime as a SQL timestamp literal. -#}
{% macro timestamp_literal(value) -%}
    cast('{{ value if value is string else value.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
{%- endmacro %}

{#- Rows of `postings_relation` to (re)process in this run: all on a first build or a full
    refresh, else those staged after the watermark, or all when `reprocess_all` (a SQL boolean)
    holds. For the `where` of a model's import CTE. -#}
{% macro postings_to_process(reprocess_all='false') -%}
    {%- if is_incremental() -%}
        staged_at > {{ incremental_watermark('staged_at') }}
        or {{ reprocess_all }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a per-posting incremental model: delete the rows of every posting processed again
    (delete+insert alone would keep the old rows of a posting that now produces none, e.g. a skill
    no longer mentioned) and of every posting that left `postings_relation` (its raw file was
    withdrawn). `reprocess_all` (a SQL boolean) deletes everything first. -#}
{% macro delete_reprocessed_postings(postings_relation, reprocess_all='false') -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where
            ({{ reprocess_all }})
            or posting_key in (
                select posting_key from {{ postings_relation }}
                where staged_at > {{ incremental_watermark('staged_at') }}
            )
            or posting_key not in (select posting_key from {{ postings_relation }})
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- A fingerprint (md5 text) of everything a per-posting result was computed with: the rows of
    `relations` (seeds, taxonomy models) and `settings` (values of vars). Computed once when the
    model runs and written into its SQL as a literal (as an expression it would be evaluated for
    every row); in unit tests, while parsing, and when compiling before the relations exist (e.g.
    sqlfluff on an empty warehouse), the expression itself. -#}
{% macro rules_hash(relations, settings=[]) -%}
    {%- set expression -%}
        md5(
            {%- for relation in relations %}
            {{ relation_fingerprint(relation) }} || '|' ||
            {%- endfor %}
            {{ sql_string_literal(settings | map('string') | join('|')) }}
        )
    {%- endset -%}
    {%- set built = namespace(all=execute and model is mapping and model.get('resource_type') == 'model') -%}
    {%- for relation in relations if built.all -%}
        {%- set built.all = load_relation(relation) is not none -%}
    {%- endfor -%}
    {%- if built.all -%}
        {{ return(sql_string_literal(run_query('select ' ~ expression).columns[0].values()[0])) }}
    {%- endif -%}
    {{ return(expression) }}
{%- endmacro %}

{#- `true` when the fingerprint this model's rows were computed with (column `column`) differs
    from `hash_sql`, decided when the model runs (so the SQL holds a constant); `false` on a first
    build or a full refresh: everything is processed anyway. -#}
{% macro rules_changed(hash_sql, column='rules_hash') -%}
    {%- if is_incremental() and execute -%}
        {%- set changed = run_query(
            "select coalesce((select max(" ~ column ~ ") from " ~ this ~ ") is distinct from " ~ hash_sql ~ ", true)"
        ).columns[0].values()[0] -%}
        {{ return('true' if changed else 'false') }}
    {%- endif -%}
    {{ return('false') }}
{%- endmacro %}

{#- The fingerprint of the skill taxonomy (aliases and exclusion phrases) the skill matches were
    computed with. -#}
{% macro skill_taxonomy_hash() -%}
    {{ return(rules_hash([ref('int_skill_aliases_tokenized'), ref('int_skill_text_exclusions_tokenized')])) }}
{%- endmacro %}

{#- The fingerprint of the rules that classify a posting's role, seniority, country and salary. -#}
{% macro posting_classification_hash() -%}
    {{ return(rules_hash(
        [
            ref('roles'), ref('role_title_patterns'), ref('seniority_levels'),
            ref('seniority_patterns'), ref('seniority_title_exclusions'), ref('location_terms'),
            ref('currencies'), ref('salary_periods'),
        ],
        [
            var('role_classification'), var('plausible_salary_usd_annual_min'),
            var('plausible_salary_usd_annual_max'),
        ],
    )) }}
{%- endmacro %}

{#- This dbt invocation's start time (UTC) as a timestamp literal. -#}
{% macro run_timestamp() -%}
    {{ timestamp_literal(run_started_at) }}
{%- endmacro %}

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

{#- Pre-hook of an append-only incremental model: on a reload of everything, empty it first. -#}
{% macro delete_all_if_reloading(reload_all) -%}
    {%- if is_incremental() and reload_all -%}
        delete from {{ this }}
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

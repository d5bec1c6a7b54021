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

{#- This dbt invocation's start time (UTC) as a timestamp literal. -#}
{% macro run_timestamp() -%}
    {{ timestamp_literal(run_started_at) }}
{%- endmacro %}

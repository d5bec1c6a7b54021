{#- Incremental processing of postings (see the doc block incremental_processing).

    Raw files are loaded once: base_job_board__observations appends the lines of files it has not
    seen (a file is known by path, size and modification time), stg_job_board__postings re-stages
    only the postings that got a new observation and stamps them with this run's start time
    (`staged_at`). Every per-posting model downstream processes the postings staged after the
    newest `staged_at` it already holds (its watermark), deletes their old rows and inserts the
    new ones. A failed or skipped run leaves the watermark where it was, so the next run picks the
    postings up; reprocessing a posting twice is harmless.

    What the per-posting rows were computed with (seeds, settings) is fingerprinted in a column
    (`rules_hash`); when it differs from the current fingerprint (int_rules_fingerprints, the one
    place the rule sets are listed), every posting is processed again. A change to a
    model's SQL is not detected: run with --full-refresh (`job-market build` does it when the
    project's files changed). -#}

{#- Where the current incremental model stopped, as a scalar subquery over `this`: the newest
    `column` value it holds (1900-01-01 when empty). With a `rule_set`, also 1900-01-01 when the
    fingerprint the model's rows were computed with (`rules_column`) is not the current one of
    int_rules_fingerprints, so that every posting is processed again. A subquery, as in dbt's own
    is_incremental() examples: DuckDB still skips the storage blocks older than it (measured: the
    same time as a literal), and no query runs while the model compiles. -#}
{% macro incremental_watermark(column='staged_at', rule_set=none, rules_column='rules_hash') -%}
    {%- set empty = "cast('1900-01-01' as timestamp)" -%}
    {%- if rule_set is none -%}
        (select coalesce(max({{ column }}), {{ empty }}) from {{ this }})
    {%- else -%}
        (
            select
                case
                    when max({{ rules_column }}) = {{ current_rules_hash(rule_set) }}
                        then coalesce(max({{ column }}), {{ empty }})
                    else {{ empty }}
                end
            from {{ this }}
        )
    {%- endif -%}
{%- endmacro %}

{#- The current fingerprint of `rule_set` (a row of int_rules_fingerprints), as a scalar subquery. -#}
{% macro current_rules_hash(rule_set) -%}
    (select rules_hash from {{ ref('int_rules_fingerprints') }} where rule_set = '{{ rule_set }}')
{%- endmacro %}

{#- Rows of the postings relation to (re)process in this run: all on a first build or a full
    refresh, else those staged after the model's watermark (see incremental_watermark: all of them
    when `rule_set`'s fingerprint changed). For the `where` of a model's import CTE. -#}
{% macro postings_to_process(rule_set=none, rules_column='rules_hash') -%}
    {%- if is_incremental() -%}
        staged_at > {{ incremental_watermark('staged_at', rule_set, rules_column) }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Pre-hook of a per-posting incremental model: delete the rows of every posting processed again
    (delete+insert alone would keep the old rows of a posting that now produces none, e.g. a skill
    no longer mentioned) and of every posting that left `postings_relation` (its raw file was
    withdrawn); every row when `rule_set`'s fingerprint changed (the watermark is then 1900). -#}
{% macro delete_reprocessed_postings(postings_relation, rule_set=none, rules_column='rules_hash') -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where
            posting_key in (
                select posting_key from {{ postings_relation }}
                where staged_at > {{ incremental_watermark('staged_at', rule_set, rules_column) }}
            )
            or posting_key not in (select posting_key from {{ postings_relation }})
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- How a per-posting model is materialized: incremental (delete+insert) where the engine can
    delete rows; on Spark's plain Parquet tables, which refuse DELETE and MERGE (Delta and Iceberg
    cannot be installed here), a full rebuild in every run. -#}
{% macro per_posting_materialization() -%}
    {{ return(adapter.dispatch('per_posting_materialization', 'job_market_warehouse')()) }}
{%- endmacro %}

{% macro default__per_posting_materialization() -%}
    {{ return('incremental') }}
{%- endmacro %}

{% macro spark__per_posting_materialization() -%}
    {{ return('table') }}
{%- endmacro %}

{#- A Python datetime as a SQL timestamp literal. -#}
{% macro timestamp_literal(value) -%}
    cast('{{ value if value is string else value.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
{%- endmacro %}

{#- This dbt invocation's start time (UTC) as a timestamp literal. -#}
{% macro run_timestamp() -%}
    {{ timestamp_literal(run_started_at) }}
{%- endmacro %}

{#- Which rows a generic data test reads. dbt wraps the model of every generic test in this macro
    (it applies the test's `where` config); ours adds one rule: with var('test_new_rows_only')
    true, or the environment variable JOB_MARKET_TEST_NEW_ROWS_ONLY=true, a test of a relation
    that records when its rows were processed (a `staged_at` or `loaded_at` column) reads only the
    rows this dbt invocation processed. `job-market build` sets the variable for incremental
    builds, so a day's build tests the day's postings instead of all history again; full builds
    (and every plain `dbt build`) test every row. Relations without such a column (seeds,
    taxonomies, marts) are always tested whole, as are singular tests. The environment variable
    is read only while tests run, so switching it keeps dbt's partial parsing. The relation gets
    an alias: Spark (ANSI mode off) reads `from rel where (cond)` as an alias `where` with a
    column list. -#}
{% macro get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do conditions.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- if execute and (var('test_new_rows_only', false) or env_var('JOB_MARKET_TEST_NEW_ROWS_ONLY', '') | lower in ('1', 'true')) -%}
        {%- set column_names = tested_model_columns(relation) -%}
        {%- set processed_at = ['staged_at', 'loaded_at'] | select('in', column_names) | first -%}
        {%- if processed_at -%}
            {%- do conditions.append(processed_at ~ ' >= ' ~ run_timestamp()) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- set filtered -%}
            (select * from {{ relation }} as tested_rows where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}

{#- The column names of the model a generic test reads: those documented for it (every column of
    ours is documented; no database round trip per test), else the relation's actual columns. -#}
{% macro tested_model_columns(relation) -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- if attached and attached in graph.nodes and graph.nodes[attached].columns -%}
        {{ return(graph.nodes[attached].columns.keys() | map('lower') | list) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list) }}
{%- endmacro %}

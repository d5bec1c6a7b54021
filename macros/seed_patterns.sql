{#- The rows of a small pattern seed, read when the model runs (run_query), so the classifiers
    write each regular expression into their SQL as a literal: DuckDB compiles a literal pattern
    once per query, but a pattern read from a column once per row it is matched against (measured
    on the test data's 3,925 titles x 22 role patterns: 3.26 s joined on the column, 0.027 s as
    literals). This is the classifiers' only path: unit tests read the same seed table (dbt feeds
    a unit test the seed's own rows when it gives the seed as an input without rows, so a unit
    test cannot substitute other patterns). Returns an empty list where there is nothing to read:
    while dbt only parses, before the seed is loaded (sqlfluff, docs on a fresh warehouse) and
    under `dbt build --empty` (every ref reads zero rows); the classifier then matches nothing. -#}
{% macro seed_pattern_rows(seed_name, select_columns) -%}
    {%- set seed_ref = ref(seed_name) -%}  {#- also records the model's dependency while parsing -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if model.get('resource_type') == 'model' -%}
        {%- set seed_relation = seed_ref -%}
    {%- else -%}
        {#- a unit test: ref() names the test's fixture (a CTE) and `graph` is empty, so the seed
            table is found where dbt_project.yml puts the seeds (+schema: reference) -#}
        {%- set seed_relation = api.Relation.create(
            database=target.database, schema=generate_schema_name('reference', none), identifier=seed_name
        ) -%}
    {%- endif -%}
    {%- if load_relation(seed_relation) is none -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(run_query("select " ~ select_columns ~ " from " ~ seed_relation).rows) }}
{%- endmacro %}

{% macro sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

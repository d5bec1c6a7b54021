{#- The rows of a small pattern seed, read when the model runs (run_query), so the classifiers
    write each regular expression into their SQL as a literal: DuckDB compiles a literal pattern
    once per query, but a pattern read from a column once per row it is matched against (measured
    on the test data's 3,925 titles x 22 role patterns: 3.26 s joined on the column, 0.027 s as
    literals). This is the classifiers' only path: unit tests read the same seed table (dbt feeds
    a unit test the seed's own rows when it gives the seed as an input without rows, so a unit
    test cannot substitute other patterns). Returns an empty list where there is nothing to read:
    while dbt only parses, before the seed is loaded (sqlfluff, docs on a fresh warehouse) and
    under `dbt build --empty` (every ref reads zero rows); the classifier then matches nothing. -#}
{% macro seed_pattern_rows(seed_name, select_columns, order_by=none) -%}
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
    {{ return(run_query(
        "select " ~ select_columns ~ " from " ~ seed_relation ~ (" order by " ~ order_by if order_by else "")
    ).rows) }}
{%- endmacro %}

{#- The value of the first of `pattern_rows` (in their order) whose pattern matches `text_sql`, as a
    SQL expression: one CASE evaluated once per row, which stops at the first match, so the
    classifiers read their input once whatever the number of patterns (Spark does not keep a CTE
    read by several union branches). Patterns match with a space on either side (keys are padded).
    Null when none matches or there are no patterns. -#}
{% macro first_matching_pattern(text_sql, pattern_rows, pattern_column, value_column) -%}
    {%- if pattern_rows | length == 0 -%}
        cast(null as string)
    {%- else -%}
        case
            {%- for p in pattern_rows %}
            when {{ regex_matches(text_sql, sql_literal(' ' ~ p[pattern_column] ~ ' ')) }}
                then {{ sql_literal(p[value_column]) }}
            {%- endfor %}
        end
    {%- endif -%}
{%- endmacro %}

{% macro sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{#- The rows of a small seed, read when the model runs (run_query), so their regular expressions
    can be written into the SQL as literals: DuckDB compiles a literal pattern once per query, but
    a pattern read from a column once per row it is matched against (~40 us each here). Returns
    none while dbt only parses, in unit tests (their seeds are fixtures, not tables), or when the
    seed is not loaded yet (sqlfluff, docs on a fresh file), and when the seed has no rows (an
    emptied seed, or `dbt build --empty`, which reads every ref as zero rows): the model then joins
    on the pattern column, which gives the same rows, only slower. -#}
{% macro seed_pattern_rows(seed_relation, select_sql) -%}
    {%- if execute and model is mapping and model.get('resource_type') == 'model'
        and load_relation(seed_relation) is not none -%}
        {%- set rows = run_query(select_sql).rows -%}
        {%- if rows | length > 0 -%}
            {{ return(rows) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{% macro sql_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

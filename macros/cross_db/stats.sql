{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

{#- dbt's listagg on Spark (dbt-spark's ignores the order, with a warning): Spark 4's listagg
    ... within group. The root project's spark__ macro comes before dbt-spark's. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    {%- if limit_num -%}
        {{ exceptions.raise_compiler_error('listagg with limit_num has no Spark form here') }}
    {%- endif -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}

{% macro median(expression) -%}
    {{ return(adapter.dispatch('median', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__median(expression) -%}
    median({{ expression }})
{%- endmacro %}

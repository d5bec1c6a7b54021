{#- A timestamp `days` days (an integer, literal or column) after a timestamp, keeping its time of
    day (dbt.dateadd on Spark goes through date_add, which returns a date). -#}
{% macro add_days_to_timestamp(timestamp_expression, days) -%}
    {{ return(adapter.dispatch('add_days_to_timestamp', 'job_market_warehouse')(timestamp_expression, days)) }}
{%- endmacro %}

{% macro default__add_days_to_timestamp(timestamp_expression, days) -%}
    ({{ timestamp_expression }} + to_days(cast({{ days }} as integer)))
{%- endmacro %}

{% macro spark__add_days_to_timestamp(timestamp_expression, days) -%}
    ({{ timestamp_expression }} + make_interval(0, 0, 0, cast({{ days }} as int)))
{%- endmacro %}

{#- A cast that yields null instead of failing (dbt.safe_cast is a plain cast on DuckDB). -#}
{% macro try_cast(expression, data_type) -%}
    {{ return(adapter.dispatch('try_cast', 'job_market_warehouse')(expression, data_type)) }}
{%- endmacro %}

{% macro default__try_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{#- ISO-8601 text (with or without offset; none means UTC) to a timestamp in UTC without zone. -#}
{% macro to_utc_timestamp(expression) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(expression) -%}
    timezone('UTC', try_cast(trim({{ expression }}) as timestamptz))
{%- endmacro %}

{#- Text with accents folded to plain letters ("São Paulo" -> "Sao Paulo"). -#}
{% macro fold_accents(expression) -%}
    {{ return(adapter.dispatch('fold_accents', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__fold_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}

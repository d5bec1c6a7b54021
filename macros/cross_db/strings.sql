{#- The text with every character of `characters` removed from both ends. Spark's two-argument
    trim is trim(characters, text), the other way round from DuckDB's trim(text, characters), and
    reads them without an error: always this macro, never a two-argument trim. -#}
{% macro trim_chars(expression, characters) -%}
    {{ return(adapter.dispatch('trim_chars', 'job_market_warehouse')(expression, characters)) }}
{%- endmacro %}

{% macro default__trim_chars(expression, characters) -%}
    trim({{ expression }}, {{ characters }})
{%- endmacro %}

{% macro spark__trim_chars(expression, characters) -%}
    btrim({{ expression }}, {{ characters }})
{%- endmacro %}

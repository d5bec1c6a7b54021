{#- Regular expressions. Patterns are RE2 on DuckDB; keep them to the subset Java's regex also
    accepts (no lookarounds, no backreferences) so a Spark implementation stays possible. -#}

{% macro regex_matches(string, pattern) -%}
    {{ return(adapter.dispatch('regex_matches', 'job_market_warehouse')(string, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(string, pattern) -%}
    regexp_matches({{ string }}, {{ pattern }})
{%- endmacro %}

{#- Capture group `group` (0 = whole match) of the first match; null when nothing matches. -#}
{% macro regex_extract(string, pattern, group=0) -%}
    {{ return(adapter.dispatch('regex_extract', 'job_market_warehouse')(string, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_extract(string, pattern, group=0) -%}
    nullif(regexp_extract({{ string }}, {{ pattern }}, {{ group }}), '')
{%- endmacro %}

{#- List of capture group `group` (0 = whole match) of every non-overlapping match. -#}
{% macro regex_extract_all(string, pattern, group=0) -%}
    {{ return(adapter.dispatch('regex_extract_all', 'job_market_warehouse')(string, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_extract_all(string, pattern, group=0) -%}
    regexp_extract_all({{ string }}, {{ pattern }}, {{ group }})
{%- endmacro %}

{#- Replace every match. -#}
{% macro regex_replace_all(string, pattern, replacement) -%}
    {{ return(adapter.dispatch('regex_replace_all', 'job_market_warehouse')(string, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regex_replace_all(string, pattern, replacement) -%}
    regexp_replace({{ string }}, {{ pattern }}, {{ replacement }}, 'g')
{%- endmacro %}

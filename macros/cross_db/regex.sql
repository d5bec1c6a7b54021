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

{#- Spark: Java regular expressions, and string literals with backslash escapes. Patterns (and
    replacements) are written as DuckDB literals ('...', quotes doubled, backslashes as they
    are): such a literal is written again for Spark (sql_string_literal). -#}

{#- The text of `sql` when it is one single-quoted literal, else none. -#}
{% macro _sql_literal_text(sql) -%}
    {%- set text = sql | string | trim -%}
    {%- if text | length >= 2 and text[0] == "'" and text[-1] == "'" and "'" not in (text[1:-1] | replace("''", "")) -%}
        {{ return(text[1:-1] | replace("''", "'")) }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- `sql` as a Spark literal when it is one DuckDB literal; any other SQL expression unchanged. -#}
{% macro _spark_literal(sql) -%}
    {%- set text = _sql_literal_text(sql) -%}
    {{- sql if text is none else sql_string_literal(text) -}}
{%- endmacro %}

{% macro spark__regex_matches(string, pattern) -%}
    regexp_like({{ string }}, {{ _spark_literal(pattern) }})
{%- endmacro %}

{% macro spark__regex_extract(string, pattern, group=0) -%}
    nullif(regexp_extract({{ string }}, {{ _spark_literal(pattern) }}, {{ group }}), '')
{%- endmacro %}

{#- The group is always passed: Spark's default group is 1, DuckDB's 0. -#}
{% macro spark__regex_extract_all(string, pattern, group=0) -%}
    regexp_extract_all({{ string }}, {{ _spark_literal(pattern) }}, {{ group }})
{%- endmacro %}

{#- Spark's regexp_replace replaces every match (its 4th argument is a position). A literal
    replacement is written in Java's syntax: a group is $1 (DuckDB \1), a literal $ is \$. -#}
{% macro spark__regex_replace_all(string, pattern, replacement) -%}
    {%- set text = _sql_literal_text(replacement) -%}
    {%- if text is not none -%}
        {%- set replacement = sql_string_literal(modules.re.sub('\\\\([0-9])', '$\\1', text | replace('$', '\\$'))) -%}
    {%- endif -%}
    regexp_replace({{ string }}, {{ _spark_literal(pattern) }}, {{ replacement }})
{%- endmacro %}

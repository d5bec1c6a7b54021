{#- Matching key for short free text (titles, workplace and level fields): accents folded,
    lowercase, '&' spelled 'and', dotted initials closed up ("A.I." -> "ai", "U.S." -> "us"), every
    other character outside [a-z0-9+#] turned into one space, padded with one space each side so
    seed patterns can anchor on ' word '. -#}
{% macro text_match_key(expression) -%}
    {%- set lowered = "replace(lower(" ~ fold_accents(expression) ~ "), '&', ' and ')" -%}
    ' ' || trim({{ regex_replace_all(
        regex_replace_all(lowered, "'\\b([a-z])\\.'", "'\\1'"),
        "'[^a-z0-9+#]+'",
        "' '"
    ) }}) || ' '
{%- endmacro %}

{#- Tokens for skill matching (descriptions, tags and aliases alike): lowercase words that keep
    + and # (c++, c#) and inner dots (node.js) and a leading dot (.net); everything else splits.
    The definition is the portable one: every match of \.?[a-z0-9+#]+(?:\.[a-z0-9+#]+)* in the
    lowercased text. Tokenizing descriptions is the largest single cost of a build. -#}
{% macro skill_tokens(expression) -%}
    {{ return(adapter.dispatch('skill_tokens', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__skill_tokens(expression) -%}
    {{ regex_extract_all("lower(" ~ expression ~ ")", "'\\.?[a-z0-9+#]+(?:\\.[a-z0-9+#]+)*'") }}
{%- endmacro %}

{#- DuckDB: the same tokens, built without one regex match per token (DuckDB's
    regexp_extract_all costs ~20 ns per character of 2 KB descriptions, mostly per match).
    1. A run of two or more dots keeps only its last dot, after a space ("a..b" -> "a .b": the
       regex reads "a" and ".b"). Runs are rare; a substring test skips the pattern otherwise.
    2. One replace turns every separator into one space. A separator is a character outside
       [a-z0-9+#.], or a dot that no token character follows (a sentence end, "node.js." at the
       end). Only runs of two or more separators and single separators other than a space match,
       so the ordinary single space between two words is no match and costs nothing.
    3. What is left is tokens separated by single spaces: string_split.
    python_tests/test_skill_tokens.py checks this against the regex on edge cases and random
    text. Pass a column name, not a long expression: it is repeated. -#}
{% macro duckdb__skill_tokens(expression) -%}
    {%- set lowered = "lower(" ~ expression ~ ")" -%}
    {%- set spaced -%}
        trim(regexp_replace(
            case
                when contains({{ lowered }}, '..') then regexp_replace({{ lowered }}, '\.{2,}', ' .', 'g')
                else {{ lowered }}
            end,
            '(?:[^a-z0-9+#.]|\.[^a-z0-9+#]|\.$){2,}|[^a-z0-9+#. ]|\.[^a-z0-9+#]|\.$',
            ' ',
            'g'
        ))
    {%- endset -%}
    case
        when {{ spaced }} = '' then cast([] as varchar[])
        else string_split({{ spaced }}, ' ')
    end
{%- endmacro %}

{#- Description text as plain text: tags dropped, common entities decoded, whitespace collapsed.
    Costs are per character of long text, so each step runs only where it can change something:
    the tag pattern on text holding a "<", the entity replacements on text holding a "&"; and the
    whitespace pattern matches only runs of two or more whitespace characters and single non-space
    ones (the same result as replacing every \s+ run by one space, several times faster because an
    ordinary single space is no match). Pass a column name, not a long expression: it is repeated. -#}
{% macro html_to_text(expression) -%}
    {%- set without_tags -%}
        case
            when {{ dbt.position("'<'", expression) }} > 0
                then {{ regex_replace_all(expression, "'<[^>]*>'", "' '") }}
            else {{ expression }}
        end
    {%- endset -%}
    {%- set decoded -%}
        case
            when {{ dbt.position("'&'", expression) }} > 0
                then replace(replace(replace(replace(replace(replace(
                    {{ without_tags }}, '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''
                ), '&amp;', '&')
            else {{ without_tags }}
        end
    {%- endset -%}
    nullif(trim({{ regex_replace_all(decoded, "'\\s{2,}|[\\t\\n\\f\\r]'", "' '") }}), '')
{%- endmacro %}

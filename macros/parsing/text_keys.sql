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
    + and # (c++, c#) and inner dots (node.js) and a leading dot (.net); everything else splits. -#}
{% macro skill_tokens(expression) -%}
    {{ regex_extract_all("lower(" ~ expression ~ ")", "'\\.?[a-z0-9+#]+(?:\\.[a-z0-9+#]+)*'") }}
{%- endmacro %}

{#- Description text as plain text: tags dropped, common entities decoded, whitespace collapsed. -#}
{% macro html_to_text(expression) -%}
    nullif(trim({{ regex_replace_all(
        "replace(replace(replace(replace(replace(replace("
            ~ regex_replace_all(expression, "'<[^>]*>'", "' '")
            ~ ", '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '\"'), '&#39;', ''''), '&amp;', '&')",
        "'\\s+'",
        "' '"
    ) }}), '')
{%- endmacro %}

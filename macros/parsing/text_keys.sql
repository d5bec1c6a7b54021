{#- Matching key for short free text (titles, locations, workplace and level fields): lowercase,
    '&' spelled 'and', every character outside [a-z0-9+#] turned into one space, padded with one
    space each side so seed patterns can anchor on ' word '. -#}
{% macro text_match_key(expression) -%}
    ' ' || trim({{ regex_replace_all(
        "replace(lower(" ~ expression ~ "), '&', ' and ')",
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

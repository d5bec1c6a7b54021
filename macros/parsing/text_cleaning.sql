{#- Control characters in free text: C0 and C1 controls and DEL (replaced by a space), and the
    invisible formatting characters: zero-width and bidirectional controls (U+200B-U+200F,
    U+202A-U+202E, U+2060-U+2069) and stray byte-order marks (removed). They are invisible, can
    spoof how a title reads (a right-to-left override turns "gpj.exe" around) and break exports.
    Letters of any script (Arabic, Hebrew, ...), emoji and ordinary spaces are kept.
    keep_line_breaks: tab, LF and CR are left alone (descriptions, where they are layout). -#}
{% macro _control_character_class(keep_line_breaks=false) -%}
    {%- if keep_line_breaks -%}
        '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]'
    {%- else -%}
        '[\x00-\x1F\x7F-\x9F]'
    {%- endif -%}
{%- endmacro %}

{% macro _invisible_format_character_class() -%}
    '[\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2069}\x{FEFF}]'
{%- endmacro %}

{% macro _any_control_character_class(keep_line_breaks=false) -%}
    {%- if keep_line_breaks -%}
        '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2069}\x{FEFF}]'
    {%- else -%}
        '[\x00-\x1F\x7F-\x9F\x{200B}-\x{200F}\x{202A}-\x{202E}\x{2060}-\x{2069}\x{FEFF}]'
    {%- endif -%}
{%- endmacro %}

{#- The text with control characters replaced by a space and invisible formatting characters
    removed. -#}
{% macro strip_control_characters(expression, keep_line_breaks=false) -%}
    {{ regex_replace_all(
        regex_replace_all(expression, _control_character_class(keep_line_breaks), "' '"),
        _invisible_format_character_class(),
        "''"
    ) }}
{%- endmacro %}

{% macro has_control_characters(expression, keep_line_breaks=false) -%}
    coalesce({{ regex_matches(expression, _any_control_character_class(keep_line_breaks)) }}, false)
{%- endmacro %}

{#- A short single-line field (title, company, ...): control characters out, trimmed, empty
    means null. -#}
{% macro clean_short_text(expression) -%}
    nullif(trim({{ strip_control_characters(expression) }}), '')
{%- endmacro %}

{#- clean_short_text when the row is known to hold control characters (has_controls, a boolean
    computed once per row), else the cheaper trim: most rows never pay for the regex. -#}
{% macro clean_text_field(has_controls, expression) -%}
    case when {{ has_controls }} then {{ clean_short_text(expression) }} else nullif(trim({{ expression }}), '') end
{%- endmacro %}

{#- A cheap test (substring searches, no pattern) on a raw JSON line: false means no field parsed
    from it can hold a control or invisible formatting character, so the per-field pattern can be
    skipped. Parsed strings get such characters only from \u escapes, the \b and \f escapes, a raw
    DEL or a raw non-ASCII character (raw C0 bytes make the line invalid JSON; it is repaired
    first). The \t, \n and \r escapes are not counted: they are layout in a description. -#}
{% macro json_line_may_hold_control_characters(raw_line) -%}
    (
        {{ dbt.position(sql_string_literal('\\u'), raw_line) }} > 0
        or {{ dbt.position(sql_string_literal('\\b'), raw_line) }} > 0
        or {{ dbt.position(sql_string_literal('\\f'), raw_line) }} > 0
        or {{ dbt.position('chr(127)', raw_line) }} > 0
        or {{ has_non_ascii(raw_line) }}
    )
{%- endmacro %}

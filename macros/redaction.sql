{#- Contact details are personal data the marts never need: e-mail addresses and phone numbers
    in any text field are replaced by "[email redacted]" and "[phone redacted]" when a line is
    loaded (base_job_board__observations), so no table holds them: not staging, not the quarantine
    table's raw lines, not the marts.
    E-mail: local@domain.tld, the "@" also written as an HTML entity (&#64; &#x40; &commat;, also
    once more escaped as &amp;#64;), URL-encoded (%40), as a JSON or C escape (\u0040, \x40) or as
    a full-width or small commercial at (U+FF20, U+FE6B).
    Phone: an international number written with "+" ("+1 415 555 0100", "+44 (0)20 7946 0958",
    "+4930123456"), a North American 3-3-4 number ("(415) 555-0100", "415.555.0100"), or digits
    after tel / phone / mobile / cell / whatsapp ("Tel: 030 1234567").
    Salary ranges ("150000 - 180000"), years ("2019-2024") and versions are left alone.
    Best effort: obfuscated forms ("name [at] domain dot com") are not recognised.
    A phone number may be written across a line break (descriptions keep theirs, see html_to_text):
    its parts may be separated by any whitespace, as by a space.
    Patterns are RE2 and Java compatible (no lookarounds), like macros/cross_db/regex.sql asks. -#}

{#- The "@" of an e-mail address and its encodings. -#}
{% macro _email_at_pattern() -%}
    (@|＠|﹫|&(amp;)?(#0*64|#[xX]0*40|commat);?|%40|\\[uU]0*40|\\[xX]40)
{%- endmacro %}

{% macro _email_pattern() -%}
    '[A-Za-z0-9._%+-]+{{ _email_at_pattern() }}[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}'
{%- endmacro %}

{% macro _phone_pattern() -%}
    '\+[0-9]{1,3}[\s.-]?(\([0-9]{1,4}\)[\s.-]?)?[0-9]{2,5}([\s.-]?[0-9]{2,5}){1,4}|(\([0-9]{3}\)\s?|\b[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}\b|(?i:\b(tel|phone|mobile|cell|whatsapp)\b)\.?:?\s*[0-9][0-9\s().-]{6,}[0-9]'
{%- endmacro %}

{#- Literals of which every alternative of _email_at_pattern holds one: "@", its full-width and
    small forms, "&#" (&#64; &#x40;), ";#" (&amp;#64;), "&commat", "%40", and a backslash (\u0040,
    \x40). A text holding none of them holds no address, whatever the pattern says. -#}
{% macro _email_at_literals() -%}
    {{ return(['@', '＠', '﹫', '&#', ';#', '&commat', '%40', '\\']) }}
{%- endmacro %}

{#- Whether a text may hold an e-mail address: it holds an "@" or one of its encodings. Substring
    searches first (a plain "@" decides alone); the pattern only runs on text holding one of the
    other literals, which plain text rarely does: searching a 2 KB description for eight literals
    costs about a fifth of matching the pattern against it. -#}
{% macro may_hold_email_address(expression) -%}
    {%- set literals = _email_at_literals() -%}
    ({{ dbt.position(sql_string_literal(literals[0]), expression) }} > 0 or (
        (
            {%- for literal in literals[1:] %}
            {#- a backslash as chr(92): no string literal ends in one on any engine or parser -#}
            {%- set needle = 'chr(92)' if literal == '\\' else sql_string_literal(literal) %}
            {{ dbt.position(needle, expression) }} > 0{% if not loop.last %} or{% endif %}
            {%- endfor %}
        )
        and {{ regex_matches(expression, "'" ~ _email_at_pattern() ~ "'") }}
    ))
{%- endmacro %}

{% macro redact_email_addresses(expression) -%}
    case
        when {{ may_hold_email_address(expression) }}
            then {{ regex_replace_all(expression, _email_pattern(), "'[email redacted]'") }}
        else {{ expression }}
    end
{%- endmacro %}

{% macro redact_phone_numbers(expression) -%}
    {{ regex_replace_all(expression, _phone_pattern(), "'[phone redacted]'") }}
{%- endmacro %}

{#- Both; the e-mail pattern only runs on text that may hold an address. -#}
{% macro redact_contact_details(expression) -%}
    {{ redact_phone_numbers(redact_email_addresses(expression)) }}
{%- endmacro %}

{#- Whether a text holds an e-mail address or a phone number (as redact_contact_details finds
    them). Pass a column name or a short expression: it is repeated. -#}
{% macro has_contact_details(expression) -%}
    (
        ({{ may_hold_email_address(expression) }} and {{ regex_matches(expression, _email_pattern()) }})
        or {{ regex_matches(expression, _phone_pattern()) }}
    )
{%- endmacro %}

{#- redact_contact_details where `condition` (a SQL boolean, e.g. a flag computed once for several
    fields) holds, else the expression as it is. -#}
{% macro redact_contact_details_where(condition, expression) -%}
    case when {{ condition }} then {{ redact_contact_details(expression) }} else {{ expression }} end
{%- endmacro %}

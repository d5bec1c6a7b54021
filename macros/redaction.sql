{#- Contact details are personal data the marts never need: e-mail addresses and phone numbers
    in free text are replaced by "[email redacted]" and "[phone redacted]" in staging, so no
    model downstream of staging (and no table at all) holds them.
    E-mail: local@domain.tld. Phone: an international number written with "+" ("+1 415 555 0100",
    "+44 (0)20 7946 0958", "+4930123456"), a North American 3-3-4 number ("(415) 555-0100",
    "415.555.0100"), or digits after tel / phone / mobile / cell / whatsapp ("Tel: 030 1234567").
    Salary ranges ("150000 - 180000"), years ("2019-2024") and versions are left alone.
    Best effort: obfuscated forms ("name [at] domain dot com") are not recognised.
    A phone number may be written across a line break (descriptions keep theirs, see html_to_text):
    its parts may be separated by any whitespace, as by a space.
    Patterns are RE2 and Java compatible (no lookarounds), like macros/cross_db/regex.sql asks. -#}

{% macro _email_pattern() -%}
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}'
{%- endmacro %}

{% macro _phone_pattern() -%}
    '\+[0-9]{1,3}[\s.-]?(\([0-9]{1,4}\)[\s.-]?)?[0-9]{2,5}([\s.-]?[0-9]{2,5}){1,4}|(\([0-9]{3}\)\s?|\b[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}\b|(?i:\b(tel|phone|mobile|cell|whatsapp)\b)\.?:?\s*[0-9][0-9\s().-]{6,}[0-9]'
{%- endmacro %}

{% macro redact_email_addresses(expression) -%}
    case
        when {{ dbt.position("'@'", expression) }} > 0
            then {{ regex_replace_all(expression, _email_pattern(), "'[email redacted]'") }}
        else {{ expression }}
    end
{%- endmacro %}

{% macro redact_phone_numbers(expression) -%}
    {{ regex_replace_all(expression, _phone_pattern(), "'[phone redacted]'") }}
{%- endmacro %}

{#- Both; the e-mail pattern only runs on text holding an "@". -#}
{% macro redact_contact_details(expression) -%}
    {{ redact_phone_numbers(redact_email_addresses(expression)) }}
{%- endmacro %}

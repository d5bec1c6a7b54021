{#- Fingerprints of the rules (seeds, settings) per-posting incremental results were computed with;
    see the doc block incremental_processing and macros/incremental.sql. -#}

{#- A fingerprint (md5 text) of everything a per-posting result was computed with: the rows of
    `relations` (seeds, taxonomy models) and `settings` (values of vars), as a SQL expression. Used
    by int_rules_fingerprints, which computes each rule set's fingerprint once per build. -#}
{% macro rules_hash(relations, settings=[]) -%}
    md5(
        {%- for relation in relations %}
        {{ relation_fingerprint(relation) }} || '|' ||
        {%- endfor %}
        {{ sql_string_literal(settings | map('string') | join('|')) }}
    )
{%- endmacro %}

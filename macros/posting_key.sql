{#- The key of a posting across the warehouse: its source and its id, unambiguous for any pair.
    The source's backslashes and colons are escaped ("\" -> "\\", ":" -> "\:"), then joined to
    the id by ":". The first unescaped ":" ends the source, so two different (source, posting_id)
    pairs never share a key: ("a:b", "c") -> "a\:b:c", ("a", "b:c") -> "a:b:c". A source without
    "\" or ":" (every real one) keeps the plain "source:posting_id". Both arguments are SQL
    expressions. The literals holding a backslash are built by sql_string_literal (Spark reads
    backslash escapes in literals), a lone backslash as chr(92). -#}
{% macro posting_key(source, posting_id) -%}
    replace(replace({{ source }}, chr(92), {{ sql_string_literal('\\\\') }}), ':', {{ sql_string_literal('\\:') }})
    || ':' || {{ posting_id }}
{%- endmacro %}

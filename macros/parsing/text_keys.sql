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

{#- Tokens for skill matching (descriptions, tags and aliases alike). The one rule:
    - Token characters are [a-z0-9+#] (after lower()). A dot belongs to a token when a token
      character follows it and no dot precedes it: inner dots (node.js, v1.2) and a leading dot
      (.net) stay, so C++, C#, .NET and Node.js survive and "Java" never matches in "JavaScript".
    - Between two tokens lies a gap of other characters. A gap holding a separator becomes the
      boundary token '|'; any other gap only splits. Separators: , ; : ! ? ( ) [ ] { } | / \ *,
      line breaks, bullets (• · ‣ ◦ ▪ ● ■ ► ➢ ✓ ...), en and em dashes, "…", every dot that is
      not in a token (a sentence end, "e.g. ", an ellipsis) and every hyphen that does not join
      two token characters (a "- " list marker, a spaced dash, "--"). Spaces, "&", quotes and a
      joining hyphen (scikit-learn, R&D) are no separators.
    - No boundary token at the start or end, never two in a row.
    Aliases and exclusion phrases are tokens too, so a multi-word alias matches only inside one
    phrase ("Apache Spark, SQL" never holds "spark sql"), and an alias spelled with a separator
    (ci/cd: ci | cd) matches only across one. Tokenizing descriptions is the largest single cost
    of a build. Mirrors: skill_tokens in src/job_market/generator/textkeys.py and
    bench/baseline.sql; python_tests/test_skill_tokens.py checks all of them against a
    character-by-character reading of this rule. -#}
{% macro skill_tokens(expression) -%}
    {{ return(adapter.dispatch('skill_tokens', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{#- The boundary pattern, stated once for every implementation: one match per gap that holds a
    separator, the whole gap (G* H G*, G a gap character or dot run, H a separator). A dot run
    followed by a token character ("a..b") is a separator whole. RE2 / Java syntax; the Python
    mirror only spells "$" as "\Z". -#}
{% macro skill_boundary_pattern() -%}
    '(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|$))*(?:[,;:!?()\[\]{}|/\\*\n\r\v\f•·‣◦▪▫●○■□►▶➢➤✓✔→–—―…]|\.+(?:[^a-z0-9+#]|$)|(?:^|[^a-z0-9+#.])-|-(?:[^a-z0-9+#.]|$))(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|$))*'
{%- endmacro %}

{#- Portable: every gap with a separator becomes ' | ', the one at either end goes, then every
    token or '|' is extracted with a regex. -#}
{% macro default__skill_tokens(expression) -%}
    {%- set phrased = regex_replace_all("lower(" ~ expression ~ ")", skill_boundary_pattern(), "' | '") -%}
    {{ regex_extract_all(
        regex_replace_all(phrased, "'^ \\| | \\| $'", "''"),
        "'\\||\\.?[a-z0-9+#]+(?:\\.[a-z0-9+#]+)*'"
    ) }}
{%- endmacro %}

{#- DuckDB: the same tokens, built without one regex match per token (DuckDB's
    regexp_extract_all costs ~20 ns per character of 2 KB descriptions, mostly per match).
    1. Every gap with a separator becomes ' | ' (skill_boundary_pattern, one match per gap).
    2. One replace turns every other gap into one space. What is left of a gap now is
       characters outside [a-z0-9+#.|]; only runs of two or more and single characters other
       than a space match, so the ordinary single space between two words costs nothing.
    3. The boundary at either end is trimmed; what is left is tokens separated by single
       spaces: string_split.
    Pass a column name, not a long expression: it is repeated. -#}
{% macro duckdb__skill_tokens(expression) -%}
    {%- set gaps_spaced -%}
        regexp_replace(
            regexp_replace(lower({{ expression }}), {{ skill_boundary_pattern() }}, ' | ', 'g'),
            '[^a-z0-9+#.|]{2,}|[^a-z0-9+#.| ]',
            ' ',
            'g'
        )
    {%- endset -%}
    {%- set spaced = trim_chars(gaps_spaced, "' |'") -%}
    case
        when {{ spaced }} = '' then cast([] as varchar[])
        else string_split({{ spaced }}, ' ')
    end
{%- endmacro %}

{#- Description text as plain text: tags dropped, common entities decoded, whitespace collapsed,
    line breaks kept. A tag that starts or ends a block or line (<br>, <p>, <li>, <div>, <tr>,
    <h1>, ... see _block_tag_pattern) becomes a line break, any other tag a space; a whitespace
    run holding a line break (LF or CR) becomes one LF, any other whitespace run one space; line
    breaks and spaces at either end go. Line breaks are kept because they separate phrases: a
    skill alias never matches across one (skill_tokens).
    Costs are per character of long text, so each step runs only where it can change something:
    the tag patterns on text holding a "<", the entity replacements on text holding a "&", the
    space pattern on text holding two spaces, a tab, a form feed, a tag or "&nbsp;" (nothing else
    makes a run of spaces). That pattern matches only runs of two or more spaces or tabs and single
    tabs, so an ordinary single space is no match (several times faster than replacing every run).
    Pass a column name, not a long expression: it is repeated. -#}
{% macro _block_tag_pattern() -%}
    '<(?i:/?(?:br|hr|p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|blockquote|pre|section|article|header|footer))\b[^>]*>'
{%- endmacro %}

{% macro html_to_text(expression) -%}
    {%- set without_tags -%}
        case
            when {{ dbt.position("'<'", expression) }} > 0
                then {{ regex_replace_all(regex_replace_all(expression, _block_tag_pattern(), 'chr(10)'), "'<[^>]*>'", "' '") }}
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
    {%- set lines = regex_replace_all(decoded, "'[\\t\\f ]*[\\n\\r]\\s*'", 'chr(10)') -%}
    {#- runs of spaces and tabs: in the text, or made by a tag or &nbsp; becoming a space -#}
    {%- set spaced -%}
        case
            when {{ dbt.position("'<'", expression) }} > 0
                or {{ dbt.position("'&nbsp;'", expression) }} > 0
                or {{ dbt.position("'  '", expression) }} > 0
                or {{ dbt.position('chr(9)', expression) }} > 0
                or {{ dbt.position('chr(12)', expression) }} > 0
                then {{ regex_replace_all(lines, "'[\\t\\f ]{2,}|[\\t\\f]'", "' '") }}
            else {{ lines }}
        end
    {%- endset -%}
    nullif({{ trim_chars(spaced, "' ' || chr(10)") }}, '')
{%- endmacro %}

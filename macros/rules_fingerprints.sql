{#- Fingerprints of the rules (seeds, settings) per-posting incremental results were computed with;
    see the doc block incremental_processing and macros/incremental.sql. -#}

{#- A fingerprint (md5 text) of everything a per-posting result was computed with: the rows of
    `relations` (seeds, taxonomy models) and `settings` (values of vars). Computed once when the
    model runs and written into its SQL as a literal (as an expression it would be evaluated for
    every row); in unit tests, while parsing, and when compiling before the relations exist (e.g.
    sqlfluff on an empty warehouse), the expression itself. -#}
{% macro rules_hash(relations, settings=[]) -%}
    {%- set expression -%}
        md5(
            {%- for relation in relations %}
            {{ relation_fingerprint(relation) }} || '|' ||
            {%- endfor %}
            {{ sql_string_literal(settings | map('string') | join('|')) }}
        )
    {%- endset -%}
    {%- set built = namespace(all=execute and model is mapping and model.get('resource_type') == 'model') -%}
    {%- for relation in relations if built.all -%}
        {%- set built.all = load_relation(relation) is not none -%}
    {%- endfor -%}
    {%- if built.all -%}
        {{ return(sql_string_literal(run_query('select ' ~ expression).columns[0].values()[0])) }}
    {%- endif -%}
    {{ return(expression) }}
{%- endmacro %}

{#- `true` when the fingerprint this model's rows were computed with (column `column`) differs
    from `hash_sql`, decided when the model runs (so the SQL holds a constant); `false` on a first
    build or a full refresh: everything is processed anyway. -#}
{% macro rules_changed(hash_sql, column='rules_hash') -%}
    {%- if is_incremental() and execute -%}
        {%- set changed = run_query(
            "select coalesce((select max(" ~ column ~ ") from " ~ this ~ ") is distinct from " ~ hash_sql ~ ", true)"
        ).columns[0].values()[0] -%}
        {{ return('true' if changed else 'false') }}
    {%- endif -%}
    {{ return('false') }}
{%- endmacro %}

{#- The fingerprint of the skill taxonomy (aliases and exclusion phrases) the skill matches were
    computed with. -#}
{% macro skill_taxonomy_hash() -%}
    {{ return(rules_hash([ref('int_skill_aliases_tokenized'), ref('int_skill_text_exclusions_tokenized')])) }}
{%- endmacro %}

{#- The fingerprint of the rules that classify a posting's role, seniority, country and salary. -#}
{% macro posting_classification_hash() -%}
    {{ return(rules_hash(
        [
            ref('roles'), ref('role_title_patterns'), ref('seniority_levels'),
            ref('seniority_patterns'), ref('seniority_title_exclusions'), ref('location_terms'),
            ref('currencies'), ref('salary_periods'),
        ],
        [
            var('role_classification'), var('plausible_salary_usd_annual_min'),
            var('plausible_salary_usd_annual_max'),
        ],
    )) }}
{%- endmacro %}

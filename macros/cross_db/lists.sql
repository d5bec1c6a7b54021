{#- List (array) helpers. Lists are 1-based in these macros whatever the engine does. -#}

{% macro list_length(list) -%}
    {{ return(adapter.dispatch('list_length', 'job_market_warehouse')(list)) }}
{%- endmacro %}

{% macro default__list_length(list) -%}
    len({{ list }})
{%- endmacro %}

{#- Spark: size(null) is -1 with ANSI off; DuckDB's len(null) is null. -#}
{% macro spark__list_length(list) -%}
    case when {{ list }} is not null then size({{ list }}) end
{%- endmacro %}

{#- Sub-list of `length` elements starting at 1-based `start`. -#}
{% macro list_slice(list, start, length) -%}
    {{ return(adapter.dispatch('list_slice', 'job_market_warehouse')(list, start, length)) }}
{%- endmacro %}

{% macro default__list_slice(list, start, length) -%}
    list_slice({{ list }}, {{ start }}, ({{ start }}) + ({{ length }}) - 1)
{%- endmacro %}

{% macro spark__list_slice(list, start, length) -%}
    slice({{ list }}, {{ start }}, {{ length }})
{%- endmacro %}

{% macro list_join(list, separator) -%}
    {{ return(adapter.dispatch('list_join', 'job_market_warehouse')(list, separator)) }}
{%- endmacro %}

{% macro default__list_join(list, separator) -%}
    array_to_string({{ list }}, {{ separator }})
{%- endmacro %}

{% macro spark__list_join(list, separator) -%}
    array_join({{ list }}, {{ separator }})
{%- endmacro %}

{#- A JSON value holding an array of strings (or one string) as a list of trimmed, non-empty
    strings. A bare string is split on commas: some scrapers flatten tags that way. -#}
{% macro json_to_string_list(json_value) -%}
    {{ return(adapter.dispatch('json_to_string_list', 'job_market_warehouse')(json_value)) }}
{%- endmacro %}

{% macro default__json_to_string_list(json_value) -%}
    list_filter(
        list_transform(
            case json_type({{ json_value }})
                when 'ARRAY' then from_json({{ json_value }}, '["VARCHAR"]')
                when 'VARCHAR' then string_split(from_json({{ json_value }}, '"VARCHAR"'), ',')
            end,
            lambda tag: trim(tag)
        ),
        lambda tag: tag is not null and tag <> ''
    )
{%- endmacro %}

{% macro spark__json_to_string_list(json_value) -%}
    filter(
        transform(
            case {{ json_value_kind(json_value) }}
                when 'array' then from_json({{ json_value }}, 'array<string>')
                when 'string' then split(get_json_object({{ json_value }}, '$'), ',')
            end,
            tag -> trim(tag)
        ),
        tag -> tag is not null and tag <> ''
    )
{%- endmacro %}

{#- Element at 1-based `index`. -#}
{% macro list_element(list, index) -%}
    {{ return(adapter.dispatch('list_element', 'job_market_warehouse')(list, index)) }}
{%- endmacro %}

{% macro default__list_element(list, index) -%}
    {{ list }}[{{ index }}]
{%- endmacro %}

{#- Spark: list[i] is 0-based there; element_at is 1-based (null past the end with ANSI off). -#}
{% macro spark__list_element(list, index) -%}
    element_at({{ list }}, {{ index }})
{%- endmacro %}

{#- The type of a list of strings, for typed nulls and casts. -#}
{% macro type_string_list() -%}
    {{ return(adapter.dispatch('type_string_list', 'job_market_warehouse')()) }}
{%- endmacro %}

{% macro default__type_string_list() -%}
    varchar[]
{%- endmacro %}

{% macro spark__type_string_list() -%}
    array<string>
{%- endmacro %}

{#- True when some value occurs twice in the list. Pass a column name: it is repeated. -#}
{% macro list_has_duplicates(list) -%}
    {{ return(adapter.dispatch('list_has_duplicates', 'job_market_warehouse')(list)) }}
{%- endmacro %}

{% macro default__list_has_duplicates(list) -%}
    (len({{ list }}) > len(list_distinct({{ list }})))
{%- endmacro %}

{#- Spark: guarded, since size(null) is -1 with ANSI off (DuckDB: null for a null list). -#}
{% macro spark__list_has_duplicates(list) -%}
    case when {{ list }} is not null then size({{ list }}) > size(array_distinct({{ list }})) end
{%- endmacro %}

{#- Exploding lists into rows (select-list fragments): DuckDB's unnest, Spark's generators
    (one per select there, so positions come from inline() of structs). -#}

{#- Select-list fragment exploding `list` to one row per element, with its 1-based position. -#}
{% macro unnest_with_position(list, value_alias, position_alias) -%}
    {{ return(adapter.dispatch('unnest_with_position', 'job_market_warehouse')(list, value_alias, position_alias)) }}
{%- endmacro %}

{% macro default__unnest_with_position(list, value_alias, position_alias) -%}
    unnest({{ list }}) as {{ value_alias }},
    generate_subscripts({{ list }}, 1) as {{ position_alias }}
{%- endmacro %}

{#- Spark allows one generator per select: inline() of (element, 1-based position) structs. -#}
{% macro spark__unnest_with_position(list, value_alias, position_alias) -%}
    inline(transform({{ list }}, (element, position0) -> named_struct(
        '{{ value_alias }}', element, '{{ position_alias }}', position0 + 1
    )))
{%- endmacro %}

{#- Select-list fragment exploding `list` to one row per element. -#}
{% macro unnest_list(list, value_alias) -%}
    {{ return(adapter.dispatch('unnest_list', 'job_market_warehouse')(list, value_alias)) }}
{%- endmacro %}

{% macro default__unnest_list(list, value_alias) -%}
    unnest({{ list }}) as {{ value_alias }}
{%- endmacro %}

{% macro spark__unnest_list(list, value_alias) -%}
    explode({{ list }}) as {{ value_alias }}
{%- endmacro %}

{#- Select-list fragment exploding `list` to one row per 1-based position (`position_alias`), with
    the element there and the `width - 1` elements after it as columns `<prefix>1` ..
    `<prefix><width>` (nulls past the end). Each row holds `width` scalars, never a list, so memory
    and time stay linear in the list's length. `width` is a number known when the SQL is written. -#}
{% macro unnest_token_windows(list, width, position_alias, element_prefix) -%}
    {{ return(adapter.dispatch('unnest_token_windows', 'job_market_warehouse')(list, width, position_alias, element_prefix)) }}
{%- endmacro %}

{% macro default__unnest_token_windows(list, width, position_alias, element_prefix) -%}
    generate_subscripts({{ list }}, 1) as {{ position_alias }},
    unnest({{ list }}) as {{ element_prefix }}1
    {%- for shift in range(2, (width | int) + 1) %},
    unnest({{ list }}[{{ shift }}:]) as {{ element_prefix }}{{ shift }}
    {%- endfor %}
{%- endmacro %}

{#- Spark: one generator over the list; element_at past the end is null with ANSI off. -#}
{% macro spark__unnest_token_windows(list, width, position_alias, element_prefix) -%}
    inline(transform({{ list }}, (token, position0) -> named_struct(
        '{{ position_alias }}', position0 + 1,
        '{{ element_prefix }}1', token
        {%- for shift in range(2, (width | int) + 1) %},
        '{{ element_prefix }}{{ shift }}', element_at({{ list }}, position0 + {{ shift }})
        {%- endfor %}
    )))
{%- endmacro %}

{#- Issue codes: a list holding the code of every condition that is true, in the order given
    (empty, never null, when none is). `checks` is a list of (condition, code) pairs. -#}
{% macro issue_codes(checks) -%}
    {{ return(adapter.dispatch('issue_codes', 'job_market_warehouse')(checks)) }}
{%- endmacro %}

{% macro default__issue_codes(checks) -%}
    list_filter(
        [
            {%- for condition, code in checks %}
            case when {{ condition }} then '{{ code }}' end{{ "," if not loop.last }}
            {%- endfor %}
        ],
        lambda issue_code: issue_code is not null
    )
{%- endmacro %}

{% macro spark__issue_codes(checks) -%}
    filter(
        array(
            {%- for condition, code in checks %}
            case when {{ condition }} then '{{ code }}' end{{ "," if not loop.last }}
            {%- endfor %}
        ),
        issue_code -> issue_code is not null
    )
{%- endmacro %}

{#- True when the list holds the value. -#}
{% macro list_has(list, value) -%}
    {{ return(adapter.dispatch('list_has', 'job_market_warehouse')(list, value)) }}
{%- endmacro %}

{% macro default__list_has(list, value) -%}
    list_contains({{ list }}, {{ value }})
{%- endmacro %}

{% macro spark__list_has(list, value) -%}
    array_contains({{ list }}, {{ value }})
{%- endmacro %}

{#- A double that is a finite number, else null (NaN and infinities are not amounts). -#}
{% macro finite_or_null(expression) -%}
    {{ return(adapter.dispatch('finite_or_null', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__finite_or_null(expression) -%}
    case when isfinite({{ expression }}) then {{ expression }} end
{%- endmacro %}

{% macro spark__finite_or_null(expression) -%}
    case when not isnan({{ expression }}) and abs({{ expression }}) <> double('Infinity') then {{ expression }} end
{%- endmacro %}

{#- True when the text holds a character outside ASCII (its byte length exceeds its length). -#}
{% macro has_non_ascii(expression) -%}
    {{ return(adapter.dispatch('has_non_ascii', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__has_non_ascii(expression) -%}
    (strlen({{ expression }}) <> length({{ expression }}))
{%- endmacro %}

{% macro spark__has_non_ascii(expression) -%}
    (octet_length({{ expression }}) <> length({{ expression }}))
{%- endmacro %}

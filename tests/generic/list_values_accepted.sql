{#- Every element of a list column is one of `values` (e.g. issue codes). Fails with one row per
    element outside the set; null lists and null elements pass (pair with not_null). -#}
{% test list_values_accepted(model, column_name, values) %}

with

elements as (
    select {{ unnest_list(column_name, 'list_value') }}
    from {{ model }}
    where {{ column_name }} is not null
)

select list_value
from elements
where
    list_value is not null
    and list_value not in (
        {%- for value in values %}
        '{{ value | replace("'", "''") }}'{{ "," if not loop.last }}
        {%- endfor %}
    )

{% endtest %}

{#- Fails with one row per combination of `combination_of_columns` that occurs more than once.
    Rows where any of the columns is null are compared like any other value (null = null here),
    so pair it with not_null tests on the same columns. -#}
{% test unique_combination_of_columns(model, combination_of_columns) %}

{%- set columns_csv = combination_of_columns | join(', ') %}

with

grain as (
    select
        {{ columns_csv }},
        count(*) as rows_per_combination
    from {{ model }}
    group by {{ columns_csv }}
)

select *
from grain
where rows_per_combination > 1

{% endtest %}

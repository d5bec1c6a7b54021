{#- Every column in `columns` is non-null, checked in one pass over the model. Fails with one row
    per column that holds nulls, and how many. For a model's required columns outside its grain:
    dbt spends ~0.05 s of its own work on every test node, whatever the data, so the grain keeps
    its own `not_null` and `unique` tests and a model's other required columns share this one. -#}
{% test not_null_columns(model, columns) %}

with

null_counts as (
    select
        {%- for column in columns %}
        sum(case when {{ column }} is null then 1 else 0 end) as {{ column }}__nulls
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ model }}
),

failing_columns as (
    {%- for column in columns %}
    select
        '{{ column }}' as column_name,
        {{ column }}__nulls as null_rows
    from null_counts
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
)

select
    column_name,
    null_rows
from failing_columns
where null_rows > 0

{% endtest %}

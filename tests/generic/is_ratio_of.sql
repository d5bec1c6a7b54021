{#- The column equals numerator / denominator (both column expressions of the same row), up to
    floating-point noise. A null denominator or a zero one must give a null ratio. -#}
{% test is_ratio_of(model, column_name, numerator, denominator, tolerance=1e-9) %}

with

checked as (
    select
        {{ column_name }} as actual_ratio,
        {{ numerator }} as numerator_value,
        {{ denominator }} as denominator_value,
        case
            when {{ denominator }} is null or {{ denominator }} = 0 then null
            else ({{ numerator }}) * 1e0 / ({{ denominator }})
        end as expected_ratio
    from {{ model }}
)

select *
from checked
where
    (actual_ratio is null) <> (expected_ratio is null)
    or abs(actual_ratio - expected_ratio) > {{ tolerance }}

{% endtest %}

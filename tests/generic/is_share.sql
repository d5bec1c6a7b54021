{#- A share is a fraction in [0, 1]. Fails with every row whose value lies outside it (or is NaN);
    nulls pass (pair with not_null where a share is required). -#}
{% test is_share(model, column_name) %}

select
    {{ column_name }} as failing_share
from {{ model }}
where
    {{ column_name }} is not null
    and (
        {{ column_name }} < 0
        or {{ column_name }} > 1
        or {{ column_name }} <> {{ column_name }}
    )

{% endtest %}

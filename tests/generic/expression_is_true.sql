{#- An invariant every row must satisfy, written as a boolean SQL expression over the model's
    columns (e.g. `union_skills = role_a_top_skills + role_b_top_skills - shared_skills`).
    Fails with every row where the expression is false or null. Usable on a model or on a column
    (column_name is then ignored: the expression names the columns it reads). -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not coalesce({{ expression }}, false)

{% endtest %}

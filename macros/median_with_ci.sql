{#- A select computing, per group, n, the median of `value` and a distribution-free confidence
    interval for that median: the order statistics at ranks floor((n - z*sqrt(n)) / 2) and
    ceil(1 + (n + z*sqrt(n)) / 2), clamped to [1, n] (z from var median_ci_z, 1.96 = 95 %).
    Used wherever a mart reports a median salary, so every median carries its n and interval. -#}
{% macro median_with_ci(relation, group_by, value) -%}
    {%- set z = var('median_ci_z') -%}
    {%- set groups = group_by | join(', ') -%}
    select
        {{ groups }},
        count(*) as n,
        {{ median(value) }} as median_value,
        max(case when value_rank = ci_low_rank then {{ value }} end) as ci_low_value,
        max(case when value_rank = ci_high_rank then {{ value }} end) as ci_high_value
    from (
        select
            {{ groups }},
            {{ value }},
            value_rank,
            greatest(1, cast(floor((group_n - {{ z }} * sqrt(group_n)) / 2.0) as integer)) as ci_low_rank,
            least(group_n, cast(ceil(1 + (group_n + {{ z }} * sqrt(group_n)) / 2.0) as integer)) as ci_high_rank
        from (
            select
                {{ groups }},
                {{ value }},
                row_number() over (partition by {{ groups }} order by {{ value }}) as value_rank,
                count(*) over (partition by {{ groups }}) as group_n
            from {{ relation }}
        ) as ranked_values
    ) as ranked_with_bounds
    group by {{ groups }}
{%- endmacro %}

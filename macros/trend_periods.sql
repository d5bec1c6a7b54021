{#- The two periods every trend compares (skill movers, role growth): the `trend_period_months`
    calendar months up to and including the latest month of the data ('recent') and the as many
    months before them ('prior'). Returns 'recent', 'prior' or null for a month (a date, first of
    its month) given the latest month of the data. -#}
{% macro trend_period(month_column, latest_month_column) -%}
    {%- set months = var('trend_period_months') | int -%}
    case
        when
            {{ month_column }} > {{ dbt.dateadd('month', -months, latest_month_column) }}
            and {{ month_column }} <= {{ latest_month_column }}
            then 'recent'
        when
            {{ month_column }} > {{ dbt.dateadd('month', -2 * months, latest_month_column) }}
            and {{ month_column }} <= {{ dbt.dateadd('month', -months, latest_month_column) }}
            then 'prior'
    end
{%- endmacro %}

{#- The first month of a trend period ('recent' or 'prior'), given the latest month of the data. -#}
{% macro trend_period_start(period, latest_month_column) -%}
    {%- set months = var('trend_period_months') | int -%}
    {%- set back = months - 1 if period == 'recent' else 2 * months - 1 -%}
    cast({{ dbt.dateadd('month', -back, latest_month_column) }} as date)
{%- endmacro %}

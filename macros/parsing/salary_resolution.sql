{#- How a job-board observation's published pay becomes one salary: structured fields win over the
    free text, each filled in from the other where it is silent. Used by stg_job_board__postings
    (the latest observation) and stg_job_board__observations (every observation), over the columns
    structured_salary_{min,max,currency,period} and text_salary_{min,max,currency,period}. -#}

{#- 'structured', 'text' or null: which of the two a salary is read from. -#}
{% macro resolved_salary_source() -%}
    case
        when structured_salary_min is not null or structured_salary_max is not null then 'structured'
        when text_salary_min is not null then 'text'
    end
{%- endmacro %}

{#- The resolved salary's columns (amounts, currency, period, whether the period was assumed),
    given the column `salary_source` holding resolved_salary_source(). A select-list fragment. -#}
{% macro resolved_salary_columns(salary_source='salary_source') -%}
        case {{ salary_source }}
            when 'structured' then coalesce(structured_salary_min, structured_salary_max)
            when 'text' then text_salary_min
        end as salary_min_amount,
        case {{ salary_source }}
            when 'structured' then coalesce(structured_salary_max, structured_salary_min)
            when 'text' then text_salary_max
        end as salary_max_amount,
        case {{ salary_source }}
            when 'structured' then coalesce(structured_salary_currency, text_salary_currency)
            when 'text' then coalesce(text_salary_currency, structured_salary_currency)
        end as salary_currency_code,
        case {{ salary_source }}
            when 'structured' then coalesce(structured_salary_period, text_salary_period)
            when 'text' then coalesce(text_salary_period, structured_salary_period, 'year')
        end as salary_period,
        coalesce(
            {{ salary_source }} = 'text'
            and text_salary_period is null
            and structured_salary_period is null,
            false
        ) as is_salary_period_assumed
{%- endmacro %}

{#- Select-list fragment: the annualized US-dollar bounds of the pay in `row` (its
    salary_{min,max}_amount), joined to the currencies and salary_periods seeds under those names,
    and whether the currency and the period are known. Used by int_postings_salaries_normalized and
    int_posting_observations_classified. -#}
{% macro salary_usd_annual_bounds(row) -%}
        currencies.currency_code is not null as is_known_currency,
        salary_periods.salary_period is not null as is_known_period,
        {{ row }}.salary_min_amount
        * salary_periods.annualization_factor
        * currencies.usd_per_unit as salary_min_usd_annual,
        {{ row }}.salary_max_amount
        * salary_periods.annualization_factor
        * currencies.usd_per_unit as salary_max_usd_annual
{%- endmacro %}

{#- Why a salary cannot be used as an annual USD base salary (null: usable), over the columns
    salary_source, salary_currency_code, is_known_currency, salary_period, is_known_period,
    salary_{min,max}_amount and salary_{min,max}_usd_annual. Used by
    int_postings_salaries_normalized and int_posting_observations_classified. -#}
{% macro salary_issue_code() -%}
        case
            when salary_source is null then 'no_salary'
            when salary_currency_code is null then 'missing_currency'
            when not is_known_currency then 'unknown_currency'
            when salary_period is null or not is_known_period then 'unknown_period'
            when salary_min_amount <= 0 or salary_max_amount <= 0 then 'non_positive_amount'
            when salary_min_amount > salary_max_amount then 'min_exceeds_max'
            when
                (salary_min_usd_annual + salary_max_usd_annual) / 2.0
                < {{ var('plausible_salary_usd_annual_min') }}
                then 'below_plausible_range'
            when
                (salary_min_usd_annual + salary_max_usd_annual) / 2.0
                > {{ var('plausible_salary_usd_annual_max') }}
                then 'above_plausible_range'
        end
{%- endmacro %}

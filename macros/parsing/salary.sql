{#- Salary parsing: free text such as "$150,000 - $180,000 a year", "$150K–$180K", "$72.50/hr",
    "€70k - €90k", "₹25,00,000 - ₹35,00,000 per year", "25 LPA" or "Competitive" into amount,
    currency and period. Amounts are read only when the text names a currency or a pay period
    (so "Competitive + 401k" stays empty). A range is two numbers joined by -, – , — or "to"; a
    lone number (also "Up to $180,000") is both bounds. k/m/lakh multiply; a multiplier on the
    upper bound only ("$150-180k") applies to both. -#}

{#- One amount: digits with thousands commas and decimals, or with dot / apostrophe thousands
    separators ("90.000", "130'000"), then an optional multiplier. -#}
{% macro _salary_number_pattern() -%}
    {{ return("(\\d{1,3}(?:[.''’]\\d{3})+\\b|\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:(k|m|lpa|lakhs?)\\b)?") }}
{%- endmacro %}

{#- What joins the two amounts of a range: an optional period after the first amount ("$60/hr -
    $70/hr"), the dash or "to", and a repeated currency marker. -#}
{% macro _salary_range_joiner_pattern() -%}
    {{ return("(?:\\s*(?:[$€£₹¥]|usd|eur|gbp|inr|cad|aud|chf))?(?:\\s*(?:/|per|an|a)\\s*(?:hr|hour|yr|year|mo|month|wk|week|day|annum))?\\s*(?:-|–|—|to)\\s*(?:[a-z]{0,2}\\$|[$€£₹¥]|usd|eur|gbp|inr|cad|aud)?\\s*") }}
{%- endmacro %}

{% macro _salary_multiplier(suffix) -%}
    case {{ suffix }}
        when 'k' then 1000.0
        when 'm' then 1000000.0
        when 'lpa' then 100000.0
        when 'lakh' then 100000.0
        when 'lakhs' then 100000.0
        else 1.0
    end
{%- endmacro %}

{#- A matched amount as a number: dot / apostrophe thousands groups ("90.000") are joined up,
    otherwise commas separate thousands and a dot starts the decimals. -#}
{% macro _salary_number(text) -%}
    {{ try_cast(
        "case when " ~ regex_matches(text, "'^\\d{1,3}([.''’]\\d{3})+$'")
        ~ " then replace(replace(replace(" ~ text ~ ", '.', ''), '''', ''), '’', '')"
        ~ " else replace(" ~ text ~ ", ',', '') end",
        'double'
    ) }}
{%- endmacro %}

{#- Lowercased salary text without "401(k)", which names a pension plan, not pay. -#}
{% macro _salary_text_for_amounts(text) -%}
    {{ regex_replace_all("lower(" ~ text ~ ")", "'401\\s*\\(?k\\)?'", "' '") }}
{%- endmacro %}

{#- Whether a salary text puts a sign before an amount ("-$50,000", "$ -50k", "(−50,000)",
    "+$5,000"): a negative or signed amount is no pay, so such a text gives no amount (and the
    line is flagged salary_text_signed_amount). A dash between two amounts (also after a currency
    written behind the first: "90.000 € - 110.000 €") or after a word is a range or a separator,
    not a sign ("$150k - $180k", "DOE - $120,000"). Mirror: _SIGNED_AMOUNT_RE in
    src/job_market/generator/salary_text.py. -#}
{% macro salary_text_has_signed_amount(text) -%}
    {{ regex_matches(
        _salary_text_for_amounts(text),
        "'(^|[^0-9a-z.,''’%)\\s$€£₹¥])\\s*(?:[$€£₹¥]\\s*)?[-−+]\\s*(?:[a-z]{0,2}\\$|[$€£₹¥]|usd|eur|gbp|inr|cad|aud)?\\s*\\d'"
    ) }}
{%- endmacro %}

{% macro salary_text_has_amount(text) -%}
    (
        {{ regex_matches(_salary_text_for_amounts(text), "'\\d'") }}
        and (
            {{ salary_text_currency(text) }} is not null
            or {{ salary_period_from_text(text) }} is not null
        )
    )
{%- endmacro %}

{#- which: 'min' or 'max'. -#}
{% macro salary_text_amount(text, which) -%}
    {%- set lowered = _salary_text_for_amounts(text) -%}
    {%- set range_pattern = "'" ~ _salary_number_pattern() ~ _salary_range_joiner_pattern() ~ _salary_number_pattern() ~ "'" -%}
    {%- set single_pattern = "'" ~ _salary_number_pattern() ~ "'" -%}
    case
        when not {{ salary_text_has_amount(text) }} then null
        when {{ salary_text_has_signed_amount(text) }} then null
        when {{ regex_matches(lowered, range_pattern) }} then
        {%- if which == 'min' %}
            {{ _salary_number(regex_extract(lowered, range_pattern, 1)) }}
            * {{ _salary_multiplier("coalesce(" ~ regex_extract(lowered, range_pattern, 2) ~ ", " ~ regex_extract(lowered, range_pattern, 4) ~ ")") }}
        {%- else %}
            {{ _salary_number(regex_extract(lowered, range_pattern, 3)) }}
            * {{ _salary_multiplier(regex_extract(lowered, range_pattern, 4)) }}
        {%- endif %}
        else
            {{ _salary_number(regex_extract(lowered, single_pattern, 1)) }}
            * {{ _salary_multiplier(regex_extract(lowered, single_pattern, 2)) }}
    end
{%- endmacro %}

{#- ISO code named by symbol or code. Prefixed dollars first: CA$ / C$ is CAD, A$ / AU$ AUD, S$ SGD. -#}
{% macro salary_text_currency(text) -%}
    {%- set lowered = "lower(" ~ text ~ ")" -%}
    case
        when {{ regex_matches(lowered, "'(\\bca\\$|\\bc\\$|\\bcad)'") }} then 'CAD'
        when {{ regex_matches(lowered, "'(\\bau\\$|\\ba\\$|\\baud)'") }} then 'AUD'
        when {{ regex_matches(lowered, "'(\\bs\\$|\\bsgd)'") }} then 'SGD'
        when {{ regex_matches(lowered, "'(€|\\beur)'") }} then 'EUR'
        when {{ regex_matches(lowered, "'(£|\\bgbp)'") }} then 'GBP'
        when {{ regex_matches(lowered, "'(₹|\\binr|\\brs\\.?\\s|\\blpa\\b|\\blakhs?\\b)'") }} then 'INR'
        when {{ regex_matches(lowered, "'(¥|\\bjpy\\b)'") }} then 'JPY'
        when {{ regex_matches(lowered, "'(\\$|\\busd)'") }} then 'USD'
        else upper({{ regex_extract(text, "'\\b([A-Z]{3})\\b'", 1) }})
    end
{%- endmacro %}

{#- Canonical period (hour, day, week, month, year) named in a text; null when none is named.
    When several are named the longest wins ("$150,000 a year (about $72/hr)" is yearly). -#}
{% macro salary_period_from_text(text) -%}
    {%- set lowered = "lower(" ~ text ~ ")" -%}
    case
        when {{ regex_matches(lowered, "'(\\byears?\\b|\\byearly\\b|\\bannual(ly)?\\b|\\bannum\\b|\\bp\\.?a\\.?(\\s|$)|/\\s*yr\\b|\\byr\\b|\\blpa\\b|\\bpor a(n|ñ)o\\b|\\banual\\b|\\bpro jahr\\b|\\bj(a|ä)hrlich\\b|\\bpar an\\b)'") }} then 'year'
        when {{ regex_matches(lowered, "'(\\bmonths?\\b|\\bmonthly\\b|/\\s*mo\\b|\\bmth\\b|\\bm(e|ê)s\\b|\\bmensal\\b|\\bmensual\\b|\\bmonatlich\\b|\\bpro monat\\b|\\bpar mois\\b)'") }} then 'month'
        when {{ regex_matches(lowered, "'(\\bweeks?\\b|\\bweekly\\b|/\\s*wk\\b)'") }} then 'week'
        when {{ regex_matches(lowered, "'(\\bdays?\\b|\\bdaily\\b)'") }} then 'day'
        when {{ regex_matches(lowered, "'(\\bhours?\\b|\\bhourly\\b|/\\s*hr\\b|\\bhrs?\\b|/\\s*h\\b|\\bph\\b)'") }} then 'hour'
    end
{%- endmacro %}

{#- Structured period field (hour/hourly/hr/per hour, annual/yearly/per annum/...) to the canonical
    period; a value that names no known period stays null (and the salary is then flagged). -#}
{% macro salary_period_from_field(field) -%}
    case
        when nullif(trim({{ field }}), '') is null then null
        else {{ salary_period_from_text(field) }}
    end
{%- endmacro %}

{#- Seeds on Spark. dbt-spark 1.11.0's session method fills the seed's insert with its bindings as
    '<value>' without escaping anything: a quote in a value ("Cote d'Ivoire") breaks the statement,
    a backslash is read as an escape, and an empty cell becomes the text 'None'. This override of
    dbt's load_csv_rows (found before dbt-spark's: the root project comes first in the dbt
    namespace) writes every value as a literal instead (sql_string_literal for text, null for an
    empty cell), with dbt-spark's casts to the column types. Only Spark targets use it. -#}
{% macro spark__load_csv_rows(model, agate_table) -%}
    {%- set batch_size = get_batch_size() -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do column_types.append(column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))) -%}
    {%- endfor -%}
    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(batch_size) -%}
        {%- set sql -%}
            insert into {{ this.render() }} values
            {% for row in chunk -%}
                ({%- for value in row -%}
                    cast({{ spark_seed_value(value) }} as {{ column_types[loop.index0] }})
                    {%- if not loop.last %},{% endif -%}
                {%- endfor -%})
                {%- if not loop.last %},{% endif %}
            {% endfor %}
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(statements[0] if statements else '') }}
{%- endmacro %}

{#- A seed cell as a Spark SQL literal: null, true / false, a number as written, else text. -#}
{% macro spark_seed_value(value) -%}
    {%- if value is none -%}
        null
    {%- elif value is sameas true or value is sameas false -%}
        {{ 'true' if value else 'false' }}
    {%- elif value is number -%}
        {{ value }}
    {%- else -%}
        {{ sql_string_literal(value) }}
    {%- endif -%}
{%- endmacro %}

{#- JSON. A raw line is parsed once into a struct of the named fields; the kind of a JSON value
    is reported in one engine-neutral vocabulary: object, array, string, number, boolean, null
    (SQL null when the text is not JSON at all). -#}

{#- The JSON text as a struct with one member per (name, type) pair of `fields`, type 'varchar'
    (a string value as is, any other value as its JSON text, numbers as their digits) or 'json'
    (the value's JSON text, for callers that check its kind). Keys match case-sensitively; keys
    not named are ignored; an absent key or a JSON null gives null. Null when the text is not
    JSON; a JSON value that is not an object gives a struct of nulls. Field names and types are
    the model's constants, never data. -#}
{% macro json_parse_object(json_text, fields) -%}
    {{ return(adapter.dispatch('json_parse_object', 'job_market_warehouse')(json_text, fields)) }}
{%- endmacro %}

{% macro default__json_parse_object(json_text, fields) -%}
    {%- set members = [] -%}
    {%- for name, type in fields -%}
        {%- do members.append('"' ~ name ~ '": "' ~ (type | upper) ~ '"') -%}
    {%- endfor -%}
    try(from_json({{ json_text }}, '{{ "{" ~ members | join(", ") ~ "}" }}'))
{%- endmacro %}

{#- Spark: from_json into a struct, 'varchar' members as string, 'json' members as variant turned
    back into JSON text (to_json), so json_value_kind and json_scalar_text read them as DuckDB's.
    Null when the text is not JSON or no object (_corrupt_record is set; DuckDB gives a struct of
    nulls for the latter, judged the same by the observations model). Spark's parser also takes
    text after the object ('{"a": 1} x'): a text whose last character (white space aside) is not
    the object's `}` is no JSON object here either (text after it that ends in `}` still passes).
    A JSON null member gives null, as on DuckDB (to_json would give 'null'). Spark keeps the last
    value of a key named twice, DuckDB the first (both flag the line duplicate_json_keys). -#}
{% macro spark__json_parse_object(json_text, fields) -%}
    {%- set members = [] -%}
    {%- for name, type in fields -%}
        {%- do members.append('`' ~ name ~ '`: ' ~ ('variant' if type == 'json' else 'string')) -%}
    {%- endfor -%}
    {%- set parsed = "from_json(" ~ json_text ~ ", 'struct<" ~ members | join(', ') ~ ", _corrupt_record: string>')" -%}
    {%- set ends_as_object = "endswith(rtrim(translate(" ~ json_text ~ ", concat(chr(9), chr(10), chr(13)), '   ')), '}')" -%}
    {#- the parsed struct is bound once (a one-element array's lambda), not written out per member:
        the view's text stays short (the Hive metastore keeps at most 32,700 characters of it) -#}
    element_at(transform(array({{ parsed }}), parsed_json -> case
        when parsed_json._corrupt_record is null and {{ ends_as_object }} then named_struct(
            {%- for name, type in fields %}
            {%- set member = 'parsed_json.`' ~ name ~ '`' %}
            '{{ name }}', {{ 'case when not is_variant_null(' ~ member ~ ') then to_json(' ~ member ~ ') end' if type == 'json' else member }}{{ "," if not loop.last }}
            {%- endfor %}
        )
    end), 1)
{%- endmacro %}

{#- Kind of a JSON text: object, array, string, number, boolean, null; SQL null when not JSON. -#}
{% macro json_value_kind(json_text) -%}
    {{ return(adapter.dispatch('json_value_kind', 'job_market_warehouse')(json_text)) }}
{%- endmacro %}

{% macro default__json_value_kind(json_text) -%}
    case try(json_type({{ json_text }}))
        when 'OBJECT' then 'object'
        when 'ARRAY' then 'array'
        when 'VARCHAR' then 'string'
        when 'BOOLEAN' then 'boolean'
        when 'NULL' then 'null'
        when 'BIGINT' then 'number'
        when 'UBIGINT' then 'number'
        when 'HUGEINT' then 'number'
        when 'DOUBLE' then 'number'
    end
{%- endmacro %}

{#- Spark: the kind from schema_of_variant of try_parse_json (null when not JSON). Needs
    spark.sql.variant.allowDuplicateKeys (profile), else {"a": 1, "a": 2} is no JSON. -#}
{% macro spark__json_value_kind(json_text) -%}
    {%- set trimmed = "rtrim(translate(" ~ json_text ~ ", concat(chr(9), chr(10), chr(13)), '   '))" -%}
    {#- the schema is bound once (a one-element array's lambda); an object or array followed by
        more text (which Spark's parser takes) is no JSON, as on DuckDB -#}
    element_at(transform(array(schema_of_variant(try_parse_json({{ json_text }}))), json_schema -> case
        when json_schema like 'OBJECT%' then case when endswith({{ trimmed }}, '}') then 'object' end
        when json_schema like 'ARRAY%' then case when endswith({{ trimmed }}, ']') then 'array' end
        when json_schema = 'STRING' then 'string'
        when json_schema = 'BOOLEAN' then 'boolean'
        when json_schema = 'VOID' then 'null'
        when json_schema is not null then 'number'
    end), 1)
{%- endmacro %}

{#- A JSON scalar as text: a string unquoted and unescaped, a number as its digits. -#}
{% macro json_scalar_text(json_text) -%}
    {{ return(adapter.dispatch('json_scalar_text', 'job_market_warehouse')(json_text)) }}
{%- endmacro %}

{% macro default__json_scalar_text(json_text) -%}
    ({{ json_text }} ->> '$')
{%- endmacro %}

{% macro spark__json_scalar_text(json_text) -%}
    get_json_object({{ json_text }}, '$')
{%- endmacro %}

{#- The keys of a JSON object's top level as a list of strings, in order, a key named twice listed
    twice ({"a": 1, "a": 2} gives [a, a]: readers disagree on which value counts; DuckDB's
    from_json keeps the first). Call it only on text that parses as a JSON object: other JSON
    gives an empty list, text that is not JSON an error. -#}
{% macro json_top_level_keys(json_text) -%}
    {{ return(adapter.dispatch('json_top_level_keys', 'job_market_warehouse')(json_text)) }}
{%- endmacro %}

{% macro default__json_top_level_keys(json_text) -%}
    json_keys({{ json_text }})
{%- endmacro %}

{#- Spark: json_object_keys is null for JSON that is no object; an empty list, as on DuckDB. -#}
{% macro spark__json_top_level_keys(json_text) -%}
    coalesce(json_object_keys({{ json_text }}), array())
{%- endmacro %}

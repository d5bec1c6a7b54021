{#- Proposed spark__ bodies for the project's dispatched macros (docs/spark_port.md), NOT part of
    the project: docs/spark_port/shim_copy.py copies this file into a scratch copy of the project
    (macros/spark_shim.sql) to measure what they make work; the constructs they use were first
    tried alone in a PySpark 4.3.0 session (docs/spark_port/probes.sql, probes.out). Spark SQL with
    dbt-spark's defaults: ANSI mode off, string literals read backslash escapes, session time zone
    UTC (profile). -#}

{#- --- helpers ------------------------------------------------------------------------------- -#}

{#- A pattern or text argument written as one DuckDB literal ('...', quotes doubled, backslashes
    raw) re-written as a Spark literal (backslashes doubled); any other SQL expression unchanged. -#}
{% macro spark_literal(sql) -%}
    {%- set text = sql | string | trim -%}
    {%- if text | length >= 2 and text[0] == "'" and text[-1] == "'" and "'" not in (text[1:-1] | replace("''", "")) -%}
        {{- sql_string_literal(text[1:-1] | replace("''", "'")) -}}
    {%- else -%}
        {{- sql -}}
    {%- endif -%}
{%- endmacro %}

{#- --- casts.sql ----------------------------------------------------------------------------- -#}

{#- Spark's cast reads an ISO-8601 offset and converts to the session time zone (UTC in the
    profile); no offset means the session time zone. timestamp is Spark's zoned (LTZ) type. -#}
{% macro spark__to_utc_timestamp(expression) -%}
    try_cast(trim({{ expression }}) as timestamp)
{%- endmacro %}

{#- No strip_accents in Spark: translate() with every Latin letter DuckDB's strip_accents folds
    to one letter (U+00C0-U+024F, U+1E00-U+1EFF, generated with DuckDB) and combining marks
    (U+0300-U+036F) deleted. -#}
{% macro spark__fold_accents(expression) -%}
    translate({{ expression }}, 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǢǣǦǧǨǩǪǫǬǭǮǯǰǴǵǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ̴̵̶̷̸̡̢̧̨̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡', 'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaÆæGgKkOoOoƷʒjGgNnAaÆæØøAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyſAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy')
{%- endmacro %}

{#- --- flags.sql ----------------------------------------------------------------------------- -#}

{% macro spark__issue_codes(checks) -%}
    filter(
        array(
            {%- for condition, code in checks %}
            case when {{ condition }} then '{{ code }}' end{{ "," if not loop.last }}
            {%- endfor %}
        ),
        issue_code -> issue_code is not null
    )
{%- endmacro %}

{% macro spark__list_has(list, value) -%}
    array_contains({{ list }}, {{ value }})
{%- endmacro %}

{% macro spark__finite_or_null(expression) -%}
    case when not isnan({{ expression }}) and abs({{ expression }}) <> double('Infinity') then {{ expression }} end
{%- endmacro %}

{% macro spark__has_non_ascii(expression) -%}
    (octet_length({{ expression }}) <> length({{ expression }}))
{%- endmacro %}

{#- --- json.sql ------------------------------------------------------------------------------ -#}

{#- from_json into a struct: 'varchar' members as string (a string as is, other values as their
    JSON text), 'json' members as variant, turned into JSON text with to_json so json_value_kind
    and json_scalar_text read them like the raw line. Not JSON at all, and JSON that is no object,
    give null (the _corrupt_record member is set); DuckDB gives a struct of nulls for the latter,
    which the observations model judges the same way. Differences: Spark's parser takes trailing
    text after the object ('{"a": 1} x'), and of a key named twice keeps the last value. -#}
{% macro spark__json_parse_object(json_text, fields) -%}
    {%- set members = [] -%}
    {%- for name, type in fields -%}
        {%- do members.append('`' ~ name ~ '`: ' ~ ('variant' if type == 'json' else 'string')) -%}
    {%- endfor -%}
    {%- set parsed = "from_json(" ~ json_text ~ ", 'struct<" ~ members | join(', ') ~ ", _corrupt_record: string>')" -%}
    case when {{ parsed }}._corrupt_record is null then named_struct(
        {%- for name, type in fields %}
        '{{ name }}', {{ 'to_json(' ~ parsed ~ '.`' ~ name ~ '`)' if type == 'json' else parsed ~ '.`' ~ name ~ '`' }}{{ "," if not loop.last }}
        {%- endfor %}
    ) end
{%- endmacro %}

{#- try_parse_json needs spark.sql.variant.allowDuplicateKeys=true to read {"a": 1, "a": 2}. -#}
{% macro spark__json_value_kind(json_text) -%}
    case
        when try_parse_json({{ json_text }}) is null then null
        when schema_of_variant(try_parse_json({{ json_text }})) like 'OBJECT%' then 'object'
        when schema_of_variant(try_parse_json({{ json_text }})) like 'ARRAY%' then 'array'
        when schema_of_variant(try_parse_json({{ json_text }})) = 'STRING' then 'string'
        when schema_of_variant(try_parse_json({{ json_text }})) = 'BOOLEAN' then 'boolean'
        when schema_of_variant(try_parse_json({{ json_text }})) = 'VOID' then 'null'
        else 'number'
    end
{%- endmacro %}

{% macro spark__json_scalar_text(json_text) -%}
    get_json_object({{ json_text }}, '$')
{%- endmacro %}

{#- json_object_keys is null for a non-object; size(null) is -1 with ANSI off: false, as asked. -#}
{% macro spark__json_has_duplicate_keys(json_text) -%}
    (size(json_object_keys({{ json_text }})) > size(array_distinct(json_object_keys({{ json_text }}))))
{%- endmacro %}

{#- --- lists.sql ----------------------------------------------------------------------------- -#}

{#- size(null) is -1 with ANSI off; DuckDB's len(null) is null. -#}
{% macro spark__list_length(list) -%}
    case when {{ list }} is not null then size({{ list }}) end
{%- endmacro %}

{% macro spark__list_slice(list, start, length) -%}
    slice({{ list }}, {{ start }}, {{ length }})
{%- endmacro %}

{% macro spark__list_join(list, separator) -%}
    array_join({{ list }}, {{ separator }})
{%- endmacro %}

{#- One generator per select in Spark: inline() of (element, 1-based position) structs. -#}
{% macro spark__unnest_with_position(list, value_alias, position_alias) -%}
    inline(transform({{ list }}, (element, position0) -> named_struct(
        '{{ value_alias }}', element, '{{ position_alias }}', position0 + 1
    )))
{%- endmacro %}

{% macro spark__unnest_list(list, value_alias) -%}
    explode({{ list }}) as {{ value_alias }}
{%- endmacro %}

{% macro spark__json_to_string_list(json_value) -%}
    filter(
        transform(
            case {{ json_value_kind(json_value) }}
                when 'array' then from_json({{ json_value }}, 'array<string>')
                when 'string' then split(get_json_object({{ json_value }}, '$'), ',')
            end,
            tag -> trim(tag)
        ),
        tag -> tag is not null and tag <> ''
    )
{%- endmacro %}

{% macro spark__list_element(list, index) -%}
    element_at({{ list }}, {{ index }})
{%- endmacro %}

{% macro spark__type_string_list() -%}
    array<string>
{%- endmacro %}

{#- Each row: the 1-based position and the `width` tokens from there (element_at past the end is
    null with ANSI off), from one generator over the list; linear in the list's length. -#}
{% macro spark__unnest_token_windows(list, width, position_alias, element_prefix) -%}
    inline(transform({{ list }}, (token, position0) -> named_struct(
        '{{ position_alias }}', position0 + 1,
        '{{ element_prefix }}1', token
        {%- for shift in range(2, (width | int) + 1) %},
        '{{ element_prefix }}{{ shift }}', element_at({{ list }}, position0 + {{ shift }})
        {%- endfor %}
    )))
{%- endmacro %}

{#- --- regex.sql: Java regular expressions; literals re-written for Spark's escapes ---------- -#}

{% macro spark__regex_matches(string, pattern) -%}
    regexp_like({{ string }}, {{ spark_literal(pattern) }})
{%- endmacro %}

{% macro spark__regex_extract(string, pattern, group=0) -%}
    nullif(regexp_extract({{ string }}, {{ spark_literal(pattern) }}, {{ group }}), '')
{%- endmacro %}

{#- The group is always passed: Spark's default group is 1, DuckDB's 0. -#}
{% macro spark__regex_extract_all(string, pattern, group=0) -%}
    regexp_extract_all({{ string }}, {{ spark_literal(pattern) }}, {{ group }})
{%- endmacro %}

{#- Java replacement strings: a group is $1 (DuckDB \1), a literal $ is \$. -#}
{% macro spark__regex_replace_all(string, pattern, replacement) -%}
    {%- set text = replacement | string | trim -%}
    {%- if text | length >= 2 and text[0] == "'" and text[-1] == "'" and "'" not in (text[1:-1] | replace("''", "")) -%}
        {%- set value = modules.re.sub('\\\\([0-9])', '$\\1', (text[1:-1] | replace("''", "'")) | replace('$', '\\$')) -%}
        {%- set replacement = sql_string_literal(value) -%}
    {%- endif -%}
    regexp_replace({{ string }}, {{ spark_literal(pattern) }}, {{ replacement }})
{%- endmacro %}

{#- --- fingerprints.sql ---------------------------------------------------------------------- -#}

{% macro spark__relation_fingerprint(relation) -%}
    (
        select coalesce(array_join(array_sort(collect_list(md5(to_json(struct(*))))), ''), '')
        from {{ relation }}
    )
{%- endmacro %}

{#- --- files.sql ----------------------------------------------------------------------------- -#}

{#- No session setting for scan order in Spark: line numbers come from the text source's
    _metadata (see docs/spark_port.md), so no statement. -#}
{% macro spark__job_board_scan_order_hook(phase) -%}
{%- endmacro %}

{% macro spark__content_hash(expression) -%}
    xxhash64({{ expression }})
{%- endmacro %}

{#- --- dbt's own macros with a Spark body the project needs otherwise ------------------------ -#}

{#- dbt-spark ignores listagg's order (with a warning); Spark 4 has listagg ... within group. -#}
{% macro spark__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
    listagg({{ measure }}, {{ delimiter_text }})
    {%- if order_by_clause %} within group ({{ order_by_clause }}){% endif %}
{%- endmacro %}

{#- Reading landed files. Paths are data (they come from the environment and the file system):
    they reach SQL only as string literals built by sql_string_literal, never pasted. -#}

{#- A string literal for any text: single quotes doubled (DuckDB and ANSI rule). -#}
{% macro sql_string_literal(value) -%}
    {{ return(adapter.dispatch('sql_string_literal', 'job_market_warehouse')(value)) }}
{%- endmacro %}

{% macro default__sql_string_literal(value) -%}
    '{{ value | string | replace("'", "''") }}'
{%- endmacro %}

{#- Spark: its parser reads backslash escapes in string literals ('\d' is 'd'), so backslashes
    are doubled too; a doubled single quote is one quote, as in ANSI. -#}
{% macro spark__sql_string_literal(value) -%}
    '{{ value | string | replace('\\', '\\\\') | replace("'", "''") }}'
{%- endmacro %}

{#- A relation of the lines of text files (plain or gzip, by extension), in the order of `paths`
    and, within a file, in file order: columns raw_line (null for an empty line, a leading UTF-8
    BOM and the CR of CRLF removed) and source_file; no row at all for an empty list. Lines the reader rejects (not UTF-8, longer
    than max_line_bytes, holding a NUL byte) are skipped here; base_job_board__posting_files
    lists them. Reading in file order needs the session to preserve insertion order (see
    job_board_scan_order_hook). -#}
{% macro read_text_lines(paths, max_line_bytes) -%}
    {{ return(adapter.dispatch('read_text_lines', 'job_market_warehouse')(paths, max_line_bytes)) }}
{%- endmacro %}

{% macro default__read_text_lines(paths, max_line_bytes) -%}
    {%- if paths | length == 0 -%}
    (select cast(null as varchar) as source_file, cast(null as varchar) as raw_line where false)
    {%- else -%}
    (
        select
            filename as source_file,
            raw_line
        from read_csv(
            [
                {%- for path in paths %}
                {{ sql_string_literal(path) }}{{ "," if not loop.last }}
                {%- endfor %}
            ],
            columns = {'raw_line': 'VARCHAR'},
            delim = chr(0),
            quote = '',
            escape = '',
            header = false,
            auto_detect = false,
            filename = true,
            ignore_errors = true,
            max_line_size = {{ max_line_bytes | int }}
        )
    )
    {%- endif -%}
{%- endmacro %}

{#- Hook statement making the session read files in order (begin) and restoring the profile's
    setting afterwards (end): line numbers are counted in scan order. -#}
{% macro job_board_scan_order_hook(phase) -%}
    {{ return(adapter.dispatch('job_board_scan_order_hook', 'job_market_warehouse')(phase)) }}
{%- endmacro %}

{% macro default__job_board_scan_order_hook(phase) -%}
    {%- if phase == 'begin' -%}
        set session preserve_insertion_order = true
    {%- else -%}
        reset session preserve_insertion_order
    {%- endif -%}
{%- endmacro %}

{#- Spark has no such setting; its line numbers are to come from the text source's _metadata
    (docs/spark_port.md): no statement. -#}
{% macro spark__job_board_scan_order_hook(phase) -%}
{%- endmacro %}

{#- Hook statement for the observations table, which keeps every raw line's cleaned text: on DuckDB,
    write it with ZSTD (begin) and give the choice back to DuckDB afterwards (end). DuckDB's default
    for long text, DICT_FSST, cost 21 s to write the 1.3M observations of the 1M benchmark and
    1,256 MiB; ZSTD took 5 s and 234 MiB. Generated text flatters ZSTD: on real prose and code it
    wrote ~1.8x faster and ~2.3x smaller, but scanned ~2x slower (bench/NOTES.md).
    The setting is global to the DuckDB instance: a table another thread writes meanwhile is
    ZSTD-compressed too (compression never changes values). It applies to what is written while
    it holds: a full load's row groups. A small incremental append is written at DuckDB's next
    checkpoint, after the reset, with the default codec. Other engines choose their own codecs:
    no statement (dbt skips an empty hook). -#}
{% macro job_board_observations_storage_hook(phase) -%}
    {{ return(adapter.dispatch('job_board_observations_storage_hook', 'job_market_warehouse')(phase)) }}
{%- endmacro %}

{% macro default__job_board_observations_storage_hook(phase) -%}
{%- endmacro %}

{% macro duckdb__job_board_observations_storage_hook(phase) -%}
    {%- if phase == 'begin' -%}
        set force_compression = 'zstd'
    {%- else -%}
        reset force_compression
    {%- endif -%}
{%- endmacro %}

{#- A fast, non-cryptographic 64-bit hash of a text, to tell identical observations apart. -#}
{% macro content_hash(expression) -%}
    {{ return(adapter.dispatch('content_hash', 'job_market_warehouse')(expression)) }}
{%- endmacro %}

{% macro default__content_hash(expression) -%}
    hash({{ expression }})
{%- endmacro %}

{#- Spark's hash() is a 32-bit murmur3: xxhash64 keeps 64 bits, like DuckDB's hash. -#}
{% macro spark__content_hash(expression) -%}
    xxhash64({{ expression }})
{%- endmacro %}

{#- `column in ('a', 'b', ...)` for a list of texts (escaped literals); false for an empty list,
    true when `values` is none (no restriction). -#}
{% macro sql_in_strings(column, values) -%}
    {%- if values is none -%}
        true
    {%- elif values | length == 0 -%}
        false
    {%- else -%}
        {{ column }} in ({% for value in values %}{{ sql_string_literal(value) }}{{ ', ' if not loop.last }}{% endfor %})
    {%- endif -%}
{%- endmacro %}

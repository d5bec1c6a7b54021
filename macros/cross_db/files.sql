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

{#- A relation of the lines the reader accepts in text files (plain or gzip, by extension):
    columns source_file (the path as given), accepted_position (1-based, among the file's accepted
    lines, in file order) and raw_line (null for an empty line; a leading UTF-8 BOM and the CR of
    CRLF removed); no row at all for an empty list. Lines the reader rejects (not UTF-8, longer
    than max_line_bytes, holding a NUL byte) are skipped here; base_job_board__posting_files lists
    them. `texts_relation` is what an engine without a line reader splits (filename, file_text);
    DuckDB reads `paths` itself. -#}
{% macro read_text_lines(paths, max_line_bytes, texts_relation=none) -%}
    {{ return(adapter.dispatch('read_text_lines', 'job_market_warehouse')(paths, max_line_bytes, texts_relation)) }}
{%- endmacro %}

{#- DuckDB: one read_csv over all paths, one column per line (NUL as delimiter, no quoting). The
    session reads files whole and in order (job_board_scan_order_hook), so a file's lines are one
    run of the scan: numbered from the scan position of its first line. -#}
{% macro default__read_text_lines(paths, max_line_bytes, texts_relation=none) -%}
    {%- if paths | length == 0 -%}
    (select cast(null as varchar) as source_file, cast(null as bigint) as accepted_position, cast(null as varchar) as raw_line where false)
    {%- else -%}
    (
        select
            source_file,
            scan_position - min(scan_position) over (partition by source_file) + 1 as accepted_position,
            raw_line
        from (
            select
                filename as source_file,
                raw_line,
                row_number() over () as scan_position
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
        ) as scanned_lines
    )
    {%- endif -%}
{%- endmacro %}

{#- Spark: the accepted lines of text_file_lines over the whole-file texts, numbered among
    themselves. -#}
{% macro spark__read_text_lines(paths, max_line_bytes, texts_relation=none) -%}
    (
        select
            filename as source_file,
            row_number() over (partition by filename order by line_number) as accepted_position,
            raw_line
        from {{ text_file_lines(texts_relation, max_line_bytes) }} as file_lines
        where
            reject_reason is null
            and {{ sql_in_strings('filename', paths) }}
    )
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

{#- Spark has no such setting, and needs none: it reads each file whole (text_file_lines), so
    line numbers are positions in the file's text. No statement. -#}
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

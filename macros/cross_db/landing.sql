{#- The landed raw files as relations the SQL loader reads (issue #17). On DuckDB the landing check
    is job_market.landing (the Python model base_job_board__posting_files) and the source
    posting_files is dbt-duckdb's read_blob over the glob: no statement here. On Spark the pre-hooks
    of the Spark model base_job_board__posting_files create them over the glob, as external tables
    (dropping one never touches the files) and views in the schema `raw`:
    raw.posting_files (filename, size, last_modified: one row per file Spark lists) and
    raw.posting_file_texts (filename, file_text: one row per file Spark can read, whole, gzip
    decompressed by its .gz name; a file it cannot read is skipped, not an error). -#}

{#- The hook statements, in order: a list (empty on DuckDB). -#}
{% macro job_board_raw_relations_hooks(raw_glob) -%}
    {{ return(adapter.dispatch('job_board_raw_relations_hooks', 'job_market_warehouse')(raw_glob)) }}
{%- endmacro %}

{% macro default__job_board_raw_relations_hooks(raw_glob) -%}
    {{ return([]) }}
{%- endmacro %}

{#- Spark's own listing: binaryFile (path, length, modificationTime; the content is read only when
    selected) and text with wholetext (one row per file, so lines keep their order and a lone CR
    stays data). ignoreCorruptFiles: a file that is not gzip though named .gz, or a truncated one,
    is left out of the texts instead of failing the build (the model names it unreadable). Names
    starting with `.` are skipped (as Python's glob does); Spark's default also skipped `_`. Paths
    come back as `file:` URIs; `filename` gives them as the glob matched them (a relative glob:
    relative to the driver's working directory, where dbt runs). -#}
{% macro spark__job_board_raw_relations_hooks(raw_glob) -%}
    {%- set is_relative = not raw_glob.startswith('/') and ':' not in raw_glob.split('/')[0] -%}
    {%- set uri_prefix = "'file:'" if not is_relative else
        "concat('file:', reflect('java.lang.System', 'getProperty', 'user.dir'), '/')" -%}
    {%- set filename -%}
        substr(listing.path, length({{ uri_prefix }}) + 1)
    {%- endset -%}
    {%- set create_listing = "create table raw.posting_file_listing using binaryFile options (path {path}, ignoredPathSegmentRegex '^[.]')" -%}
    {%- set create_reader = "create table raw.posting_file_reader using text options (path {path}, ignoredPathSegmentRegex '^[.]', wholetext 'true', ignoreCorruptFiles 'true')" -%}
    {%- set hooks = [
        "create schema if not exists raw",
        "drop view if exists raw.posting_file_texts",
        "drop view if exists raw.posting_files",
        "drop table if exists raw.posting_file_listing",
        "drop table if exists raw.posting_file_reader",
    ] -%}
    {%- if not is_relative -%}
        {%- do hooks.append(create_listing | replace('{path}', sql_string_literal(raw_glob))) -%}
        {%- do hooks.append(create_reader | replace('{path}', sql_string_literal(raw_glob))) -%}
    {%- else -%}
        {#- a table's relative path is read against the schema's folder (raw.db/), not the working
            directory: the glob is made absolute against the driver's working directory (where
            dbt runs, as DuckDB reads it) and the statement run from a session variable -#}
        {%- set absolute_path = "concat(reflect('java.lang.System', 'getProperty', 'user.dir'), '/', " ~ sql_string_literal(raw_glob) ~ ")" -%}
        {%- set quoted_path = "concat(chr(39), replace(replace(" ~ absolute_path ~ ", chr(92), repeat(chr(92), 2)), chr(39), repeat(chr(39), 2)), chr(39))" -%}
        {%- for statement in [create_listing, create_reader] -%}
            {%- set parts = statement.split('{path}') -%}
            {%- do hooks.append("declare or replace variable job_board_raw_ddl string default concat("
                ~ sql_string_literal(parts[0]) ~ ", " ~ quoted_path ~ ", " ~ sql_string_literal(parts[1]) ~ ")") -%}
            {%- do hooks.append("execute immediate job_board_raw_ddl") -%}
        {%- endfor -%}
    {%- endif -%}
    {%- do hooks.append(
        "create view raw.posting_files as select " ~ filename ~ " as filename, listing.length as size,"
        ~ " listing.modificationTime as last_modified, listing._metadata.file_path as file_uri"
        ~ " from raw.posting_file_listing as listing"
    ) -%}
    {%- do hooks.append(
        "create view raw.posting_file_texts as select " ~ filename ~ " as filename,"
        ~ " reader.value as file_text from raw.posting_file_reader as reader"
        ~ " inner join raw.posting_file_listing as listing"
        ~ " on reader._metadata.file_path = listing._metadata.file_path"
    ) -%}
    {{ return(hooks) }}
{%- endmacro %}

{#- A relation of every line of the files in `texts_relation` (columns filename, file_text):
    filename, line_number (1-based, as an editor counts), raw_line (the text; null for an empty
    line or a rejected one) and reject_reason (invalid_encoding, line_too_long, nul_byte; null for
    an accepted line). Lines end at LF; a CR right before an LF is dropped, any other CR is data; a
    leading UTF-8 BOM is dropped: the rules of job_market.landing. Only Spark reads lines this
    way; DuckDB's landing check reads them with read_csv (read_text_lines) and job_market.landing. -#}
{% macro text_file_lines(texts_relation, max_line_bytes) -%}
    {{ return(adapter.dispatch('text_file_lines', 'job_market_warehouse')(texts_relation, max_line_bytes)) }}
{%- endmacro %}

{#- Not used on DuckDB (the Spark model that calls it is disabled there, but dbt still parses it):
    an error when run. -#}
{% macro default__text_file_lines(texts_relation, max_line_bytes) -%}
    {%- if execute -%}
        {{ exceptions.raise_compiler_error(
            "text_file_lines: on " ~ target.type ~ " the landing check is job_market.landing (base_job_board__posting_files.py)"
        ) }}
    {%- endif -%}
    (select cast(null as string) as filename, cast(null as bigint) as line_number, cast(null as string) as raw_line, cast(null as string) as reject_reason where false)
{%- endmacro %}

{#- Spark: split on LF. A text that is not valid UTF-8 is split on its bytes instead (as spaced hex
    pairs, each line turned back into bytes): `split` goes through Java strings and would replace
    the bad bytes with U+FFFD, hiding them from is_valid_utf8. -#}
{% macro spark__text_file_lines(texts_relation, max_line_bytes) -%}
    (
        select
            filename,
            line_number,
            case when reject_reason is null and line_text <> '' then line_text end as raw_line,
            reject_reason
        from (
            select
                filename,
                line_number,
                line_text,
                -- in job_market.landing's order (a line with several faults gets the first)
                case
                    when octet_length(line_text) > {{ max_line_bytes | int }} then 'line_too_long'
                    when instr(line_text, chr(0)) > 0 then 'nul_byte'
                    when not is_valid_utf8(line_text) then 'invalid_encoding'
                end as reject_reason
            from (
                select
                    filename,
                    cast(piece_position as bigint) + 1 as line_number,
                    case
                        when piece_position = 0 and startswith(piece, cast(x'EFBBBF' as string))
                            then substr(ended_piece, 2)
                        else ended_piece
                    end as line_text
                from (
                    select
                        filename,
                        piece_position,
                        piece,
                        piece_count,
                        case
                            when piece_position < piece_count - 1 and endswith(piece, chr(13))
                                then substr(piece, 1, length(piece) - 1)
                            else piece
                        end as ended_piece
                    from (
                        select
                            filename,
                            size(pieces) as piece_count,
                            posexplode(pieces) as (piece_position, piece)
                        from (
                            select
                                filename,
                                case
                                    when is_valid_utf8(file_text) then split(file_text, chr(10), -1)
                                    else transform(
                                        split(regexp_replace(hex(cast(file_text as binary)), '(..)', ' $1'), ' 0A', -1),
                                        hex_piece -> cast(unhex(replace(hex_piece, ' ', '')) as string)
                                    )
                                end as pieces
                            from {{ texts_relation }}
                        ) as split_texts
                    ) as exploded
                ) as ended
                -- the piece after the last LF is a line only when it holds something
                where not (piece_position = piece_count - 1 and piece = '')
            ) as lines
        ) as judged
    )
{%- endmacro %}

{#- Aggregate: the rows' (key_column, value_column) pairs as a list of structs with those field
    names, sorted by key_column. -#}
{% macro sorted_struct_list(key_column, value_column) -%}
    {{ return(adapter.dispatch('sorted_struct_list', 'job_market_warehouse')(key_column, value_column)) }}
{%- endmacro %}

{% macro default__sorted_struct_list(key_column, value_column) -%}
    list(struct_pack({{ key_column }} := {{ key_column }}, {{ value_column }} := {{ value_column }}) order by {{ key_column }})
{%- endmacro %}

{#- Spark: array_sort orders structs field by field, the key first. -#}
{% macro spark__sorted_struct_list(key_column, value_column) -%}
    array_sort(collect_list(named_struct('{{ key_column }}', {{ key_column }}, '{{ value_column }}', {{ value_column }})))
{%- endmacro %}

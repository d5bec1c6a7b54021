{#- Incremental processing of postings. Every posting row carries `staged_at`: when the current
    version of the posting was staged. An incremental model processes the postings staged after
    the newest `staged_at` it already holds (its watermark), deletes their old rows and inserts
    the new ones. A failed or skipped run leaves the watermark where it was, so the next run
    picks the postings up; reprocessing a posting twice is harmless. -#}

{% macro incremental_watermark(column='staged_at') -%}
    (select coalesce(max({{ column }}), cast('1900-01-01' as timestamp)) from {{ this }})
{%- endmacro %}

{#- Pre-hook for models with several rows per posting (posting x skill): the delete+insert
    strategy only replaces postings that still produce rows, so first delete every reprocessed
    posting (also those that now produce none). `extra_condition` forces a full reprocess (e.g. the
    skill taxonomy changed). -#}
{% macro delete_reprocessed_postings(postings_relation, extra_condition='false') -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where
            posting_key in (
                select posting_key from {{ postings_relation }}
                where staged_at > {{ incremental_watermark('staged_at') }}
            )
            or ({{ extra_condition }})
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- A fingerprint of the skill taxonomy (aliases and exclusion phrases): when it differs from the
    one an incremental model was built with, every posting is matched again. -#}
{% macro skill_taxonomy_hash() -%}
    (
        select
            md5(
                coalesce({{ dbt.listagg("alias_key || '=' || skill || ':' || cast(is_text_match_allowed as varchar)", "'|'", "order by alias_key, skill") }}, '')
                || '#'
                || coalesce((
                    select {{ dbt.listagg('phrase_key', "'|'", 'order by phrase_key') }}
                    from {{ ref('int_skill_text_exclusions_tokenized') }}
                ), '')
            )
        from {{ ref('int_skill_aliases_tokenized') }}
    )
{%- endmacro %}

{% macro skill_taxonomy_changed() -%}
    {%- if is_incremental() -%}
        (select max(taxonomy_hash) from {{ this }}) is distinct from {{ skill_taxonomy_hash() }}
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}

{#- This dbt invocation's start time (UTC) as a timestamp literal. -#}
{% macro run_timestamp() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as timestamp)
{%- endmacro %}

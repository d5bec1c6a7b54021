{#- A scalar subquery: an md5 text fingerprint of every row of a (small) relation, independent of
    row order. Used to notice that a seed or taxonomy changed since rows were computed with it. -#}
{% macro relation_fingerprint(relation) -%}
    {{ return(adapter.dispatch('relation_fingerprint', 'job_market_warehouse')(relation)) }}
{%- endmacro %}

{% macro default__relation_fingerprint(relation) -%}
    (
        select coalesce(string_agg(row_hash, '' order by row_hash), '')
        from (select md5(cast(fingerprinted as varchar)) as row_hash from {{ relation }} as fingerprinted) as row_hashes
    )
{%- endmacro %}

{#- Spark: each row as JSON text (to_json of the row's struct), hashed, sorted, joined. -#}
{% macro spark__relation_fingerprint(relation) -%}
    (
        select coalesce(array_join(array_sort(collect_list(md5(to_json(struct(*))))), ''), '')
        from {{ relation }}
    )
{%- endmacro %}

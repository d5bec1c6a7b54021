# --- probes.sql ---
# string literals and escapes
literal '\d' default parser
select '\d' as p, length('\d') as n, '\b' = chr(8) as is_backspace
---
[esc] literal '\d' escapedStringLiterals
select '\d' as p, length('\d') as n
---
literal doubled quote default
select 'it''s' as s
---
[esc] literal doubled quote esc
select 'it''s' as s
---
literal single backslash default
select replace('a\\b', '\\', '/') as s
---
[esc] literal lone backslash esc (posting_key)
select replace(replace('a:b\c', '\', '\\'), ':', '\:') || ':' || 'x' as k
---
raw literal r'' (no escapes)
select r'\d+' as p, regexp_extract('ab12c', r'(\d+)', 1) as m
---
varchar without length in cast
select cast(1 as varchar) as s
---
varchar(n) cast / string cast
select cast(1 as string) as s, typeof(cast(null as string)) as t
---
array<string> typed null and empty array
select cast(null as array<string>) as a, cast(array() as array<string>) as e, typeof(cast(array() as array<string>)) as t
---
# regex
regexp_extract_all default group (Spark: 1)
select regexp_extract_all('a1b22c333', '([a-z])([0-9]+)') as g_default, regexp_extract_all('a1b22c333', '([a-z])([0-9]+)', 0) as g0
---
regexp_extract_all no group in pattern, default idx
select regexp_extract_all('ab cd', '[a-z]+') as r
---
regexp_extract_all no group, idx 0
select regexp_extract_all('ab cd', '[a-z]+', 0) as r
---
regexp_extract group missing -> '' (nullif)
select nullif(regexp_extract('abc', 'x(y)', 1), '') as m, regexp_extract('abc', '(b)(z)?', 2) as optional_group
---
rlike partial match (regexp_matches)
select 'hello world' rlike 'o w' as a, regexp_like('hello', '^h') as b, regexp('abc', 'b') as c
---
regexp_replace all + backreference $1 vs \1
select regexp_replace('a.b.c.', '\\b([a-z])\\.', '$1') as dollar, regexp_replace('a.b.', '([a-z])\\.', '\\1') as backslash
---
[esc] regexp_replace $1 with esc literals
select regexp_replace(' a.i. engineer ', '\b([a-z])\.', '$1') as k
---
[esc] control char class and \x{200B}
select regexp_replace(concat('a', chr(1), 'b', '\u200b', 'c'), '[\x00-\x1F\x7F-\x9F]', ' ') as r1, length(regexp_replace(concat('a', chr(8203), 'b'), '[\x{200B}-\x{200F}\x{FEFF}]', '')) as r2
---
[esc] inline (?i:) flag and \b on accents (Java \b is Unicode-aware)
select 'TEL: 0301234567' rlike '(?i:\b(tel|phone)\b)\.?:?\s*[0-9][0-9\s().-]{6,}[0-9]' as phone, 'éca$' rlike '\bca\$' as java_b_after_accent
---
[esc] \v inside a class: Java = vertical whitespace incl U+2028 and U+0085
select concat('a', chr(8232), 'b') rlike '[\v]' as u2028_matches, concat('a', chr(11), 'b') rlike '[\v]' as vt_matches
---
[esc] salary number pattern with apostrophes
select regexp_extract('$150k - $180k', '(\d{1,3}(?:[.''’]\d{3})+\b|\d[\d,]*(?:\.\d+)?)\s*(?:(k|m|lpa|lakhs?)\b)?', 1) as n1
---
# lists
filter / transform lambdas (issue_codes, json_to_string_list)
select filter(array(case when 1=1 then 'a' end, case when 1=0 then 'b' end, 'c'), x -> x is not null) as f, transform(array(' a ', 'b '), t -> trim(t)) as t
---
size / array_contains / element_at / slice / array_join
select size(array('a','b','c')) as n, array_contains(array('a','b'), 'b') as has, element_at(array('a','b','c'), 1) as first1, array('a','b','c')[0] as first0, slice(array('a','b','c','d'), 2, 2) as sl, array_join(array('a','b'), ' ') as j
---
len() on arrays (DuckDB len)
select len(array(1,2)) as n
---
element_at out of range (ANSI off) and index 0
select element_at(array('a'), 5) as past_end
---
posexplode 0-based, one generator per select
select posexplode(array('x','y')) as (pos, v)
---
two generators in one select (DuckDB unnest twice)
select explode(array(1,2)) as a, explode(array(3,4)) as b
---
token windows via posexplode(arrays_zip(shifted slices))
select pos + 1 as token_position, w.* from (select posexplode(arrays_zip(t, slice(t, 2, size(t)), slice(t, 3, size(t)))) as (pos, w) from (select array('a','b','c','d') as t))
---
token windows, named arrays_zip fields
select pos + 1 as token_position, w.token_1, w.token_2, w.token_3 from (select posexplode(arrays_zip(t as token_1, slice(t, 2, size(t)) as token_2, slice(t, 3, size(t)) as token_3)) as (pos, w) from (select array('a','b','c','d') as t))
---
explode an empty array and a null array (rows vanish, like unnest)
select count(*) from (select explode(a) from (select array() as a union all select cast(null as array<string>)))
---
array equality and min over arrays
select slice(array('a','b','c'), 1, 2) = array('a','b') as eq, min(a) as m from (select array('b') as a union all select array('a','c'))
---
split (regex, keeps trailing empties) vs string_split
select split('a b  c ', ' ') as s, split('a|b', '|') as pipe_is_regex
---
array literal [] syntax
select ['a', 'b'] as a
---
# JSON
from_json with string fields (non-string values -> JSON text)
select from_json('{"a": 1, "b": {"x": [1,2]}, "c": "s", "d": null}', 'struct<a:string,b:string,c:string,d:string,e:string>') as r
---
from_json on malformed text / non-object (PERMISSIVE)
select from_json('not json', 'struct<a:string>') as bad, from_json('[1,2]', 'struct<a:string>') as arr, from_json('"s"', 'struct<a:string>') as str
---
from_json case sensitivity of keys
select from_json('{"A": 1, "a": 2}', 'struct<a:string>') as r
---
from_json duplicate keys: which wins
select from_json('{"a": 1, "a": 2}', 'struct<a:string>') as r
---
try_parse_json + schema_of_variant as JSON kind
select schema_of_variant(try_parse_json('{"a":1}')) as o, schema_of_variant(try_parse_json('[1]')) as a, schema_of_variant(try_parse_json('"s"')) as s, schema_of_variant(try_parse_json('1.5')) as d, schema_of_variant(try_parse_json('12')) as i, schema_of_variant(try_parse_json('true')) as b, schema_of_variant(try_parse_json('null')) as n, try_parse_json('nope') is null as invalid
---
try_parse_json with duplicate keys
select try_parse_json('{"a": 1, "a": 2}') is null as dup_gives_null
---
variant fields: from_json into variant members
select from_json('{"a": "x", "b": [1]}', 'struct<a:variant,b:variant>') as r
---
variant_get text of scalar and kind per member
select variant_get(v, '$.a', 'string') as a_text, schema_of_variant(variant_get(v, '$.b')) as b_kind, variant_get(v, '$.n', 'string') as n_text, variant_get(v, '$.missing') is null as missing from (select parse_json('{"a": "x\\ny", "b": [1], "n": 12.50}') as v)
---
json scalar text: get_json_object on a JSON string
select get_json_object('"a\\u0040b"', '$') as s, get_json_object('12', '$') as n
---
json_object_keys / duplicate key detection
select size(json_object_keys('{"a":1,"a":2}')) > size(array_distinct(json_object_keys('{"a":1,"a":2}'))) as dup, json_object_keys('[1]') as not_obj
---
from_json array of strings / comma split for bare string
select from_json('["a"," b",""]', 'array<string>') as arr, from_json('"a,b"', 'string') as s
---
# casts, time, text
try_cast and plain cast with ANSI off
select try_cast('12x' as double) as t, cast('12x' as double) as c, try_cast('1e3' as double) as e
---
ISO-8601 with offset to UTC (session tz UTC)
select cast(cast(trim(' 2024-05-01T12:00:00+02:00 ') as timestamp) as timestamp_ntz) as a, cast(cast('2024-05-01T12:00:00Z' as timestamp) as timestamp_ntz) as z, cast(cast('2024-05-01' as timestamp) as timestamp_ntz) as d, cast('garbage' as timestamp) as g
---
try_to_timestamp
select try_to_timestamp('2024-05-01T12:00:00.123+05:30') as a
---
strip accents (none in Spark): translate
select translate('São Paulo Zürich', 'ãüé', 'aue') as t
---
strip_accents function exists?
select strip_accents('São') as s
---
byte vs char length (has_non_ascii)
select octet_length('São') <> length('São') as non_ascii, strlen('a') as x
---
isfinite
select isnan(double('NaN')) as nan, double('Infinity') = double('inf') as inf_eq
---
hash: xxhash64 vs hash
select xxhash64('abc') as x, hash('abc') as h, md5('abc') as m
---
order-insensitive string agg for fingerprints
select md5(array_join(array_sort(collect_list(md5(to_json(struct(*))))), '')) as f from (select 1 as a, 'x' as b union all select 2, 'y')
---
string_agg / listagg with order (Spark 4)
select listagg(x, '|') within group (order by x) as l, string_agg(x, '|') as s from (select 'b' as x union all select 'a')
---
trim(str, chars) two-arg (DuckDB order)
select trim(' |a b| ', ' |') as duck_order, btrim(' |a b| ', ' |') as btrim_
---
trim BOTH FROM
select trim(both ' |' from ' |a b| ') as t
---
select ... where false without from
select cast(null as string) as a where false
---
row_number() over () without order
select row_number() over () as r from (select 1)
---
date_trunc month on a date returns timestamp
select typeof(date_trunc('month', date'2024-05-17')) as t, trunc(date'2024-05-17', 'month') as d
---
dbt spark__dateadd asserts non-null
select assert_not_null(to_timestamp(cast(null as timestamp))) as a
---
interval arithmetic on null
select cast(null as timestamp) + interval 1 day as n, timestamp'2024-01-01 00:00:00' + interval 1 day as d
---
median / percentile_cont
select median(x) as m, percentile_cont(0.5) within group (order by x) as p from (select 1 as x union all select 4 union all select 10 union all select null)
---
is distinct from, concat_ws with null, left
select 1 is distinct from null as d, concat_ws('|', 'a', null, 'b') as c, left('abcdef', 3) as l
---
struct access after explode of array of structs
select r.line_number, r.reject_reason from (select explode(array(named_struct('line_number', 3, 'reject_reason', 'nul_byte'))) as r)
---
range window with numeric offset
select p, max(e) over (order by p range between unbounded preceding and 1 preceding) as m from (select 1 as p, 3 as e union all select 2, 2 union all select 4, 5)
---
position(x in y) and locate
select position('@' in 'a@b') as p, locate('@', 'a@b') as l
---
chr(0) / chr(127) as substrings
select position(chr(127) in concat('a', chr(127))) as p
---
# --- probes2.sql ---
literal '\d' default parser
select '\d' as p, length('\d') as n, '\b' = chr(8) as is_backspace, 'ab1' rlike '\d' as digit_match, 'a.b' rlike '\\.' as dbl_escaped_dot
---
literal '\u' default parser
select '\u' as u
---
literal with escaped quote \' default
select 'it\'s' as s, 'C:\\x' as b
---
regexp_extract_all default group (Spark: 1)
select regexp_extract_all('a1b22c333', '([a-z])([0-9]+)') as g_default, regexp_extract_all('a1b22c333', '([a-z])([0-9]+)', 0) as g0
---
filter / transform lambdas (issue_codes, json_to_string_list)
select filter(array(case when 1=1 then 'a' end, case when 1=0 then 'b' end, 'c'), x -> x is not null) as f, transform(array(' a ', 'b '), t -> trim(t)) as t, typeof(filter(array(cast(null as string)), x -> x is not null)) as ty
---
from_json with string fields (non-string values -> JSON text)
select from_json('{"a": 1, "b": {"x": [1,2]}, "c": "s", "d": null}', 'struct<a:string,b:string,c:string,d:string,e:string>') as r
---
from_json string field of a JSON string keeps no quotes (kind lost)
select from_json('{"a": "1"}', 'struct<a:string>').a as quoted_one, from_json('{"a": 1}', 'struct<a:string>').a as number_one
---
try_cast and plain cast with ANSI off
select try_cast('12x' as double) as t, cast('12x' as double) as c, try_cast('1e3' as double) as e, try_cast(' 12 ' as double) as sp
---
json_to_string_list spark
select v, filter(transform(case when schema_of_variant(try_parse_json(v)) like 'ARRAY%' then from_json(v, 'array<string>') when schema_of_variant(try_parse_json(v)) = 'STRING' then split(get_json_object(v, '$'), ',') end, tag -> trim(tag)), tag -> tag is not null and tag <> '') as tags from values ('["a", " b", "", 1, null]'), ('"x, y ,"'), ('{"a":1}'), (cast(null as string)) as t(v)
---
arrays_zip field names
select typeof(arrays_zip(t, slice(t, 2, size(t)))) as ty from (select array('a') as t)
---
inline named struct windows via transform (names kept)
select w.* from (select explode(transform(sequence(1, size(t)), i -> named_struct('token_position', i, 'token_1', element_at(t, i), 'token_2', element_at(t, i + 1)))) as w from (select array('a','b','c') as t))
---
json_value_kind spark
select v, case when try_parse_json(v) is null then null when schema_of_variant(try_parse_json(v)) like 'OBJECT%' then 'object' when schema_of_variant(try_parse_json(v)) like 'ARRAY%' then 'array' when schema_of_variant(try_parse_json(v)) = 'STRING' then 'string' when schema_of_variant(try_parse_json(v)) = 'BOOLEAN' then 'boolean' when schema_of_variant(try_parse_json(v)) = 'VOID' then 'null' else 'number' end as kind from values ('{}'), ('[]'), ('"s"'), ('true'), ('null'), ('1'), ('1.5e3'), ('-0'), ('x'), ('{"a":1,"a":2}') as t(v)
---
try_parse_json on a JSON string with duplicate-key object inside
select try_parse_json('{"a":{"b":1,"b":2}}') is null as nested_dup_null
---
json_object_keys on invalid JSON
select json_object_keys('{"a":') as k
---
has_non_ascii spark
select octet_length('São') <> length('São') as na, octet_length('Sao') <> length('Sao') as a
---
finite_or_null spark
select x, case when not isnan(x) and abs(x) <> double('Infinity') then x end as f from values (1.5d), (double('NaN')), (double('-Infinity')), (cast(null as double)) as t(x)
---
varchar[] type name
select cast(null as varchar(10)) as a
---
regexp_extract_all with 0 on a pattern with groups keeps whole matches
select regexp_extract_all('x|y z', '\\||\\.?[a-z0-9+#]+(?:\\.[a-z0-9+#]+)*', 0) as toks
---
cast struct to string (relation_fingerprint row text)
select cast(struct(1 as a, 'x' as b) as string) as s, to_json(struct(1 as a, 'x' as b)) as j
---
string_agg with within group order
select string_agg(x, '') within group (order by x) as s from values ('b'), ('a') as t(x)
---
timestamp literal from python strftime
select cast('2026-12-07 16:49:31.123456' as timestamp) as t
---
delete from a parquet table (no Delta)
create table if not exists default.del_probe using parquet as select 1 as a
---
delete from parquet
delete from default.del_probe where a = 1
---
insert overwrite parquet
insert overwrite table default.del_probe select 2 as a
---
md5 of concat
select md5(concat_ws('|', 1, 'a')) as m
---
# --- probes3.sql ---
from_json variant fields + _corrupt_record
select v, p._corrupt_record is null as ok, p.a, cast(p.a as string) as a_json, schema_of_variant(p.a) as a_kind, p.b from (select v, from_json(v, 'struct<a:variant, b:string, _corrupt_record:string>') as p from values ('{"a": "x", "b": 1}'), ('{"a": null}'), ('{"b": [1]}'), ('[1,2]'), ('"s"'), ('not json'), ('{"a": 1} trailing'), ('{"a": 1, "a": 2}'), ('') as t(v))
---
kind of cast(variant as string)
select cast(parse_json('"a\\"b"') as string) as s, get_json_object(cast(parse_json('"a\\"b"') as string), '$') as t
---
allowDuplicateKeys conf
select try_parse_json('{"a":1,"a":2}') is null as still_null
---
inline with index lambda (unnest_with_position)
select inline(transform(split('a,b', ','), (element, i) -> named_struct('raw_part', element, 'part_position', i + 1)))
---
token windows via inline(transform) with element_at
select inline(transform(t, (token, i) -> named_struct('token_position', i + 1, 'token_1', token, 'token_2', element_at(t, i + 2), 'token_3', element_at(t, i + 3)))) from (select array('a','b','c') as t)
---
inline over an empty array produces no row
select count(*) from (select inline(transform(cast(array() as array<string>), (x, i) -> named_struct('v', x, 'p', i + 1))))
---
btrim with chars and chr(10)
select btrim(concat(chr(10), ' a b ', chr(10)), concat(' ', chr(10))) as b
---
size of null (legacy sizeOfNull with ANSI off)
select size(cast(null as array<string>)) as n
---
dbt spark__dateadd style on null
select (to_timestamp(cast(null as timestamp)) + interval 1 day) as a
---
Spark $ before final newline (Java) vs RE2
select concat('a.', chr(10)) rlike '\\.$' as dollar_before_final_newline
---
from_json array<string> of nested values
select from_json('[{"x":1}, ["y"], 2.50, true]', 'array<string>') as a
---
regexp_replace replacement with literal dollar
select regexp_replace('a', 'a', '\\$1') as r
---
struct(*) over a table
select md5(to_json(struct(*))) from (select 1 as a)
---
translate deletes extra from-chars
select translate(concat('e', chr(769), 'é'), concat('é', chr(769)), 'e') as t
---
# --- probes4.sql ---
[dup] allowDuplicateKeys conf on
select try_parse_json('{"a":1,"a":2}') as v
---
# --- probes5.sql ---
default regex_matches: regexp_matches
select regexp_matches('abc', 'b') as m
---
default regex_replace_all: regexp_replace(s, p, r, 'g')
select regexp_replace('a-b-c', '-', '+', 'g') as r
---
default scan_order_hook: set session
set session preserve_insertion_order = true
---
default content_hash: hash()
select hash('abc') as h, typeof(hash('abc')) as t
---
default to_utc_timestamp: timezone + timestamptz
select timezone('UTC', try_cast(trim('2024-05-01T12:00:00+02:00') as timestamptz)) as t
---
default json_parse_object: try(from_json(x, '{...}'))
select try(from_json('{"a": 1}', '{"a": "VARCHAR"}')) as p
---
default json_scalar_text: ->>
select ('"abc"' ->> '$') as s
---
default finite_or_null: isfinite
select case when isfinite(1.5d) then 1.5d end as f
---
default list_element: list[1] (DuckDB 1-based)
select array('a', 'b')[1] as second_in_spark
---
default list_length: len(list)
select len(array('a')) as n
---
default list_slice: list_slice
select list_slice(array('a','b','c'), 1, 2) as s
---
default unnest_list: unnest
select unnest(array(1, 2)) as v
---
default type_string_list: varchar[]
select cast(null as varchar[]) as a
---
default list_has: list_contains
select list_contains(array('a'), 'a') as h
---
default json_value_kind: json_type
select json_type('{}') as k
---
default median
select median(x) from values (1), (2), (10) as t(x)
---
default try_cast
select try_cast('x1' as double) as t
---
default fold_accents: strip_accents
select strip_accents('é') as s
---
default relation_fingerprint: string_agg order by + cast(alias as varchar)
select coalesce(string_agg(row_hash, '' order by row_hash), '') from (select md5(cast(t as varchar)) as row_hash from (select 1 as a) as t)
---
regexp_extract_all default body with group 0
select regexp_extract_all('a b', '[a-z]', 0) as r
---
dbt.position default
select position('b' in 'abc') as p
---
# --- probes6.sql ---
from <cte> where (<column>) parses as an alias
with t as (select 1 as a, true as b) select * from (select * from t where (b)) q
---
with an explicit alias before where
with t as (select 1 as a, true as b) select * from (select * from t as source where (b)) q
---
where without parentheses
with t as (select 1 as a, true as b) select * from (select * from t where b) q
---
# --- ai_jobs record_hash ---
double >= 1e7 as text
select cast(cast(30400000 as double) as string) as s, concat_ws('|', cast(30400000 as double)) as c, cast(cast(9999999 as double) as string) as below

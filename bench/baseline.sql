-- Hand-written baseline for the benchmark: the whole warehouse as plain DuckDB SQL, no dbt. Same
-- raw files, same seed CSVs, same rules (regular expressions, token join, latest observation,
-- medians with their intervals), same marts (schema `marts`, same names, columns and values as the
-- dbt build; bench/run.py compares them row by row, see MARTS in bench/benchkit/common.py). This
-- script builds ten; bench/baseline_history.sql, run after it in the same connection, builds the
-- three trend marts from its tables and macros.
--
-- Parameters (DuckDB variables, set before running the script):
--   raw_glob   glob of the raw JSON Lines files (.jsonl / .jsonl.gz), as JOB_MARKET_RAW
--   seeds_dir  the project's seeds/ folder
-- e.g. from Python:
--   con.execute("set variable raw_glob = '/data/raw/*.jsonl*'")
--   con.execute("set variable seeds_dir = '/work/main/seeds'")
--   con.execute(open('bench/baseline.sql').read())
--
-- Staging rules reproduced: latest observation per (source, posting_id) by scraped_at, then file
-- (ties inside one file by content hash, where dbt uses the line number: only conflicting
-- observations with the same timestamp in the same file could differ); lines without posting_id,
-- source, a readable scraped_at in [2000-01-01, now + 1 day] or title are left out; posted dates
-- outside [2000-01-01, scraped_at + 1 day] dropped; HTML to text; e-mail addresses and phone
-- numbers redacted; salary text parsed (thousands groups with dots / apostrophes, non-English
-- periods). Not reproduced (no such lines in the generated data): control-character repair and
-- the quarantine's type checks on JSON values (read_json reads every field as text).
--
-- It reproduces the default configuration of the dbt project: posting_sources = [job_board],
-- role_classification = patterns, top_n_skills = 30, min_skill_salary_n = 40, plausible salary
-- range [10,000, 1,000,000], median_ci_z = 1.96. Those constants are written out below (search
-- for "var:"), as dbt inlines them at compile time.
--
-- Written the way one would by hand, not node by node: classify distinct values (titles, levels,
-- locations, salary texts, arrangement texts) rather than every posting, pick the latest
-- observation before parsing it, tokenize each description once. Only three intermediate tables
-- are kept (work.*); everything else is a CTE or a temp table.

set TimeZone = 'UTC';
set preserve_insertion_order = false;

create schema if not exists work;
create schema if not exists marts;

-- ================================================================================================
-- Seeds: read like dbt seeds them (empty and "null" are NULL; text kept as is; typed columns)
-- ================================================================================================

create or replace temp macro seed_text(x) as
    case when lower(trim(x)) in ('', 'null') then null else x end;

create or replace temp table roles as
select seed_text(role) as role
from read_csv(getvariable('seeds_dir') || '/taxonomies/roles.csv', header = true, all_varchar = true);

create or replace temp table role_title_patterns as
select
    cast(seed_text(precedence) as integer) as precedence,
    seed_text(role) as role,
    seed_text(title_pattern) as title_pattern
from read_csv(getvariable('seeds_dir') || '/taxonomies/role_title_patterns.csv', header = true, all_varchar = true);

create or replace temp table seniority_levels as
select
    seed_text(seniority_level) as seniority_level,
    lower(trim(is_entry_level)) = 'true' as is_entry_level,
    lower(trim(is_senior_plus_staff)) = 'true' as is_senior_plus_staff
from read_csv(getvariable('seeds_dir') || '/taxonomies/seniority_levels.csv', header = true, all_varchar = true);

create or replace temp table seniority_patterns as
select
    seed_text(applies_to) as applies_to,
    cast(seed_text(precedence) as integer) as precedence,
    seed_text(seniority_level) as seniority_level,
    seed_text(pattern) as pattern
from read_csv(getvariable('seeds_dir') || '/taxonomies/seniority_patterns.csv', header = true, all_varchar = true);

create or replace temp table location_terms as
select
    seed_text(location_term) as location_term,
    seed_text(country_code) as country_code,
    seed_text(term_type) as term_type,
    cast(seed_text(term_priority) as integer) as term_priority
from read_csv(getvariable('seeds_dir') || '/taxonomies/location_terms.csv', header = true, all_varchar = true);

create or replace temp table countries as
select seed_text(country_code) as country_code, seed_text(country_name) as country_name
from read_csv(getvariable('seeds_dir') || '/taxonomies/countries.csv', header = true, all_varchar = true);

create or replace temp table currencies as
select seed_text(currency_code) as currency_code, cast(seed_text(usd_per_unit) as double) as usd_per_unit
from read_csv(getvariable('seeds_dir') || '/taxonomies/currencies.csv', header = true, all_varchar = true);

create or replace temp table salary_periods as
select seed_text(salary_period) as salary_period, cast(seed_text(annualization_factor) as integer) as annualization_factor
from read_csv(getvariable('seeds_dir') || '/taxonomies/salary_periods.csv', header = true, all_varchar = true);

create or replace temp table work_arrangement_patterns as
select seed_text(work_arrangement) as work_arrangement, seed_text(pattern) as pattern
from read_csv(getvariable('seeds_dir') || '/taxonomies/work_arrangement_patterns.csv', header = true, all_varchar = true);

create or replace temp table skills as
select seed_text(skill) as skill, seed_text(skill_category) as skill_category
from read_csv(getvariable('seeds_dir') || '/taxonomies/skills.csv', header = true, all_varchar = true);

-- ================================================================================================
-- Text helpers (the project's macros, as DuckDB macros; literal patterns compile once)
-- ================================================================================================

-- tokens for skill matching, the project's rule (macros/parsing/text_keys.sql, skill_tokens):
-- lowercase words keeping + # inner dots and a leading dot; a gap between two words that holds a
-- separator (, ; : ! ? ( ) [ ] { } | / \ *, line breaks, bullets, dashes, a dot outside a word, a
-- hyphen not joining two words) is the boundary token '|', so no multi-word alias matches across
-- it. Built as the project's DuckDB macro does: one replace turns each such gap into ' | ',
-- one more every other gap into one space, then trim and string_split (no regex match per token)
create or replace temp macro skill_token_text(x) as
    trim(regexp_replace(
        regexp_replace(
            lower(x),
            '(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|$))*(?:[,;:!?()\[\]{}|/\\*\n\r\v\f•·‣◦▪▫●○■□►▶➢➤✓✔→–—―…]|\.+(?:[^a-z0-9+#]|$)|(?:^|[^a-z0-9+#.])-|-(?:[^a-z0-9+#.]|$))(?:[^a-z0-9+#.]|\.+(?:[^a-z0-9+#]|$))*',
            ' | ', 'g'
        ),
        '[^a-z0-9+#.|]{2,}|[^a-z0-9+#.| ]', ' ', 'g'
    ), ' |');

create or replace temp macro skill_tokens(x) as
    case when skill_token_text(x) = '' then cast([] as varchar[]) else string_split(skill_token_text(x), ' ') end;

-- matching key for short text: accents folded, lowercase, & -> and, "A.I." -> "ai", every other
-- run outside [a-z0-9+#] -> one space, padded with a space each side
create or replace temp macro text_match_key(x) as
    ' ' || trim(regexp_replace(
        regexp_replace(replace(lower(strip_accents(x)), '&', ' and '), '\b([a-z])\.', '\1', 'g'),
        '[^a-z0-9+#]+', ' ', 'g'
    )) || ' ';

-- HTML to plain text, the project's rule (macros/parsing/text_keys.sql, html_to_text): a tag that
-- starts or ends a block or line is a line break, any other tag a space; a whitespace run holding a
-- line break is one LF, any other one space (RE2's \s is [\t\n\f\r ]); LFs and spaces at either end
-- go. The space collapse matches only runs of 2+ spaces or tabs and single tabs: no replacement at
-- every single space (about 5x faster on 2 KB descriptions than '\s+').
create or replace temp macro html_without_tags(x) as
    case
        when position('<' in x) > 0 then regexp_replace(
            regexp_replace(
                x,
                '<(?i:/?(?:br|hr|p|div|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|h[1-6]|blockquote|pre|section|article|header|footer))\b[^>]*>',
                chr(10), 'g'
            ),
            '<[^>]*>', ' ', 'g'
        )
        else x
    end;

create or replace temp macro html_lines(x) as
    regexp_replace(
        case
            when position('&' in x) > 0 then
                replace(replace(replace(replace(replace(replace(
                    html_without_tags(x),
                    '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')
            else html_without_tags(x)
        end,
        '[\t\f ]*[\n\r]\s*', chr(10), 'g');

-- the space pattern only where a run of spaces can be: two spaces, a tab or form feed, a tag or
-- &nbsp; in the text
create or replace temp macro html_to_text(x) as
    nullif(trim(
        case
            when position('<' in x) > 0 or position('&nbsp;' in x) > 0 or position('  ' in x) > 0
                or position(chr(9) in x) > 0 or position(chr(12) in x) > 0
                then regexp_replace(html_lines(x), '[\t\f ]{2,}|[\t\f]', ' ', 'g')
            else html_lines(x)
        end,
        ' ' || chr(10)), '');

-- contact details out of free text (e-mail addresses, also with an encoded "@", and phone
-- numbers), as staging does (macros/redaction.sql)
create or replace temp macro may_hold_email_address(x) as
    position('@' in x) > 0 or (
        (position('＠' in x) > 0 or position('﹫' in x) > 0 or position('&#' in x) > 0 or position(';#' in x) > 0
            or position('&commat' in x) > 0 or position('%40' in x) > 0 or position(chr(92) in x) > 0)
        and regexp_matches(x, '(@|＠|﹫|&(amp;)?(#0*64|#[xX]0*40|commat);?|%40|\\[uU]0*40|\\[xX]40)'));

create or replace temp macro has_contact_details(x) as
    (may_hold_email_address(x) and regexp_matches(x, '[A-Za-z0-9._%+-]+(@|＠|﹫|&(amp;)?(#0*64|#[xX]0*40|commat);?|%40|\\[uU]0*40|\\[xX]40)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}'))
    or regexp_matches(x, '\+[0-9]{1,3}[\s.-]?(\([0-9]{1,4}\)[\s.-]?)?[0-9]{2,5}([\s.-]?[0-9]{2,5}){1,4}|(\([0-9]{3}\)\s?|\b[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}\b|(?i:\b(tel|phone|mobile|cell|whatsapp)\b)\.?:?\s*[0-9][0-9\s().-]{6,}[0-9]');

create or replace temp macro redact_contact_details(x) as
    regexp_replace(
        case
            when may_hold_email_address(x)
                then regexp_replace(x, '[A-Za-z0-9._%+-]+(@|＠|﹫|&(amp;)?(#0*64|#[xX]0*40|commat);?|%40|\\[uU]0*40|\\[xX]40)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', '[email redacted]', 'g')
            else x
        end,
        '\+[0-9]{1,3}[\s.-]?(\([0-9]{1,4}\)[\s.-]?)?[0-9]{2,5}([\s.-]?[0-9]{2,5}){1,4}|(\([0-9]{3}\)\s?|\b[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4}\b|(?i:\b(tel|phone|mobile|cell|whatsapp)\b)\.?:?\s*[0-9][0-9\s().-]{6,}[0-9]',
        '[phone redacted]', 'g'
    );

-- the short fields of a line that holds contact details, redacted one by one
create or replace temp macro redact_contact_details_where(flag, x) as
    case when flag then redact_contact_details(x) else x end;

create or replace temp macro salary_period_from_text(x) as
    case
        when regexp_matches(lower(x), '(\byears?\b|\byearly\b|\bannual(ly)?\b|\bannum\b|\bp\.?a\.?(\s|$)|/\s*yr\b|\byr\b|\blpa\b|\bpor a(n|ñ)o\b|\banual\b|\bpro jahr\b|\bj(a|ä)hrlich\b|\bpar an\b)') then 'year'
        when regexp_matches(lower(x), '(\bmonths?\b|\bmonthly\b|/\s*mo\b|\bmth\b|\bm(e|ê)s\b|\bmensal\b|\bmensual\b|\bmonatlich\b|\bpro monat\b|\bpar mois\b)') then 'month'
        when regexp_matches(lower(x), '(\bweeks?\b|\bweekly\b|/\s*wk\b)') then 'week'
        when regexp_matches(lower(x), '(\bdays?\b|\bdaily\b)') then 'day'
        when regexp_matches(lower(x), '(\bhours?\b|\bhourly\b|/\s*hr\b|\bhrs?\b|/\s*h\b|\bph\b)') then 'hour'
    end;

create or replace temp macro salary_text_currency(x) as
    case
        when regexp_matches(lower(x), '(\bca\$|\bc\$|\bcad)') then 'CAD'
        when regexp_matches(lower(x), '(\bau\$|\ba\$|\baud)') then 'AUD'
        when regexp_matches(lower(x), '(\bs\$|\bsgd)') then 'SGD'
        when regexp_matches(lower(x), '(€|\beur)') then 'EUR'
        when regexp_matches(lower(x), '(£|\bgbp)') then 'GBP'
        when regexp_matches(lower(x), '(₹|\binr|\brs\.?\s|\blpa\b|\blakhs?\b)') then 'INR'
        when regexp_matches(lower(x), '(¥|\bjpy\b)') then 'JPY'
        when regexp_matches(lower(x), '(\$|\busd)') then 'USD'
        else upper(nullif(regexp_extract(x, '\b([A-Z]{3})\b', 1), ''))
    end;

create or replace temp macro salary_multiplier(suffix) as
    case suffix
        when 'k' then 1000.0
        when 'm' then 1000000.0
        when 'lpa' then 100000.0
        when 'lakh' then 100000.0
        when 'lakhs' then 100000.0
        else 1.0
    end;

-- an amount as a number: dot / apostrophe thousands groups ("90.000", "130'000") are joined up,
-- otherwise commas separate thousands and a dot starts the decimals
create or replace temp macro salary_number(x) as try_cast(
    case
        when regexp_matches(x, '^\d{1,3}([.''’]\d{3})+$') then replace(replace(replace(x, '.', ''), '''', ''), '’', '')
        else replace(x, ',', '')
    end as double);

-- salary text parsed (the rules of macros/parsing/salary.sql), one row per row of `texts`: the
-- name of a table or CTE with a column salary_text (distinct, not null). Called once per
-- distinct text, by staging here and by the history (bench/baseline_history.sql)
create or replace temp macro salary_texts_parsed(texts) as table
with

texts_read as (
    select
        salary_text,
        regexp_replace(lower(salary_text), '401\s*\(?k\)?', ' ', 'g') as amount_text,
        salary_text_currency(salary_text) as text_salary_currency,
        salary_period_from_text(salary_text) as text_salary_period
    from query_table(texts)
),

salary_text_matches as (
    select
        *,
        regexp_matches(amount_text, '\d')
        and (text_salary_currency is not null or text_salary_period is not null)
        -- a sign before an amount ("-$50,000") is no pay (macro salary_text_has_signed_amount)
        and not regexp_matches(
            amount_text,
            '(^|[^0-9a-z.,''’%)\s$€£₹¥])\s*(?:[$€£₹¥]\s*)?[-−+]\s*(?:[a-z]{0,2}\$|[$€£₹¥]|usd|eur|gbp|inr|cad|aud)?\s*\d'
        ) as has_amount,
        regexp_extract(
            amount_text,
            '(\d{1,3}(?:[.''’]\d{3})+\b|\d[\d,]*(?:\.\d+)?)\s*(?:(k|m|lpa|lakhs?)\b)?(?:\s*(?:[$€£₹¥]|usd|eur|gbp|inr|cad|aud|chf))?(?:\s*(?:/|per|an|a)\s*(?:hr|hour|yr|year|mo|month|wk|week|day|annum))?\s*(?:-|–|—|to)\s*(?:[a-z]{0,2}\$|[$€£₹¥]|usd|eur|gbp|inr|cad|aud)?\s*(\d{1,3}(?:[.''’]\d{3})+\b|\d[\d,]*(?:\.\d+)?)\s*(?:(k|m|lpa|lakhs?)\b)?',
            ['low', 'low_suffix', 'high', 'high_suffix']
        ) as range_parts,
        regexp_extract(amount_text, '(\d{1,3}(?:[.''’]\d{3})+\b|\d[\d,]*(?:\.\d+)?)\s*(?:(k|m|lpa|lakhs?)\b)?', ['amount', 'suffix'])
            as single_parts
    from texts_read
),

salary_text_parsed as (
    select
        salary_text,
        text_salary_currency,
        text_salary_period,
        case
            when not has_amount then null
            when range_parts.low <> '' then
                salary_number(range_parts.low)
                * salary_multiplier(coalesce(nullif(range_parts.low_suffix, ''), nullif(range_parts.high_suffix, '')))
            else salary_number(nullif(single_parts.amount, '')) * salary_multiplier(nullif(single_parts.suffix, ''))
        end as text_salary_min,
        case
            when not has_amount then null
            when range_parts.low <> '' then
                salary_number(range_parts.high) * salary_multiplier(nullif(range_parts.high_suffix, ''))
            else salary_number(nullif(single_parts.amount, '')) * salary_multiplier(nullif(single_parts.suffix, ''))
        end as text_salary_max
    from salary_text_matches
)

select * from salary_text_parsed;

-- macros/posting_key.sql: the source's "\" and ":" escaped, then ":" and the id
create or replace temp macro posting_key(source, posting_id) as
    replace(replace(source, '\', '\\'), ':', '\:') || ':' || posting_id;

-- pay as published, resolved (macros/parsing/salary_resolution.sql): the structured fields when
-- they give an amount, else the salary text's; the currency and period of the one fill the other's
-- gaps, and a text without a period is a yearly figure
create or replace temp macro resolved_salary_source(s_min, s_max, t_min) as
    case
        when s_min is not null or s_max is not null then 'structured'
        when t_min is not null then 'text'
    end;

create or replace temp macro resolved_salary_min(salary_source, s_min, s_max, t_min) as
    case salary_source when 'structured' then coalesce(s_min, s_max) when 'text' then t_min end;

create or replace temp macro resolved_salary_max(salary_source, s_min, s_max, t_max) as
    case salary_source when 'structured' then coalesce(s_max, s_min) when 'text' then t_max end;

create or replace temp macro resolved_salary_currency(salary_source, s_currency, t_currency) as
    case salary_source
        when 'structured' then coalesce(s_currency, t_currency)
        when 'text' then coalesce(t_currency, s_currency)
    end;

create or replace temp macro resolved_salary_period(salary_source, s_period, t_period) as
    case salary_source
        when 'structured' then coalesce(s_period, t_period)
        when 'text' then coalesce(t_period, s_period, 'year')
    end;

-- why a resolved pay cannot be used (null: usable), given it in US dollars a year
-- (macros/parsing/salary_resolution.sql, salary_issue_code)
create or replace temp macro salary_issue(
    salary_source, currency_code, is_known_currency, period, is_known_period, min_amount, max_amount,
    min_usd_annual, max_usd_annual
) as
    case
        when salary_source is null then 'no_salary'
        when currency_code is null then 'missing_currency'
        when not is_known_currency then 'unknown_currency'
        when period is null or not is_known_period then 'unknown_period'
        when min_amount <= 0 or max_amount <= 0 then 'non_positive_amount'
        when min_amount > max_amount then 'min_exceeds_max'
        -- var: plausible_salary_usd_annual_min / _max
        when (min_usd_annual + max_usd_annual) / 2.0 < 10000 then 'below_plausible_range'
        when (min_usd_annual + max_usd_annual) / 2.0 > 1000000 then 'above_plausible_range'
    end;

-- ================================================================================================
-- Staging: latest observation per (source, posting_id), then parsed
-- ================================================================================================

-- The descriptions are written with ZSTD, as the dbt project writes its observations table
-- (macro job_board_observations_storage_hook): DuckDB's default for long text, DICT_FSST, is
-- slower to write.
set force_compression = 'zstd';

create or replace table work.postings as
with

raw_postings as (
    select * from read_json(
        getvariable('raw_glob'),
        format = 'newline_delimited',
        filename = true,
        union_by_name = false,
        maximum_object_size = 67108864,
        columns = {
            'posting_id': 'VARCHAR', 'source': 'VARCHAR', 'scraped_at': 'VARCHAR',
            'posted_at': 'VARCHAR', 'status': 'VARCHAR', 'title': 'VARCHAR',
            'company': 'VARCHAR', 'location': 'VARCHAR', 'workplace_type': 'VARCHAR',
            'employment_type': 'VARCHAR', 'seniority': 'VARCHAR', 'salary': 'VARCHAR',
            'salary_min': 'VARCHAR', 'salary_max': 'VARCHAR', 'salary_currency': 'VARCHAR',
            'salary_period': 'VARCHAR', 'skills': 'JSON', 'description': 'VARCHAR'
        }
    )
),

-- only what ranking needs is computed for every observation
keyed as (
    select
        *,
        nullif(trim(posting_id), '') as id_key,
        nullif(lower(trim(source)), '') as source_key,
        timezone('UTC', try_cast(trim(scraped_at) as timestamptz)) as scraped_at_utc,
        md5(
            coalesce(posting_id, '') || '|' || coalesce(source, '') || '|' || coalesce(scraped_at, '')
            || '|' || coalesce(status, '') || '|' || coalesce(title, '') || '|' || coalesce(salary, '')
            || '|' || coalesce(location, '') || '|' || coalesce(description, '')
        ) as observation_hash
    from raw_postings
),

ranked as (
    select
        *,
        row_number() over (
            partition by source_key, id_key
            order by scraped_at_utc desc, filename desc, observation_hash desc
        ) as observation_recency_rank,
        count(*) over (partition by source_key, id_key) as observation_count
    from keyed
    where
        id_key is not null
        and source_key is not null
        and scraped_at_utc is not null
        and scraped_at_utc >= timestamp '2000-01-01'
        and scraped_at_utc <= current_timestamp::timestamp + interval 1 day
        and nullif(trim(title), '') is not null
),

latest as (
    select
        *,
        has_contact_details(concat_ws(
            '|', id_key, source_key, title, company, location, workplace_type, employment_type, seniority,
            salary, status, salary_currency, cast(skills as varchar)
        )) as has_contacts
    from ranked
    where observation_recency_rank = 1
),

-- salary text parsed once per distinct text
salary_texts as (
    select distinct nullif(trim(salary), '') as salary_text
    from latest
    where nullif(trim(salary), '') is not null
),

salary_text_parsed as (
    from salary_texts_parsed('salary_texts')
),

parsed as (
    select
        latest.id_key as posting_id,
        latest.source_key as source,
        latest.scraped_at_utc as scraped_at,
        -- posted dates before 2000 or after the scrape (+1 day) are dropped
        case
            when cast(timezone('UTC', try_cast(trim(latest.posted_at) as timestamptz)) as date)
                not between date '2000-01-01' and cast(latest.scraped_at_utc + interval 1 day as date)
                then null
            else cast(timezone('UTC', try_cast(trim(latest.posted_at) as timestamptz)) as date)
        end as posted_date,
        coalesce(nullif(lower(trim(latest.status)), ''), 'active') as posting_status,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.title), '')) as title,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.company), '')) as company_name,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.location), '')) as location_text,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.workplace_type), '')) as workplace_type_text,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.employment_type), '')) as employment_type_text,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.seniority), '')) as board_seniority_text,
        redact_contact_details(html_to_text(latest.description)) as description_text,
        list_filter(
            list_transform(
                case json_type(latest.skills)
                    when 'ARRAY' then from_json(latest.skills, '["VARCHAR"]')
                    when 'VARCHAR' then string_split(from_json(latest.skills, '"VARCHAR"'), ',')
                end,
                lambda tag: trim(tag)
            ),
            lambda tag: tag is not null and tag <> ''
        ) as skill_tags,
        redact_contact_details_where(latest.has_contacts, nullif(trim(latest.salary), '')) as salary_text,
        case when isfinite(try_cast(latest.salary_min as double)) then try_cast(latest.salary_min as double) end
            as structured_salary_min,
        case when isfinite(try_cast(latest.salary_max as double)) then try_cast(latest.salary_max as double) end
            as structured_salary_max,
        upper(nullif(trim(latest.salary_currency), '')) as structured_salary_currency,
        case
            when nullif(trim(latest.salary_period), '') is null then null
            else salary_period_from_text(latest.salary_period)
        end as structured_salary_period,
        salary_text_parsed.text_salary_min,
        salary_text_parsed.text_salary_max,
        salary_text_parsed.text_salary_currency,
        salary_text_parsed.text_salary_period,
        latest.observation_count,
        latest.filename as source_file
    from latest
    left join salary_text_parsed
        on nullif(trim(latest.salary), '') = salary_text_parsed.salary_text
),

salary_resolved as (
    select
        *,
        resolved_salary_source(structured_salary_min, structured_salary_max, text_salary_min) as salary_source
    from parsed
)

select
    posting_key(source, posting_id) as posting_key,
    posting_id,
    source,
    scraped_at,
    posted_date,
    posting_status,
    posting_status = 'active' as is_active,
    title,
    company_name,
    location_text,
    workplace_type_text,
    employment_type_text,
    board_seniority_text,
    description_text,
    skill_tags,
    salary_text,
    salary_source,
    resolved_salary_min(salary_source, structured_salary_min, structured_salary_max, text_salary_min) as salary_min_amount,
    resolved_salary_max(salary_source, structured_salary_min, structured_salary_max, text_salary_max) as salary_max_amount,
    resolved_salary_currency(salary_source, structured_salary_currency, text_salary_currency) as salary_currency_code,
    resolved_salary_period(salary_source, structured_salary_period, text_salary_period) as salary_period,
    observation_count,
    source_file
from salary_resolved;

reset force_compression;

-- ================================================================================================
-- Classification of distinct values (titles, levels, locations, arrangement texts)
-- ================================================================================================

-- role per distinct title key: the matching pattern with the lowest precedence (ties by role).
-- `title_keys` names a table or CTE with a column title_key (distinct); the history
-- (bench/baseline_history.sql) classifies the titles of older observations with it too
create or replace temp macro title_key_roles(title_keys) as table
with
keys as (
    from query_table(title_keys)
),
matches as (
    select
        keys.title_key,
        role_title_patterns.role,
        row_number() over (
            partition by keys.title_key
            order by role_title_patterns.precedence, role_title_patterns.role
        ) as match_rank
    from keys
    inner join role_title_patterns
        on regexp_matches(keys.title_key, ' ' || trim(role_title_patterns.title_pattern) || ' ')
)
select keys.title_key, matches.role
from keys
left join matches
    on keys.title_key = matches.title_key and matches.match_rank = 1;

create or replace temp table title_roles as
with
title_keys as (
    select distinct text_match_key(title) as title_key from work.postings
)
from title_key_roles('title_keys');

-- seniority: the title's best pattern first, then the board level's, else unspecified. Titles
-- and board levels are classified apart (each distinct value once), then combined per posting.
-- phrases whose level words state no level ("product manager") are blanked out of the title key
-- first: all of them in one pattern, held in a variable so that it is a constant (compiled once)
set variable seniority_title_exclusions = (
    select string_agg(replace(trim(text_match_key(seed_text(phrase))), ' ', ' +'), '|' order by seed_text(phrase))
    from read_csv(getvariable('seeds_dir') || '/taxonomies/seniority_title_exclusions.csv', header = true, all_varchar = true)
);

create or replace temp table title_levels as
with
keys as (
    select
        title_key as level_key,
        case
            when getvariable('seniority_title_exclusions') is null then title_key
            else regexp_replace(
                regexp_replace(
                    replace(title_key, ' ', '  '),
                    ' (' || getvariable('seniority_title_exclusions') || ') ', ' ', 'g'
                ),
                ' +', ' ', 'g'
            )
        end as title_level_key
    from (select distinct text_match_key(title) as title_key from work.postings) as titles
),
matches as (
    select
        keys.level_key,
        seniority_patterns.seniority_level,
        row_number() over (partition by keys.level_key order by seniority_patterns.precedence) as match_rank
    from keys
    inner join seniority_patterns
        on seniority_patterns.applies_to = 'title'
        and regexp_matches(keys.title_level_key, ' ' || trim(seniority_patterns.pattern) || ' ')
)
select level_key, seniority_level from matches where match_rank = 1;

create or replace temp table board_levels as
with
keys as (
    select distinct coalesce(text_match_key(board_seniority_text), ' ') as level_key from work.postings
),
matches as (
    select
        keys.level_key,
        seniority_patterns.seniority_level,
        row_number() over (partition by keys.level_key order by seniority_patterns.precedence) as match_rank
    from keys
    inner join seniority_patterns
        on seniority_patterns.applies_to = 'board'
        and regexp_matches(keys.level_key, ' ' || trim(seniority_patterns.pattern) || ' ')
)
select level_key, seniority_level from matches where match_rank = 1;

-- country per distinct location text: the last part naming a known term decides; a candidate
-- country named by another part wins, then the lowest term_priority, then the code.
-- `location_texts` names a table or CTE with a column location_text (distinct, not null); the
-- history (bench/baseline_history.sql) places the locations of older observations with it too
create or replace temp macro location_text_countries(location_texts) as table
with
locations as (
    from query_table(location_texts)
),
raw_parts as (
    select
        location_text,
        unnest(regexp_extract_all(lower(strip_accents(location_text)), '[^,()/|;–—-]+')) as raw_part,
        generate_subscripts(regexp_extract_all(lower(strip_accents(location_text)), '[^,()/|;–—-]+'), 1)
            as part_position
    from locations
),
part_keys as (
    select
        location_text,
        part_position,
        trim(regexp_replace(regexp_replace(raw_part, '[^a-z&]+', ' ', 'g'), ' +', ' ', 'g')) as part_key
    from raw_parts
),
part_keys_stripped as (
    select location_text, part_position, part_key from part_keys
    union
    select
        location_text,
        part_position,
        trim(regexp_replace(
            regexp_replace(
                ' ' || replace(part_key, ' ', '  ') || ' ',
                ' (remote|hybrid|on +site|onsite|in +office|anywhere|worldwide|global|wfh|work +from +home|only|based|greater|area|metro|metropolitan|region|hq|headquarters|office|first|in) ',
                ' ', 'g'
            ),
            ' +', ' ', 'g'
        )) as part_key
    from part_keys
),
candidates as (
    select
        part_keys_stripped.location_text,
        part_keys_stripped.part_position,
        location_terms.country_code,
        location_terms.term_priority
    from part_keys_stripped
    inner join location_terms on part_keys_stripped.part_key = location_terms.location_term
),
deciding_part as (
    select location_text, max(part_position) as part_position from candidates group by location_text
),
ranked as (
    select
        candidates.location_text,
        candidates.country_code,
        row_number() over (
            partition by candidates.location_text
            order by
                case when exists (
                    select 1 from candidates as other
                    where other.location_text = candidates.location_text
                      and other.country_code = candidates.country_code
                      and other.part_position <> candidates.part_position
                ) then 0 else 1 end,
                candidates.term_priority,
                candidates.country_code
        ) as candidate_rank
    from candidates
    inner join deciding_part
        on candidates.location_text = deciding_part.location_text
        and candidates.part_position = deciding_part.part_position
)
select location_text, country_code from ranked where candidate_rank = 1;

create or replace temp table location_countries as
with
location_texts as (
    select distinct location_text from work.postings where location_text is not null
)
from location_text_countries('location_texts');

-- work arrangements named by each distinct text (workplace_type or location)
create or replace temp table arrangement_texts as
with
texts as (
    select workplace_type_text as arrangement_text from work.postings where workplace_type_text is not null
    union
    select location_text from work.postings where location_text is not null
)
select texts.arrangement_text, work_arrangement_patterns.work_arrangement
from texts
inner join work_arrangement_patterns
    on regexp_matches(text_match_key(texts.arrangement_text), ' ' || trim(work_arrangement_patterns.pattern) || ' ');

-- ================================================================================================
-- One row per posting with everything the marts group and filter by
-- ================================================================================================

create or replace table work.postings_classified as
with
postings as (
    select
        *,
        text_match_key(title) as title_key,
        coalesce(text_match_key(board_seniority_text), ' ') as board_seniority_key
    from work.postings
),
salaries as (
    select
        postings.posting_key,
        postings.salary_source,
        postings.salary_currency_code,
        postings.salary_period,
        postings.salary_min_amount,
        postings.salary_max_amount,
        currencies.currency_code is not null as is_known_currency,
        salary_periods.salary_period is not null as is_known_period,
        postings.salary_min_amount * salary_periods.annualization_factor * currencies.usd_per_unit
            as salary_min_usd_annual,
        postings.salary_max_amount * salary_periods.annualization_factor * currencies.usd_per_unit
            as salary_max_usd_annual
    from postings
    left join currencies on postings.salary_currency_code = currencies.currency_code
    left join salary_periods on postings.salary_period = salary_periods.salary_period
),
salaries_checked as (
    select
        posting_key,
        (salary_min_usd_annual + salary_max_usd_annual) / 2.0 as salary_midpoint_usd_annual,
        salary_issue(
            salary_source, salary_currency_code, is_known_currency, salary_period, is_known_period,
            salary_min_amount, salary_max_amount, salary_min_usd_annual, salary_max_usd_annual
        ) as salary_issue
    from salaries
)
select
    postings.posting_key,
    postings.source,
    postings.posting_id,
    postings.posting_status,
    postings.is_active,
    postings.posted_date,
    date_trunc('month', postings.posted_date) as posted_month,
    title_roles.role,
    title_roles.role is not null as is_role_classified,
    seniority_levels.seniority_level,
    seniority_levels.is_entry_level,
    seniority_levels.is_senior_plus_staff,
    location_countries.country_code,
    coalesce(location_countries.country_code = 'US', false) as is_us,
    postings.company_name,
    salaries_checked.salary_issue is null as has_usable_salary,
    case when salaries_checked.salary_issue is null then salaries_checked.salary_midpoint_usd_annual end
        as salary_usd_annual
from postings
inner join title_roles on postings.title_key = title_roles.title_key
left join title_levels on postings.title_key = title_levels.level_key
left join board_levels on postings.board_seniority_key = board_levels.level_key
inner join seniority_levels
    on coalesce(title_levels.seniority_level, board_levels.seniority_level, 'unspecified')
    = seniority_levels.seniority_level
left join location_countries on postings.location_text = location_countries.location_text
inner join salaries_checked on postings.posting_key = salaries_checked.posting_key;

-- one row per posting and arrangement: the workplace_type field decides, else the location text
create or replace temp table posting_arrangements as
with
workplace as (
    select postings.posting_key, arrangement_texts.work_arrangement
    from work.postings as postings
    inner join arrangement_texts on postings.workplace_type_text = arrangement_texts.arrangement_text
),
from_location as (
    select postings.posting_key, arrangement_texts.work_arrangement
    from work.postings as postings
    inner join arrangement_texts on postings.location_text = arrangement_texts.arrangement_text
    where postings.posting_key not in (select posting_key from workplace)
)
select posting_key, work_arrangement from workplace
union all
select posting_key, work_arrangement from from_location
union all
select posting_key, 'unspecified'
from work.postings
where posting_key not in (select posting_key from workplace)
  and posting_key not in (select posting_key from from_location);

-- ================================================================================================
-- Skills: whole tags against any alias; description tokens against text-allowed aliases
-- ================================================================================================

create or replace temp table skill_alias_keys as
select
    array_to_string(skill_tokens(alias), ' ') as alias_key,
    seed_text(skill) as skill,
    bool_or(lower(trim(is_text_match_allowed)) = 'true') as is_text_match_allowed,
    min(skill_tokens(alias)) as alias_tokens,
    min(skill_tokens(alias)[1]) as first_token,
    min(len(skill_tokens(alias))) as token_count
from read_csv(getvariable('seeds_dir') || '/taxonomies/skill_aliases.csv', header = true, all_varchar = true)
group by all;

-- what descriptions are matched against: text-allowed aliases, and exclusion phrases (skill
-- null) that only exist to swallow the alias inside them by the longest-match rule
create or replace temp table text_patterns as
select skill, alias_tokens as pattern_tokens, first_token, token_count
from skill_alias_keys
where is_text_match_allowed
union all
select
    null,
    min(skill_tokens(phrase)),
    min(skill_tokens(phrase)[1]),
    min(len(skill_tokens(phrase)))
from read_csv(getvariable('seeds_dir') || '/taxonomies/skill_text_exclusions.csv', header = true, all_varchar = true)
group by array_to_string(skill_tokens(phrase), ' ');

create or replace table work.posting_skills as
with
tag_matches as (
    select distinct tags.posting_key, skill_alias_keys.skill
    from (select posting_key, unnest(skill_tags) as skill_tag from work.postings) as tags
    inner join skill_alias_keys
        on array_to_string(skill_tokens(tags.skill_tag), ' ') = skill_alias_keys.alias_key
),
-- each description tokenized once; every position keeps its row's token list, so a pattern of
-- several tokens is checked on the same row (no join back to the lists)
token_positions as (
    select posting_key, tokens, unnest(generate_series(1, len(tokens))) as token_position
    from (select posting_key, skill_tokens(description_text) as tokens from work.postings) as tokenized
),
text_matches as materialized (
    select
        token_positions.posting_key,
        text_patterns.skill,
        token_positions.token_position as start_position,
        token_positions.token_position + text_patterns.token_count - 1 as end_position
    from token_positions
    inner join text_patterns
        on token_positions.tokens[token_positions.token_position] = text_patterns.first_token
    where
        text_patterns.token_count = 1
        or list_slice(
            token_positions.tokens,
            token_positions.token_position,
            token_positions.token_position + text_patterns.token_count - 1
        ) = text_patterns.pattern_tokens
),
-- a match inside a longer match at the same place is dropped; exclusion phrases then go too
description_matches as (
    select posting_key, skill, count(*) as description_mentions
    from text_matches
    where
        skill is not null
        and not exists (
            select 1
            from text_matches as longer
            where
                longer.posting_key = text_matches.posting_key
                and longer.start_position <= text_matches.start_position
                and longer.end_position >= text_matches.end_position
                and longer.end_position - longer.start_position
                > text_matches.end_position - text_matches.start_position
        )
    group by posting_key, skill
)
select
    coalesce(tag_matches.posting_key, description_matches.posting_key) as posting_key,
    coalesce(tag_matches.skill, description_matches.skill) as skill,
    tag_matches.skill is not null as is_tagged,
    description_matches.skill is not null as is_in_description,
    coalesce(description_matches.description_mentions, 0) as description_mentions
from tag_matches
full outer join description_matches
    on tag_matches.posting_key = description_matches.posting_key
    and tag_matches.skill = description_matches.skill;

-- ================================================================================================
-- Marts
-- ================================================================================================

-- median with a distribution-free 95 % interval: order statistics at ranks
-- floor((n - z sqrt n) / 2) and ceil(1 + (n + z sqrt n) / 2), clamped to [1, n]; var: median_ci_z
create or replace temp macro ci_low_rank(n) as greatest(1, cast(floor((n - 1.96 * sqrt(n)) / 2.0) as integer));
create or replace temp macro ci_high_rank(n) as least(n, cast(ceil(1 + (n + 1.96 * sqrt(n)) / 2.0) as integer));

create or replace temp table active_postings as
select * from work.postings_classified where is_active and is_role_classified;

create or replace table marts.role_skill_shares as
with
role_postings as (
    select role, count(*) as active_postings from active_postings group by role
),
skill_counts as (
    select
        active_postings.role,
        posting_skills.skill,
        count(*) as postings_with_skill,
        count(*) filter (where posting_skills.is_tagged) as tagged_postings,
        count(*) filter (where posting_skills.is_in_description) as described_postings
    from active_postings
    inner join work.posting_skills as posting_skills
        on active_postings.posting_key = posting_skills.posting_key
    group by active_postings.role, posting_skills.skill
),
ranked as (
    select
        skill_counts.*,
        role_postings.active_postings,
        row_number() over (
            partition by skill_counts.role
            order by skill_counts.postings_with_skill desc, skill_counts.skill asc
        ) as skill_rank
    from skill_counts
    inner join role_postings on skill_counts.role = role_postings.role
)
select
    cast(ranked.role as varchar) as role,
    cast(ranked.skill as varchar) as skill,
    cast(skills.skill_category as varchar) as skill_category,
    cast(ranked.postings_with_skill as bigint) as postings_with_skill,
    cast(ranked.active_postings as bigint) as active_postings,
    cast(ranked.postings_with_skill * 1.0 / ranked.active_postings as double) as share,
    cast(ranked.skill_rank as integer) as skill_rank,
    cast(ranked.skill_rank <= 30 as boolean) as is_in_top_n,  -- var: top_n_skills
    cast(ranked.tagged_postings as bigint) as tagged_postings,
    cast(ranked.described_postings as bigint) as described_postings
from ranked
inner join skills on ranked.skill = skills.skill;

create or replace table marts.role_metrics as
with
role_counts as (
    select
        role,
        count(*) as active_postings,
        count(*) filter (where is_us) as us_postings,
        count(*) filter (where is_us and has_usable_salary) as us_salaried_postings,
        count(*) filter (where is_entry_level) as entry_level_postings,
        count(*) filter (where is_senior_plus_staff) as senior_plus_staff_postings,
        count(*) filter (where country_code = 'IN') as india_postings,
        count(*) filter (where country_code is null) as unknown_country_postings,
        count(distinct company_name) as distinct_employers
    from active_postings
    group by role
),
arrangement_counts as (
    select
        active_postings.role,
        count(*) filter (where arrangements.work_arrangement = 'remote') as remote_postings,
        count(*) filter (where arrangements.work_arrangement = 'hybrid') as hybrid_postings,
        count(*) filter (where arrangements.work_arrangement = 'onsite') as onsite_postings,
        count(*) filter (where arrangements.work_arrangement = 'unspecified') as unspecified_postings
    from active_postings
    inner join posting_arrangements as arrangements
        on active_postings.posting_key = arrangements.posting_key
    group by active_postings.role
),
salary_stats as (
    select
        role,
        median(salary_usd_annual) as median_value,
        list_sort(list(salary_usd_annual)) as sorted_values,
        count(*) as n
    from active_postings
    where is_us and has_usable_salary
    group by role
),
top_skills as (
    select role, skill, postings_with_skill, share from marts.role_skill_shares where skill_rank = 1
)
select
    cast(c.role as varchar) as role,
    cast(c.active_postings as bigint) as active_postings,
    cast(c.us_postings as bigint) as us_postings,
    cast(c.india_postings as bigint) as india_postings,
    cast(c.unknown_country_postings as bigint) as unknown_country_postings,
    cast(c.distinct_employers as bigint) as distinct_employers,
    cast(c.us_salaried_postings as bigint) as us_salaried_postings,
    cast(s.median_value as double) as median_us_base_salary_usd,
    cast(s.sorted_values[ci_low_rank(s.n)] as double) as median_us_base_salary_ci_low_usd,
    cast(s.sorted_values[ci_high_rank(s.n)] as double) as median_us_base_salary_ci_high_usd,
    cast(c.entry_level_postings as bigint) as entry_level_postings,
    cast(c.entry_level_postings * 1.0 / c.active_postings as double) as entry_level_share,
    cast(c.senior_plus_staff_postings as bigint) as senior_plus_staff_postings,
    cast(c.senior_plus_staff_postings * 1.0 / c.active_postings as double) as senior_plus_staff_share,
    cast(a.remote_postings as bigint) as remote_postings,
    cast(a.remote_postings * 1.0 / c.active_postings as double) as remote_share,
    cast(a.hybrid_postings as bigint) as hybrid_postings,
    cast(a.hybrid_postings * 1.0 / c.active_postings as double) as hybrid_share,
    cast(a.onsite_postings as bigint) as onsite_postings,
    cast(a.onsite_postings * 1.0 / c.active_postings as double) as onsite_share,
    cast(a.unspecified_postings * 1.0 / c.active_postings as double) as unspecified_arrangement_share,
    cast(c.us_postings * 1.0 / c.active_postings as double) as us_share,
    cast(c.india_postings * 1.0 / c.active_postings as double) as india_share,
    cast(t.skill as varchar) as top_skill,
    cast(t.postings_with_skill as bigint) as top_skill_postings,
    cast(t.share as double) as top_skill_share
from role_counts as c
inner join arrangement_counts as a on c.role = a.role
left join salary_stats as s on c.role = s.role
left join top_skills as t on c.role = t.role;

create or replace table marts.role_skill_premiums as
with
skill_stats as (
    select
        p.role,
        k.skill,
        count(*) as n,
        median(p.salary_usd_annual) as median_value,
        list_sort(list(p.salary_usd_annual)) as sorted_values
    from active_postings as p
    inner join work.posting_skills as k on p.posting_key = k.posting_key
    where p.is_us and p.has_usable_salary
    group by p.role, k.skill
)
select
    cast(s.role as varchar) as role,
    cast(s.skill as varchar) as skill,
    cast(s.n as bigint) as us_salaried_postings,
    cast(s.median_value as double) as median_us_base_salary_usd,
    cast(s.sorted_values[ci_low_rank(s.n)] as double) as median_us_base_salary_ci_low_usd,
    cast(s.sorted_values[ci_high_rank(s.n)] as double) as median_us_base_salary_ci_high_usd,
    cast(m.median_us_base_salary_usd as double) as role_median_us_base_salary_usd,
    cast(s.median_value - m.median_us_base_salary_usd as double) as premium_usd,
    cast((s.median_value - m.median_us_base_salary_usd) / m.median_us_base_salary_usd as double)
        as premium_share,
    cast(s.n < 40 as boolean) as is_below_min_n,  -- var: min_skill_salary_n
    cast(row_number() over (
        partition by s.role
        order by case when s.n < 40 then 1 else 0 end, s.median_value desc, s.skill
    ) as integer) as premium_rank
from skill_stats as s
inner join marts.role_metrics as m on s.role = m.role;

create or replace table marts.role_pair_overlap as
with
top_skills as (select role, skill from marts.role_skill_shares where is_in_top_n),
set_sizes as (select role, count(*) as top_skills from top_skills group by role),
role_pairs as (
    select a.role as role_a, b.role as role_b
    from marts.role_metrics as a cross join marts.role_metrics as b
    where a.role <> b.role
),
shared as (
    select a.role as role_a, b.role as role_b, count(*) as shared_skills
    from top_skills as a inner join top_skills as b on a.skill = b.skill and a.role <> b.role
    group by a.role, b.role
)
select
    cast(p.role_a as varchar) as role_a,
    cast(p.role_b as varchar) as role_b,
    cast(30 as integer) as top_n,  -- var: top_n_skills
    cast(coalesce(sa.top_skills, 0) as bigint) as role_a_top_skills,
    cast(coalesce(sb.top_skills, 0) as bigint) as role_b_top_skills,
    cast(coalesce(sh.shared_skills, 0) as bigint) as shared_skills,
    cast(coalesce(sa.top_skills, 0) + coalesce(sb.top_skills, 0) - coalesce(sh.shared_skills, 0) as bigint)
        as union_skills,
    cast(coalesce(sh.shared_skills, 0) * 1.0
        / nullif(coalesce(sa.top_skills, 0) + coalesce(sb.top_skills, 0) - coalesce(sh.shared_skills, 0), 0)
        as double) as jaccard
from role_pairs as p
left join shared as sh on p.role_a = sh.role_a and p.role_b = sh.role_b
left join set_sizes as sa on p.role_a = sa.role
left join set_sizes as sb on p.role_b = sb.role;

create or replace table marts.role_pair_exclusive_skills as
with
top_skills as (select role, skill from marts.role_skill_shares where is_in_top_n),
one_sided as (
    select p.role_a, p.role_b, t.skill, t.role as exclusive_to_role,
           case when t.role = p.role_a then p.role_b else p.role_a end as other_role
    from marts.role_pair_overlap as p
    inner join top_skills as t on t.role in (p.role_a, p.role_b)
    where not exists (
        select 1 from top_skills as o
        where o.skill = t.skill
          and o.role = case when t.role = p.role_a then p.role_b else p.role_a end
    )
)
select
    cast(o.role_a as varchar) as role_a,
    cast(o.role_b as varchar) as role_b,
    cast(o.skill as varchar) as skill,
    cast(o.exclusive_to_role as varchar) as exclusive_to_role,
    cast(e.share as double) as share,
    cast(e.skill_rank as integer) as skill_rank,
    cast(coalesce(x.share, 0) as double) as other_role_share,
    cast(x.skill_rank as integer) as other_role_skill_rank
from one_sided as o
inner join marts.role_skill_shares as e on o.exclusive_to_role = e.role and o.skill = e.skill
left join marts.role_skill_shares as x on o.other_role = x.role and o.skill = x.skill;

create or replace table marts.role_monthly_postings as
with
postings as (
    select * from work.postings_classified where is_role_classified and posted_month is not null
),
monthly as (
    select
        role,
        posted_month,
        count(*) as new_postings,
        count(*) filter (where is_active) as still_active_postings,
        count(*) filter (where is_us) as us_postings
    from postings
    group by role, posted_month
),
salary_stats as (
    select
        role,
        posted_month,
        count(*) as n,
        median(salary_usd_annual) as median_value,
        list_sort(list(salary_usd_annual)) as sorted_values
    from postings
    where is_us and has_usable_salary
    group by role, posted_month
)
select
    cast(m.role as varchar) as role,
    cast(m.posted_month as date) as posted_month,
    cast(m.new_postings as bigint) as new_postings,
    cast(m.still_active_postings as bigint) as still_active_postings,
    cast(m.us_postings as bigint) as us_postings,
    cast(coalesce(s.n, 0) as bigint) as us_salaried_postings,
    cast(s.median_value as double) as median_us_base_salary_usd,
    cast(s.sorted_values[ci_low_rank(s.n)] as double) as median_us_base_salary_ci_low_usd,
    cast(s.sorted_values[ci_high_rank(s.n)] as double) as median_us_base_salary_ci_high_usd,
    cast(m.new_postings * 1.0 / sum(m.new_postings) over (partition by m.role) as double)
        as share_of_role_postings
from monthly as m
left join salary_stats as s on m.role = s.role and m.posted_month = s.posted_month;

-- growth between the latest 3 posted months and the 3 before (dbt: var trend_period_months)
create or replace table marts.role_pair_comparison as
with
latest_month as (select max(posted_month) as latest_month from marts.role_monthly_postings),
period_postings as (
    select
        m.role,
        sum(m.new_postings) filter (
            where m.posted_month > l.latest_month - interval 6 month and m.posted_month <= l.latest_month - interval 3 month
        ) as prior_period_postings,
        sum(m.new_postings) filter (where m.posted_month > l.latest_month - interval 3 month) as recent_period_postings
    from marts.role_monthly_postings as m
    cross join latest_month as l
    group by m.role
),
role_growth as (
    select
        r.role,
        coalesce(p.prior_period_postings, 0) as prior_period_postings,
        coalesce(p.recent_period_postings, 0) as recent_period_postings,
        p.recent_period_postings * 1.0 / nullif(p.prior_period_postings, 0) - 1 as posting_growth
    from marts.role_metrics as r
    left join period_postings as p on r.role = p.role
)
select
    cast(o.role_a as varchar) as role_a,
    cast(o.role_b as varchar) as role_b,
    cast(a.active_postings as bigint) as role_a_active_postings,
    cast(b.active_postings as bigint) as role_b_active_postings,
    cast(a.active_postings * 1.0 / b.active_postings as double) as active_postings_ratio,
    cast(a.us_salaried_postings as bigint) as role_a_us_salaried_postings,
    cast(b.us_salaried_postings as bigint) as role_b_us_salaried_postings,
    cast(a.median_us_base_salary_usd as double) as role_a_median_us_base_salary_usd,
    cast(b.median_us_base_salary_usd as double) as role_b_median_us_base_salary_usd,
    cast(a.median_us_base_salary_usd - b.median_us_base_salary_usd as double) as median_salary_gap_usd,
    cast((a.median_us_base_salary_usd - b.median_us_base_salary_usd)
        / nullif(b.median_us_base_salary_usd, 0) as double) as median_salary_gap_share,
    cast(a.entry_level_postings as bigint) as role_a_entry_level_postings,
    cast(b.entry_level_postings as bigint) as role_b_entry_level_postings,
    cast(a.entry_level_share as double) as role_a_entry_level_share,
    cast(b.entry_level_share as double) as role_b_entry_level_share,
    cast(a.senior_plus_staff_share as double) as role_a_senior_plus_staff_share,
    cast(b.senior_plus_staff_share as double) as role_b_senior_plus_staff_share,
    cast(a.remote_share as double) as role_a_remote_share,
    cast(b.remote_share as double) as role_b_remote_share,
    cast(a.hybrid_share as double) as role_a_hybrid_share,
    cast(b.hybrid_share as double) as role_b_hybrid_share,
    cast(a.onsite_share as double) as role_a_onsite_share,
    cast(b.onsite_share as double) as role_b_onsite_share,
    cast(a.us_share as double) as role_a_us_share,
    cast(b.us_share as double) as role_b_us_share,
    cast(a.india_share as double) as role_a_india_share,
    cast(b.india_share as double) as role_b_india_share,
    cast(a.top_skill as varchar) as role_a_top_skill,
    cast(b.top_skill as varchar) as role_b_top_skill,
    cast(a.top_skill_share as double) as role_a_top_skill_share,
    cast(b.top_skill_share as double) as role_b_top_skill_share,
    cast(o.top_n as integer) as top_n,
    cast(o.shared_skills as bigint) as shared_skills,
    cast(o.union_skills as bigint) as union_skills,
    cast(o.jaccard as double) as jaccard,
    cast(3 as integer) as growth_period_months,
    cast(l.latest_month - interval 5 month as date) as growth_prior_period_start,
    cast(l.latest_month - interval 2 month as date) as growth_recent_period_start,
    cast(ga.prior_period_postings as bigint) as role_a_prior_period_postings,
    cast(gb.prior_period_postings as bigint) as role_b_prior_period_postings,
    cast(ga.recent_period_postings as bigint) as role_a_recent_period_postings,
    cast(gb.recent_period_postings as bigint) as role_b_recent_period_postings,
    cast(ga.posting_growth as double) as role_a_posting_growth,
    cast(gb.posting_growth as double) as role_b_posting_growth,
    cast(ga.posting_growth - gb.posting_growth as double) as posting_growth_gap
from marts.role_pair_overlap as o
inner join marts.role_metrics as a on o.role_a = a.role
inner join marts.role_metrics as b on o.role_b = b.role
cross join latest_month as l
inner join role_growth as ga on o.role_a = ga.role
inner join role_growth as gb on o.role_b = gb.role;

create or replace table marts.role_countries as
with
role_postings as (select role, count(*) as active_postings from active_postings group by role),
country_counts as (
    select
        role,
        country_code,
        count(*) as postings,
        count(*) filter (where has_usable_salary) as salaried_postings
    from active_postings
    where country_code is not null
    group by role, country_code
)
select
    cast(c.role as varchar) as role,
    cast(c.country_code as varchar) as country_code,
    cast(countries.country_name as varchar) as country_name,
    cast(c.postings as bigint) as postings,
    cast(c.postings * 1.0 / r.active_postings as double) as share,
    cast(c.salaried_postings as bigint) as salaried_postings,
    cast(row_number() over (partition by c.role order by c.postings desc, c.country_code) as integer)
        as country_rank
from country_counts as c
inner join role_postings as r on c.role = r.role
inner join countries on c.country_code = countries.country_code;

create or replace table marts.role_employers as
with
role_postings as (select role, count(*) as active_postings from active_postings group by role),
employer_counts as (
    select role, company_name, count(*) as postings, count(*) filter (where is_us) as us_postings
    from active_postings
    where company_name is not null
    group by role, company_name
)
select
    cast(e.role as varchar) as role,
    cast(e.company_name as varchar) as company_name,
    cast(e.postings as bigint) as postings,
    cast(e.postings * 1.0 / r.active_postings as double) as share,
    cast(e.us_postings as bigint) as us_postings,
    cast(row_number() over (partition by e.role order by e.postings desc, e.company_name) as integer)
        as employer_rank
from employer_counts as e
inner join role_postings as r on e.role = r.role;

-- one row per posting (its latest observation), classified or not: the semantic layer's mart
create or replace table marts.postings as
select
    cast(posting_key as varchar) as posting_key,
    cast(source as varchar) as source,
    cast(posting_id as varchar) as posting_id,
    cast(posting_status as varchar) as posting_status,
    cast(is_active as boolean) as is_active,
    cast(posted_date as date) as posted_date,
    cast(role as varchar) as role,
    cast(is_role_classified as boolean) as is_role_classified,
    cast(seniority_level as varchar) as seniority_level,
    cast(is_entry_level as boolean) as is_entry_level,
    cast(is_senior_plus_staff as boolean) as is_senior_plus_staff,
    cast(country_code as varchar) as country_code,
    cast(is_us as boolean) as is_us,
    cast(company_name as varchar) as company_name,
    cast(salary_usd_annual as double) as salary_usd_annual,
    cast(has_usable_salary as boolean) as has_usable_salary
from work.postings_classified;

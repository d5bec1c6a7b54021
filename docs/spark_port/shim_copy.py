"""A scratch copy of the project with the proposed Spark port applied (docs/spark_port.md), to
measure it with map_models.py; the project itself is not changed. Applies:

* docs/spark_port/spark_shim.sql as macros/spark_shim.sql (spark__ bodies of the dispatched macros);
* the edits the port needs outside dispatched macros, each a literal text replacement that must
  match (a replacement that no longer matches fails loudly, so this file tracks the project).

    .venv/bin/python docs/spark_port/shim_copy.py /tmp/spark_shim_project
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
SKIP = {".venv", ".git", "target", "target-spark", "target-ref", "logs", "data", "warehouse", "bench", "evaluation"}

# (file glob, old, new, why); `old` may be a regex when it starts with "re:"
EDITS = [
    ("models/**/*.sql", "re:\\bas varchar\\b", "as string",
     "Spark has no varchar without a length; DuckDB reads `string` as varchar (portable)"),
    ("macros/**/*.sql", "re:\\bas varchar\\b", "as string", "same, in macros"),
    ("tests/**/*.sql", "re:\\bas varchar\\b", "as string", "same, in singular tests"),
    ("models/**/*.yml", "data_type: varchar", "data_type: string", "contract / column types (portable)"),
    ("macros/posting_key.sql",
     "replace(replace({{ source }}, '\\', '\\\\'), ':', '\\:')",
     "replace(replace({{ source }}, {{ sql_string_literal('\\\\') }}, {{ sql_string_literal('\\\\\\\\') }}), ':', {{ sql_string_literal('\\\\:') }})",
     "'\\' is an unterminated literal in Spark: literals with backslashes through sql_string_literal"),
    ("macros/parsing/text_cleaning.sql", "dbt.position(\"'\\\\u'\", raw_line)",
     "dbt.position(sql_string_literal('\\\\u'), raw_line)", "Spark reads '\\u' as 'u'"),
    ("macros/parsing/text_cleaning.sql", "dbt.position(\"'\\\\b'\", raw_line)",
     "dbt.position(sql_string_literal('\\\\b'), raw_line)", "Spark reads '\\b' as a backspace"),
    ("macros/parsing/text_cleaning.sql", "dbt.position(\"'\\\\f'\", raw_line)",
     "dbt.position(sql_string_literal('\\\\f'), raw_line)", "Spark reads '\\f' as a form feed"),
    ("macros/parsing/text_keys.sql", "nullif(trim({{ regex_replace_all(lines",
     "nullif(btrim({{ regex_replace_all(lines",
     "Spark's trim(a, b) trims the characters of a from b (silently wrong): btrim(text, chars)"),
    ("models/**/*.sql", "materialized='incremental'", "materialized='table'",
     "dbt-spark has no delete+insert and plain Parquet tables no DELETE: full rebuilds here"),
    ("models/**/*.sql", "re:\\* 1\\.0\\b", "* 1e0",
     "Spark's 1.0 is a decimal: count * 1.0 / count is decimal division, rounded to ~15 digits; 1e0 is a double on both"),
    ("dbt_project.yml", "models:\n  job_market_warehouse:\n    +materialized: table",
     "models:\n  job_market_warehouse:\n    +materialized: table\n    +file_format: parquet",
     "dbt-spark assumes delta when unset and then runs ALTER COLUMN ... SET NOT NULL for contracts, which Parquet tables refuse"),
    ("profiles.yml", "        spark.sql.session.timeZone: UTC",
     "        spark.sql.session.timeZone: UTC\n        spark.sql.variant.allowDuplicateKeys: \"true\"",
     "try_parse_json (json_value_kind) reads {\"a\": 1, \"a\": 2} as DuckDB does"),
]


def main() -> None:
    dest = Path(sys.argv[1]).resolve()
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(PROJECT, dest, ignore=lambda d, names: [n for n in names if n in SKIP and Path(d) == PROJECT])
    shutil.copy(PROJECT / "docs" / "spark_port" / "spark_shim.sql", dest / "macros" / "spark_shim.sql")
    for pattern, old, new, why in EDITS:
        count = 0
        for path in sorted(dest.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            if old.startswith("re:"):
                text, n = re.subn(old[3:], new, text)
            else:
                n = text.count(old)
                text = text.replace(old, new)
            if n:
                path.write_text(text, encoding="utf-8")
                count += n
        if not count:
            raise SystemExit(f"edit no longer matches: {pattern}: {old!r}")
        print(f"{count:3d} x {pattern}: {why}")


if __name__ == "__main__":
    main()

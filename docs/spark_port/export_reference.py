"""Export every table and view of a DuckDB warehouse as <out>/<schema>/<name>/data.parquet: the
reference rows map_models.py compares Spark's with (docs/spark_port.md).

    .venv/bin/python docs/spark_port/export_reference.py warehouse/ref.duckdb warehouse/ref_parquet
"""

import sys
from pathlib import Path

import duckdb

db, out = sys.argv[1], Path(sys.argv[2])
con = duckdb.connect(db)
catalog = con.execute("select current_database()").fetchone()[0]
rows = con.execute(
    "select table_schema, table_name from information_schema.tables where table_catalog = ? order by 1, 2",
    [catalog],
).fetchall()
for schema, name in rows:
    target = out / schema / name
    target.mkdir(parents=True, exist_ok=True)
    path = str(target / "data.parquet").replace("'", "''")
    con.execute(f'copy (select * from "{schema}"."{name}") to \'{path}\' (format parquet)')
    print(schema, name, con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0])

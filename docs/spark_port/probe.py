"""Probe Spark SQL equivalents of the project's DuckDB constructs (docs/spark_port.md): runs every
statement of the given files in one local PySpark session and prints one line per probe (OK and the
rows, or ERR and the error). A probe is a label line, then SQL, separated by lines "---"; lines
starting with "#" are comments. Label prefixes: [esc] runs with spark.sql.parser.escapedStringLiterals,
[dup] with spark.sql.variant.allowDuplicateKeys. ANSI off and session time zone UTC, as dbt-spark
and the profile set them.

    SPARK_LOCAL_IP=127.0.0.1 .venv/bin/python docs/spark_port/probe.py docs/spark_port/probes.sql
"""
import os
import sys
import tempfile
import time
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
from pyspark.sql import SparkSession
t0 = time.time()
b = (SparkSession.builder.master("local[2]").appName("probe")
     .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
     .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.ansi.enabled", "false")
     .config("spark.sql.session.timeZone", "UTC").config("spark.sql.shuffle.partitions", "4")
     .config("spark.sql.warehouse.dir", os.path.join(tempfile.gettempdir(), "spark_port_probe")))
spark = b.getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
print(f"# session start {time.time()-t0:.1f}s  spark {spark.version}")

def q(label, sql, conf=None):
    if conf:
        for k, v in conf.items():
            spark.conf.set(k, v)
    try:
        rows = spark.sql(sql).collect()
        out = [tuple(r) for r in rows]
        print(f"OK   {label}: {out if len(out) != 1 else out[0]}")
    except Exception as e:
        msg = str(e).strip().splitlines()[0][:220]
        print(f"ERR  {label}: {msg}")
    finally:
        if conf:
            for k in conf:
                spark.conf.unset(k)

for path in sys.argv[1:]:
    with open(path) as f:
        block = f.read()
    for chunk in block.split("\n---\n"):
        lines = [line for line in chunk.strip().splitlines() if not line.startswith("#")]
        if not lines:
            continue
        label, sql = lines[0], "\n".join(lines[1:])
        conf = None
        if label.startswith("[dup]"):
            conf = {"spark.sql.variant.allowDuplicateKeys": "true"}
        elif label.startswith("[esc]"):
            conf = {"spark.sql.parser.escapedStringLiterals": "true"}
        q(label, sql, conf)

#!/usr/bin/env python3
"""Reads a `khabar export --format parquet` file with pandas, polars and DuckDB and checks that
all three see the documented schema (README, "The archive"; `khabar_store::PARQUET_COLUMNS`)
and the same values.

    cargo build --release --features parquet
    target/release/khabar ingest corpus/sample --db /tmp/kdb
    target/release/khabar export --format parquet -o /tmp/articles.parquet --db /tmp/kdb
    python3 -m venv target/pq-venv && target/pq-venv/bin/pip install pyarrow pandas polars duckdb
    target/pq-venv/bin/python scripts/check_parquet.py /tmp/articles.parquet --rows 30

Exit status 0 when every check passes; each failed check is printed.
"""

import argparse
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

# name -> (pyarrow type as printed, nullable)
COLUMNS = {
    "id": ("int64", False),
    "hash": ("string", False),
    "source": ("string", False),
    "agency_id": ("string", True),
    "agency_origin_id": ("string", True),
    "news_id": ("string", True),
    "published": ("string", True),
    "published_utc": ("timestamp[us, tz=UTC]", True),
    "published_date": ("date32[day]", True),
    "published_jalali": ("string", True),
    "kicker": ("string", True),
    "title": ("string", True),
    "lead": ("string", True),
    "body": ("string", True),
    "entities": ("list<item: string not null>", False),
    "quotes": ("int32", False),
    "events": ("int32", False),
    "cluster": ("string", True),
}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--rows", type=int, help="expected number of rows")
    args = ap.parse_args()

    # The schema as written (pyarrow reads the Parquet footer).
    schema = pq.read_schema(args.file)
    got = {f.name: (str(f.type), f.nullable) for f in schema}
    check(list(got) == list(COLUMNS), f"columns in order: {list(got)}")
    for name, want in COLUMNS.items():
        check(got.get(name) == want, f"{name}: {got.get(name)} (documented {want})")

    # pandas
    df = pd.read_parquet(args.file)
    n = len(df)
    if args.rows is not None:
        check(n == args.rows, f"pandas: {n} rows (expected {args.rows})")
    check(str(df["id"].dtype) == "int64", f"pandas: id is {df['id'].dtype}")
    check(str(df["published_utc"].dtype).startswith("datetime64") and "UTC" in str(df["published_utc"].dtype),
          f"pandas: published_utc is {df['published_utc'].dtype}")
    check(list(df["id"]) == sorted(df["id"]) and df["id"].is_unique, "pandas: ids unique, in ingest order")
    with_time = df["published"].notna() & (df["published"].str.len() > 10)
    check(df["published_utc"].notna().equals(with_time), "pandas: published_utc set exactly when published has a time")
    check((df["published_date"].notna() == df["published"].notna()).all(), "pandas: published_date set when published is")
    # The UTC instant is the printed time minus the printed offset.
    rfc = pd.to_datetime(df.loc[with_time, "published"], utc=True, format="ISO8601")
    check((rfc == df.loc[with_time, "published_utc"]).all(), "pandas: published_utc equals published (parsed by pandas)")

    # polars
    pf = pl.read_parquet(args.file)
    check(pf.height == n, f"polars: {pf.height} rows")
    check(pf.schema["entities"] == pl.List(pl.String), f"polars: entities is {pf.schema['entities']}")
    check(pf.schema["published_utc"] == pl.Datetime("us", "UTC"), f"polars: published_utc is {pf.schema['published_utc']}")
    check(pf["id"].to_list() == df["id"].tolist(), "polars: same ids as pandas")
    check(pf["title"].to_list() == [None if pd.isna(t) else t for t in df["title"]], "polars: same titles as pandas")
    check(pf["entities"].to_list() == [list(e) for e in df["entities"]], "polars: same entity lists as pandas")

    # DuckDB
    con = duckdb.connect()
    count = con.execute("SELECT count(*) FROM read_parquet(?)", [args.file]).fetchone()[0]
    check(count == n, f"duckdb: {count} rows")
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))", [args.file]).fetchall())
    check(types.get("entities") == "VARCHAR[]" and types.get("published_utc") == "TIMESTAMP WITH TIME ZONE"
          and types.get("published_date") == "DATE" and types.get("id") == "BIGINT", f"duckdb types: {types}")
    rows = con.execute(
        "SELECT id, len(entities), quotes, events, cluster FROM read_parquet(?) ORDER BY id", [args.file]).fetchall()
    check([r[0] for r in rows] == df["id"].tolist(), "duckdb: same ids as pandas")
    check([r[1] for r in rows] == [len(e) for e in df["entities"]], "duckdb: same entity counts as pandas")
    check([r[2] for r in rows] == df["quotes"].tolist(), "duckdb: same quote counts as pandas")
    # A typical analysis: stories (clusters) per outlet and the people most written about.
    top = con.execute(
        "SELECT e, count(DISTINCT cluster) AS stories FROM (SELECT unnest(entities) AS e, cluster FROM read_parquet(?)) "
        "GROUP BY e ORDER BY stories DESC, e LIMIT 3", [args.file]).fetchall()
    print(f"     duckdb: most mentioned entities by stories: {top}")
    days = con.execute("SELECT min(published_date), max(published_date) FROM read_parquet(?)", [args.file]).fetchone()
    print(f"     duckdb: published dates from {days[0]} to {days[1]}")

    print(f"{n} rows; {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

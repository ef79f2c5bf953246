#!/usr/bin/env python3
"""The peers make bench measures planq against, run inside bench/out/venv.

    peers.py recognizers FILE...     Microsoft Recognizers-Text (Chinese) finding numbers, line by line:
                                     prints bytes= seconds= numbers=
    peers.py duckdb DIR RUNS         DuckDB loading DIR/{docs,targets,sentences}.csv once, then the
                                     bench queries RUNS times each: prints name= median_ms= rows= per query
"""
import statistics, sys, time

def recognizers(files):
    from recognizers_number import NumberRecognizer, Culture
    texts = []
    for path in files:
        data = open(path, "rb").read()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(data.decode("gb18030", errors="replace"))
    lines = [line for text in texts for line in text.split("\n") if line.strip()]
    size = sum(len(line.encode("utf-8")) for line in lines)
    # One model built before the clock starts (recognize_number() would rebuild it for every line).
    model = NumberRecognizer(Culture.Chinese).get_number_model(Culture.Chinese)
    start = time.process_time()
    found = sum(len(model.parse(line)) for line in lines)
    seconds = time.process_time() - start
    print(f"bytes={size} seconds={seconds:.3f} numbers={found}")

QUERIES = [
    ("summarize", "SELECT region, count(*) AS n, avg(value) AS v FROM targets GROUP BY region"),
    ("where_sort_take", "SELECT * FROM targets WHERE value > 10 ORDER BY value DESC LIMIT 20"),
    ("join_summarize", "SELECT d.doc_type, count(*) AS n FROM targets t JOIN docs d ON t.doc = d.doc GROUP BY d.doc_type"),
    ("search", "SELECT doc, line, text FROM sentences WHERE contains(norm, '托位')"),
]

def duck(folder, runs):
    import duckdb
    con = duckdb.connect()
    for table in ("docs", "targets", "sentences"):
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv_auto('{folder}/{table}.csv', header=true, sample_size=-1)")
    for name, sql in QUERIES:
        con.execute(sql).fetchall()  # warm
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(con.execute(sql).fetchall())
            times.append((time.perf_counter() - start) * 1000)
        print(f"name={name} median_ms={statistics.median(times):.3f} rows={rows}")

if __name__ == "__main__":
    if sys.argv[1] == "recognizers":
        recognizers(sys.argv[2:])
    elif sys.argv[1] == "duckdb":
        duck(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)

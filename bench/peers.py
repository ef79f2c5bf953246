#!/usr/bin/env python3
"""The peers make bench measures planq against, run inside bench/out/venv.

    peers.py recognizers FILE...     Microsoft Recognizers-Text (Chinese) finding numbers, line by line, as a
                                     coprocess: builds its model, prints ready bytes=, then for each line
                                     `pass` read on stdin times one pass over the files: prints seconds= numbers=
    peers.py duckdb DIR RUNS         DuckDB loading DIR/{docs,targets,sentences}.csv once, then the
                                     bench queries RUNS times each: prints name= median_ms= rows= per query
    peers.py startup RUNS PROMPT CMD...  time from launch to PROMPT on a pseudo-terminal, then to exit after
                                     sending the quit line (.quit or :quit): prints prompt_ms= exit_ms= (medians).
                                     With PLANQ_FIRST_QUERY=Q and PLANQ_FIRST_MARK=M, sends Q at the prompt and
                                     also times its result M (first_ms=): the wait for a background load.
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
    # One model built before any clock starts (recognize_number() would rebuild it for every line).
    model = NumberRecognizer(Culture.Chinese).get_number_model(Culture.Chinese)
    print(f"ready bytes={size}", flush=True)
    # planq's bench-query asks for each pass between its own, so that both are timed in the same stretch of a
    # shared machine's time (its speed drifts by a third over tens of seconds). CPU time of this process.
    for request in sys.stdin:
        if request.strip() != "pass":
            break
        start = time.process_time()
        found = sum(len(model.parse(line)) for line in lines)
        print(f"seconds={time.process_time() - start:.4f} numbers={found}", flush=True)

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
        # The dialect is given, not sniffed: planq writes RFC 4180 (comma, double quotes), and the sniffer can
        # give up on a large file that happens to need no quoting at all.
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{folder}/{table}.csv', header=true, "
                    "delim=',', quote='\"', escape='\"', sample_size=-1)")
    for name, sql in QUERIES:
        con.execute(sql).fetchall()  # warm
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(con.execute(sql).fetchall())
            times.append((time.perf_counter() - start) * 1000)
        print(f"name={name} median_ms={statistics.median(times):.3f} rows={rows}")

def startup(runs, prompt, cmd):
    import os, pty, select
    quit_line = b".quit\n" if prompt.startswith("sqlite") else b":quit\n"
    query = os.environ.get("PLANQ_FIRST_QUERY", "").encode()
    mark = os.environ.get("PLANQ_FIRST_MARK", "").encode()
    prompts, exits, firsts = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            os.execvp(cmd[0], cmd)
        seen, prompt_at, first_at = b"", None, None
        while True:
            r, _, _ = select.select([fd], [], [], 10)
            if not r:
                break
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if prompt_at is None and prompt.encode() in seen:
                prompt_at = time.perf_counter()
                os.write(fd, query + b"\n" if query else quit_line)
            if query and first_at is None and mark in seen:
                first_at = time.perf_counter()
                os.write(fd, quit_line)
        os.waitpid(pid, 0)
        os.close(fd)
        end = time.perf_counter()
        if prompt_at is None:
            raise SystemExit(f"startup: no prompt {prompt!r} from {cmd}")
        prompts.append((prompt_at - start) * 1000)
        exits.append((end - start) * 1000)
        if first_at is not None:
            firsts.append((first_at - start) * 1000)
    first = f" first_ms={statistics.median(firsts):.1f}" if firsts else ""
    print(f"prompt_ms={statistics.median(prompts):.1f} exit_ms={statistics.median(exits):.1f}{first}")

if __name__ == "__main__":
    if sys.argv[1] == "recognizers":
        recognizers(sys.argv[2:])
    elif sys.argv[1] == "duckdb":
        duck(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "startup":
        startup(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
    else:
        raise SystemExit(__doc__)

#!/usr/bin/env bash
# make bench, second half: planq beside a peer measured in the same run, as ratios, then one summary table.
#   extraction  planq's Extractor (and its NumberScanner alone) vs Microsoft Recognizers-Text (Chinese numbers)
#   queries     four queries inside one planq process vs DuckDB over the same tables; kwic vs ripgrep
#   start-up    planq's REPL prompt on the sample corpus vs sqlite3 :memory:'s, in a pseudo-terminal
# Called by bench/run.sh after the load section (which writes $OUT/planq.out and $OUT/planq.time).
#   BENCH_RUNS=N  runs per query (default 10)   BENCH_SAMPLE=N  files Recognizers-Text reads (default 50)
#   BENCH_ROUNDS=N  rounds of extraction passes, each with one pass of Recognizers-Text (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=bench/out
CORPUS=$OUT/corpus
PLANQ=.build/release/planq
VENV=$OUT/venv
RUNS=${BENCH_RUNS:-10}
SAMPLE_FILES=${BENCH_SAMPLE:-50}
ROUNDS=${BENCH_ROUNDS:-5}
WORD=${BENCH_WORD:-托位}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
SUMMARY=$OUT/summary.tsv
: >"$SUMMARY"

need() {   # need COMMAND PACKAGE: install the Debian package when the command is missing
    command -v "$1" >/dev/null 2>&1 && return
    echo "bench: $1 missing; installing $2 with apt-get"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need rg ripgrep
need sqlite3 sqlite3
need python3 python3
# The peers live in a venv of their own (Recognizers-Text needs emoji<1.0).
if ! "$VENV/bin/python" -c 'import duckdb, recognizers_number' 2>/dev/null; then
    python3 -m venv "$VENV" 2>/dev/null || {
        $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$VENV"
    }
    "$VENV/bin/pip" install -q --upgrade pip
    "$VENV/bin/pip" install -q "emoji<1.0" recognizers-text-suite duckdb
fi

# row FIGURE PLANQ PEER RATIO GOAL MET: one line of the summary table.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$SUMMARY"; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
met() { awk "BEGIN { print ($1) ? \"yes\" : \"NO\" }"; }

# median_ms N CMD...: wall-clock median of N runs, in milliseconds (output discarded).
median_ms() {
    local n=$1; shift
    local i t0 t1
    for ((i = 0; i < n; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000 ))
    done | sort -n | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}
field() { tr ' ' '\n' <"$1" | sed -n "s/^$2=//p" | sed -n 1p; }

# ---- one planq process: load, time the queries, export the tables, time extraction beside the peer ---------
# The peer is Microsoft Recognizers-Text finding numbers in a sample of the same files, one thread. It runs as
# a coprocess of planq's bench-query, one pass at the start of each round of planq's extraction passes, so both
# are timed in the same stretch of the machine's time; each figure is the least CPU time over the rounds.
Q_SUMMARIZE='targets | summarize n = count(), v = avg(value) by region'
Q_WHERE='targets | where value > 10 | sort -value | take 20'
Q_JOIN='targets | join docs on doc | summarize n = count() by doc_type'
Q_KWIC="sentences | kwic \"$WORD\" window 10"
# (sed reads all its input: head would close the pipe early, and pipefail would end the script on SIGPIPE)
find "$CORPUS" -type f -name '*.txt' | sort | sed -n "1,${SAMPLE_FILES}p" >"$OUT/sample.list"
echo "bench: planq bench-query (load once, ${RUNS} runs per query, then ${ROUNDS} rounds of extraction passes," \
    "each after a pass of Recognizers-Text over $SAMPLE_FILES files)"
"$PLANQ" bench-query "$CORPUS" --extraction --rounds "$ROUNDS" --export "$OUT/tables" --runs "$RUNS" \
    --peer "$VENV/bin/python bench/peers.py recognizers $(tr '\n' ' ' <"$OUT/sample.list")" \
    --query "$Q_SUMMARIZE" --query "$Q_WHERE" --query "$Q_JOIN" --query "$Q_KWIC" >"$OUT/query.out"
grep '^documents=' "$OUT/query.out" >"$OUT/extract.out"
planq_ms() { sed -n "$1p" <(grep '^median_ms=' "$OUT/query.out") | sed 's/^median_ms=\([0-9.]*\).*/\1/'; }

EX_BYTES=$(field "$OUT/extract.out" clean_bytes)
EX_ALL=$(calc "$EX_BYTES / 1e6 / $(field "$OUT/extract.out" extract_cpu_seconds)" 1)
EX_SCAN=$(calc "$EX_BYTES / 1e6 / $(field "$OUT/extract.out" scan_cpu_seconds)" 1)
RT=$(calc "$(field "$OUT/extract.out" peer_bytes) / 1e6 / $(field "$OUT/extract.out" peer_seconds)" 3)
row "extraction MB/s per core (whole Extractor vs Recognizers numbers)" "$EX_ALL" "$RT" "$(calc "$EX_ALL / $RT" 0)x" ">= 100x" "$(met "$EX_ALL / $RT >= 100")"
row "  number scanning alone MB/s per core" "$EX_SCAN" "$RT" "$(calc "$EX_SCAN / $RT" 0)x" ">= 100x" "$(met "$EX_SCAN / $RT >= 100")"
# The peer runs on one thread of an otherwise idle machine; the rows above keep all cores busy.
EX_ONE=$(calc "$EX_BYTES / 1e6 / $(field "$OUT/extract.out" extract_one_thread_cpu_seconds)" 1)
row "  whole Extractor on one thread, as the peer runs" "$EX_ONE" "$RT" "$(calc "$EX_ONE / $RT" 0)x" "-" "-"

# ---- queries: DuckDB over the exported tables (loaded once, queries timed), ripgrep over the files --------
echo "bench: DuckDB, ${RUNS} runs per query"
"$VENV/bin/python" bench/peers.py duckdb "$OUT/tables" "$RUNS" >"$OUT/duckdb.out"
duck_ms() { sed -n "s/^name=$1 median_ms=\([0-9.]*\).*/\1/p" "$OUT/duckdb.out"; }
query_row() {   # query_row LABEL PLANQ_MS PEER_MS GOAL_RATIO
    row "$1" "$2 ms" "$3 ms" "$(calc "$2 / $3" 2)x" "<= $4x" "$(met "$2 <= $4 * $3")"
}
query_row "summarize by region (vs DuckDB)" "$(planq_ms 1)" "$(duck_ms summarize)" 2
query_row "where + sort + take (vs DuckDB)" "$(planq_ms 2)" "$(duck_ms where_sort_take)" 2
query_row "join docs + summarize (vs DuckDB)" "$(planq_ms 3)" "$(duck_ms join_summarize)" 2
cat $(find "$CORPUS" -type f) >/dev/null   # page cache warm for ripgrep
RG_MS=$(median_ms "$RUNS" rg --no-messages -c -- "$WORD" "$CORPUS")
query_row "kwic \"$WORD\" (vs rg -c, whole process)" "$(planq_ms 4)" "$RG_MS" 3
row "  (kwic vs DuckDB contains(norm), for scale)" "$(planq_ms 4) ms" "$(duck_ms search) ms" "$(calc "$(planq_ms 4) / $(duck_ms search)" 2)x" "-" "-"

# ---- REPL start-up: launch to prompt in a pseudo-terminal (median of 10), beside sqlite3 -------------------
# planq shows its prompt before the corpus has loaded; the first query waits for the load, timed too.
echo "bench: REPL start-up, 10 runs each"
"$VENV/bin/python" bench/peers.py startup 10 "sqlite>" sqlite3 :memory: >"$OUT/startup-sqlite.out"
PLANQ_FIRST_QUERY='docs | count' PLANQ_FIRST_MARK='(1 row)' \
    "$VENV/bin/python" bench/peers.py startup 10 "planq>" "$PLANQ" >"$OUT/startup-planq.out"
START_PLANQ=$(field "$OUT/startup-planq.out" prompt_ms)
START_SQLITE=$(field "$OUT/startup-sqlite.out" prompt_ms)
FIRST_PLANQ=$(field "$OUT/startup-planq.out" first_ms)
row "REPL prompt on the sample corpus (vs sqlite3)" "$START_PLANQ ms" "$START_SQLITE ms" "$(calc "$START_PLANQ / $START_SQLITE" 1)x" "<= 300 ms" "$(met "$START_PLANQ <= 300")"
row "  first result (docs | count, waits for the load)" "$FIRST_PLANQ ms" "-" "-" "-" "-"

# ---- load (measured above by run.sh): throughput and memory, beside ripgrep ------------------------------
if [ -s "$OUT/planq.out" ] && [ -s "$OUT/planq.time" ]; then
    LINE=$(grep -m1 '^documents=' "$OUT/planq.out")
    echo "$LINE" >"$OUT/load.fields"
    BYTES=$(field "$OUT/load.fields" bytes)
    LOAD_MBPS=$(calc "$BYTES / 1e6 / $(field "$OUT/load.fields" cpu_seconds)" 1)
    LOAD_MS=$(calc "$(field "$OUT/load.fields" seconds) * 1000" 0)
    RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/planq.time")
    row "load+clean+structure MB/s per core" "$LOAD_MBPS" "-" "-" ">= 20" "$(met "$LOAD_MBPS >= 20")"
    row "load wall time (vs rg -c over the same files)" "$LOAD_MS ms" "$RG_MS ms" "$(calc "$LOAD_MS / $RG_MS" 0)x" "-" "-"
    row "peak memory (x corpus bytes)" "$(calc "$RSS_KB / 1024" 0) MB" "$(calc "$BYTES / 1e6" 0) MB corpus" "$(calc "$RSS_KB * 1024 / $BYTES" 2)x" "<= 3x" "$(met "$RSS_KB * 1024 <= 3 * $BYTES")"
fi

echo
echo "summary ($(nproc) cores; planq queries timed inside one process after loading; DuckDB after loading its tables)"
awk -F'\t' '
BEGIN { printf "%-62s %14s %18s %9s %10s %5s\n", "figure", "planq", "peer", "ratio", "goal", "met?"
        printf "%-62s %14s %18s %9s %10s %5s\n", "------", "-----", "----", "-----", "----", "----" }
{ printf "%-62s %14s %18s %9s %10s %5s\n", $1, $2, $3, $4, $5, $6 }' "$SUMMARY"
echo "(raw: $OUT/query.out (each round's passes), $OUT/duckdb.out, $OUT/summary.tsv)"

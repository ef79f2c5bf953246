#!/usr/bin/env bash
# make bench: planq's load + clean + structure throughput and peak memory on a 10,000-document corpus,
# beside ripgrep scanning the same files for one word (the floor: reading bytes and nothing else).
# Run after `make build` (the Makefile's bench target does that).
# Then bench/peers.sh sets each figure beside a peer (Recognizers-Text, DuckDB, ripgrep, sqlite3) and prints the summary.
#   BENCH_DOCS=N  corpus size (default 10000)    BENCH_WORD=W  word ripgrep looks for (default 托位)
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${BENCH_DOCS:-10000}
WORD=${BENCH_WORD:-托位}
OUT=bench/out
CORPUS=$OUT/corpus
PLANQ=.build/release/planq
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

need() {   # need COMMAND PACKAGE: install the Debian package when the command is missing
    command -v "$1" >/dev/null 2>&1 && [ -x "$(command -v "$1")" ] && return
    echo "bench: $1 missing; installing $2 with apt-get"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
[ -x /usr/bin/time ] || { need time time; }
need rg ripgrep
need python3 python3
[ -x "$PLANQ" ] || make build

mkdir -p "$OUT"
python3 bench/make-corpus.py --samples corpus/samples --out "$CORPUS" --count "$DOCS" --seed 1
CORES=$(nproc)

# Warm the page cache so both tools read from memory.
cat $(find "$CORPUS" -type f) >/dev/null

# planq: load+clean+structure alone (--no-extract), then the full build with extraction, each under
# /usr/bin/time -v for the peak resident set. Extraction's cost is the difference of the two. Each is run
# three times, as ripgrep is below: the figures are those of the run with the least CPU time (a shared
# machine only ever adds time), the peak memory is the largest of the three.
best_of_three() {   # best_of_three NAME ARGS…: $OUT/NAME.out and .time of the fastest run, MAX_RSS_KB of all
    local best="" run
    MAX_RSS_KB=0
    for run in 1 2 3; do
        /usr/bin/time -v "$PLANQ" bench-load "${@:2}" "$CORPUS" >"$OUT/$1.run.out" 2>"$OUT/$1.run.time"
        local cpu rss
        cpu=$(grep '^documents=' "$OUT/$1.run.out" | tr ' ' '\n' | sed -n 's/^cpu_seconds=//p')
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/$1.run.time")
        [ "$rss" -gt "$MAX_RSS_KB" ] && MAX_RSS_KB=$rss
        if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$cpu
            mv "$OUT/$1.run.out" "$OUT/$1.out"
            mv "$OUT/$1.run.time" "$OUT/$1.time"
        fi
    done
    rm -f "$OUT/$1.run.out" "$OUT/$1.run.time"
}
best_of_three planq --no-extract
RSS_KB=$MAX_RSS_KB
best_of_three planq-full
FULL_RSS_KB=$MAX_RSS_KB
PLANQ_LINE=$(grep '^documents=' "$OUT/planq.out")
FULL_LINE=$(grep '^documents=' "$OUT/planq-full.out")
field() { echo "$PLANQ_LINE" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
full() { echo "$FULL_LINE" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
# The same process on an empty folder: what planq holds before any document (runtime, ICU data).
mkdir -p "$OUT/empty"
/usr/bin/time -v "$PLANQ" bench-load "$OUT/empty" >/dev/null 2>"$OUT/empty.time"
BASE_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/empty.time")

# ripgrep: best of three, all threads and one thread.
rg_time() {
    local best=""
    for _ in 1 2 3; do
        local t0 t1
        t0=$(date +%s.%N)
        rg "$@" --no-messages -c -- "$WORD" "$CORPUS" >/dev/null || true
        t1=$(date +%s.%N)
        best=$(awk -v a="$t0" -v b="$t1" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; printf "%.4f", best }')
    done
    echo "$best"
}
RG_ALL=$(rg_time)
RG_ONE=$(rg_time -j1)

BYTES=$(field bytes)
awk -v docs="$(field documents)" -v bytes="$BYTES" -v cores="$CORES" -v rss="$RSS_KB" -v base="$BASE_KB" \
    -v s="$(field seconds)" -v cpu="$(field cpu_seconds)" \
    -v ds="$(field decode_seconds)" -v dcpu="$(field decode_cpu_seconds)" \
    -v bs="$(field build_seconds)" -v bcpu="$(field build_cpu_seconds)" \
    -v fs="$(full seconds)" -v fcpu="$(full cpu_seconds)" -v frss="$FULL_RSS_KB" \
    -v sentences="$(field sentences)" -v rgall="$RG_ALL" -v rgone="$RG_ONE" -v word="$WORD" '
function mbps(t) { return t > 0 ? bytes / 1e6 / t : 0 }
BEGIN {
    mb = bytes / 1e6
    printf "\nplanq bench: %d documents, %.1f MB, %d cores, %d sentences; ripgrep looks for %s\n\n", docs, mb, cores, sentences, word
    printf "%-38s %9s %10s %12s %14s\n", "measure", "wall s", "MB/s", "CPU s", "MB/s per core"
    printf "%-38s %9s %10s %12s %14s\n", "--------------------------------------", "---------", "----------", "------------", "--------------"
    printf "%-38s %9.3f %10.1f %12.3f %14.1f\n", "planq load+clean+structure", s, mbps(s), cpu, mbps(cpu)
    printf "%-38s %9.3f %10.1f %12.3f %14.1f\n", "  read + decode (loading)", ds, mbps(ds), dcpu, mbps(dcpu)
    printf "%-38s %9.3f %10.1f %12.3f %14.1f\n", "  clean + normalise + structure", bs, mbps(bs), bcpu, mbps(bcpu)
    printf "%-38s %9.3f %10.1f %12.3f %14.1f\n", "planq full load (with extraction)", fs, mbps(fs), fcpu, mbps(fcpu)
    printf "%-38s %9.3f %10.1f %12.3f %14.1f\n", "  extraction alone (full - above)", fs - s, mbps(fs - s), fcpu - cpu, mbps(fcpu - cpu)
    printf "%-38s %9.3f %10.1f %12s %14s\n", "ripgrep, one word (all threads)", rgall, mbps(rgall), "", ""
    printf "%-38s %9.3f %10.1f %12s %14.1f\n", "ripgrep, one word (-j1)", rgone, mbps(rgone), "", mbps(rgone)
    printf "\n%-38s %9.1f MB  (%.2f x corpus)\n", "planq peak memory, load+clean+structure", rss / 1024, rss * 1024 / bytes
    printf "%-38s %9.1f MB  (%.2f x corpus)\n", "planq peak memory, full load", frss / 1024, frss * 1024 / bytes
    printf "%-38s %9.1f MB  (%.2f x corpus above the empty process)\n", "  of which the process with no corpus", base / 1024, (rss - base) * 1024 / bytes
    printf "%-38s %9.1f x slower than ripgrep -j1 per core\n", "planq vs floor", (rgone > 0 && cpu > 0) ? mbps(rgone) / mbps(cpu) : 0
    goal1 = mbps(cpu) >= 20 ? "met" : "NOT met"
    goal2 = rss * 1024 <= 3 * bytes ? "met" : "NOT met"
    printf "\ngoal >= 20 MB/s per core (load+clean+structure, CPU time): %s (%.1f)\n", goal1, mbps(cpu)
    printf "goal peak memory <= 3 x corpus (load+clean+structure):    %s (%.2f x)\n", goal2, rss * 1024 / bytes
    printf "(peak memory of the full load with extraction, no goal set: %.2f x)\n", frss * 1024 / bytes
}'

# Where the build time goes: each DocumentBuilder stage on one thread, over the first 1,000 documents.
SUBSET=$(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort | sed -n 1,10p)
"$PLANQ" bench-load --stages $SUBSET >"$OUT/stages.out"
echo "$(cat "$OUT/stages.out")" | tr ' ' '\n' | awk -F= '
/^documents=/ { docs = $2 } /^text_bytes=/ { bytes = $2 }
/_cpu_seconds=/ { sub(/_cpu_seconds/, "", $1); name[++n] = $1; t[n] = $2 }
END {
    printf "\nstages of one document build, one thread, %d documents (%.1f MB of text):\n", docs, bytes / 1e6
    printf "%-38s %9s %14s\n", "stage", "CPU s", "MB/s per core"
    for (k = 1; k <= n; k++) printf "%-38s %9.3f %14.1f\n", name[k], t[k], (t[k] > 0 ? bytes / 1e6 / t[k] : 0)
}'
echo "(raw: $OUT/planq.out, $OUT/planq.time, $OUT/planq-full.out, $OUT/planq-full.time, $OUT/stages.out; corpus: $CORPUS)"
bash bench/peers.sh

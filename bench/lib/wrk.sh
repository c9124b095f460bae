# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# Runs wrk cells and reads the one-line summary that bench/lua/report.lua prints.
# Sourced after common.sh.

BENCH_LUA="$BENCH_DIR/lua"
export BENCH_LUA
WRK_THREADS=${WRK_THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}

# wrk_cell CONNS DURATION SCRIPT URL OUTFILE: runs wrk --latency; the WRK_RESULT line ends up in OUTFILE.
wrk_cell() {
    local conns=$1 duration=$2 script=$3 url=$4 out=$5 threads=$WRK_THREADS
    ((threads > conns)) && threads=$conns
    wrk -t"$threads" -c"$conns" -d"$duration" --timeout "$WRK_TIMEOUT" --latency \
        -s "$BENCH_LUA/$script" "$url" >"$out" 2>&1 || log "wrk exited non-zero, see $out"
}

# field FILE KEY: one value of the WRK_RESULT line.
field() {
    grep -m1 '^WRK_RESULT' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

rps() {
    awk -v n="$(field "$1" requests)" -v s="$(field "$1" duration_s)" 'BEGIN {if (s > 0) printf "%.0f", n / s; else print 0}'
}

socket_errors() {
    echo $(($(field "$1" connect) + $(field "$1" read) + $(field "$1" write) + $(field "$1" timeout)))
}

# rss_sampler PID OUTFILE: writes the peak RSS (MiB) seen every 0.5 s until killed; sets SAMPLER_PID.
rss_sampler() {
    local pid=$1 out=$2
    (
        peak=0
        while kill -0 "$pid" 2>/dev/null; do
            now=$(rss_mb "$pid")
            # Written then renamed, so that a reader never sees a half-written file.
            ((now > peak)) && peak=$now && echo "$peak" >"$out.tmp" && mv "$out.tmp" "$out"
            sleep 0.5
        done
    ) &
    SAMPLER_PID=$!
}

# wrk_background CONNS SCRIPT URL OUTFILE: open-ended wrk run for a drill; sets WRK_PID.
# wrk_stop interrupts it; wrk then prints its summary (and report.lua its WRK_RESULT line).
wrk_background() {
    local conns=$1 script=$2 url=$3 out=$4 threads=$WRK_THREADS
    ((threads > conns)) && threads=$conns
    wrk -t"$threads" -c"$conns" -d1h --timeout "$WRK_TIMEOUT" --latency -s "$BENCH_LUA/$script" "$url" >"$out" 2>&1 &
    WRK_PID=$!
    STARTED_PIDS+=("$WRK_PID")
}

wrk_stop() {
    kill -INT "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

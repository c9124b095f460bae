# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# A slow prober next to wrk: per URL, one request every interval on a fresh connection, with its
# time, status, latency and the "version" field of the body. It gives the drills a timeline (when
# did /ready turn 503, when did the version switch) that wrk's totals cannot. One loop per URL, so
# a slow /ready does not delay the /health probes. Sourced after common.sh.

POLLER_PIDS=()

# poll_start OUTFILE INTERVAL_S URL...: appends "sent_ms url status latency_ms version" lines.
poll_start() {
    local out=$1 interval=$2 url
    shift 2
    : >"$out"
    for url in "$@"; do
        (
            while :; do
                sent=$(now_ms)
                # curl reports status 000 when it gets no answer (refused, reset, 10 s timeout).
                reply=$(curl -s --max-time 10 -w '\n%{http_code} %{time_total}' "$url" 2>/dev/null) || true
                status_line=${reply##*$'\n'}
                version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' <<<"${reply%$'\n'*}")
                awk -v t="$sent" -v u="$url" -v s="${status_line% *}" -v l="${status_line#* }" -v v="${version:--}" \
                    'BEGIN {printf "%s %s %s %.1f %s\n", t, u, s, l * 1000, v}' >>"$out"
                sleep "$interval"
            done
        ) &
        POLLER_PIDS+=("$!")
        STARTED_PIDS+=("$!")
    done
}

poll_stop() {
    stop_pids "${POLLER_PIDS[@]}"
    POLLER_PIDS=()
}

# poll_count FILE URL_SUFFIX AWK_CONDITION: lines for that URL matching a condition on
# $1 (time sent, ms), $3 (status), $4 (latency ms) or $5 (version).
poll_count() {
    awk -v suffix="$2" "substr(\$2, length(\$2) - length(suffix) + 1) == suffix && ($3) {n++} END {print n + 0}" "$1"
}

# poll_first FILE URL_SUFFIX AWK_CONDITION [AFTER_MS]: send time (ms) of the first matching probe sent after AFTER_MS.
poll_first() {
    # No early exit: under pipefail, sort killed by SIGPIPE would fail the caller.
    sort -n "$1" | awk -v suffix="$2" -v after="${4:-0}" \
        "!found && substr(\$2, length(\$2) - length(suffix) + 1) == suffix && \$1 >= after && ($3) {print \$1; found = 1}"
}

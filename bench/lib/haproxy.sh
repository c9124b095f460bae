# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# HAProxy as the local stand-in for the ALB: round robin over API instances, active health checks
# on /ready (a 503 takes a target out of rotation), no retries of requests. Sourced after common.sh.

HAPROXY_CHECK_INTER=${HAPROXY_CHECK_INTER:-1s}
HAPROXY_FALL=${HAPROXY_FALL:-2}
HAPROXY_RISE=${HAPROXY_RISE:-2}
# Empty = off, as on the ALB target group today; e.g. 30s ramps a new target's share of traffic
# up over 30 s like the target group's slow_start.
HAPROXY_SLOWSTART=${HAPROXY_SLOWSTART:-}

# haproxy_start DIR FRONT_PORT "name:port[:disabled]"...: sets HAPROXY_PID and HAPROXY_SOCK.
haproxy_start() {
    local dir=$1 front=$2 server name port state
    shift 2
    HAPROXY_SOCK="$dir/haproxy.sock"
    {
        cat <<CFG
global
    maxconn 4096
    stats socket $HAPROXY_SOCK mode 600 level admin
    log stderr format short local0 info

defaults
    mode http
    log global
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 2s
    # Like the ALB: a request that reached a target is not replayed elsewhere.
    retries 0

frontend api
    bind 127.0.0.1:$front
    default_backend tasks

backend tasks
    balance roundrobin
    # HTTP/1.1 as the ALB sends it (Helidon 4 answers an HTTP/1.0 request with 505).
    option httpchk
    http-check send meth GET uri /ready ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
    default-server check inter $HAPROXY_CHECK_INTER fall $HAPROXY_FALL rise $HAPROXY_RISE${HAPROXY_SLOWSTART:+ slowstart $HAPROXY_SLOWSTART}
CFG
        for server in "$@"; do
            IFS=: read -r name port state <<<"$server"
            echo "    server $name 127.0.0.1:$port${state:+ $state}"
        done
    } >"$dir/haproxy.cfg"
    haproxy -db -f "$dir/haproxy.cfg" >"$dir/haproxy.log" 2>&1 &
    HAPROXY_PID=$!
    STARTED_PIDS+=("$HAPROXY_PID")
    local i
    for i in $(seq 1 100); do
        [ -S "$HAPROXY_SOCK" ] && return 0
        sleep 0.1
    done
    die "HAProxy did not start, see $dir/haproxy.log"
}

haproxy_cmd() {
    echo "$1" | socat stdio "unix-connect:$HAPROXY_SOCK"
}

# haproxy_status SERVER: UP, DOWN, MAINT, … as the stats report it (operational state).
haproxy_status() {
    haproxy_cmd "show stat" | awk -F, -v s="$1" '$1 == "tasks" && $2 == s {print $18}'
}

# haproxy_wait_status SERVER STATUS TIMEOUT_S: polls every 50 ms; prints the time (ms) it took.
haproxy_wait_status() {
    local server=$1 want=$2 timeout_ms=$(($3 * 1000)) start
    start=$(now_ms)
    while (($(now_ms) - start < timeout_ms)); do
        [ "$(haproxy_status "$server")" = "$want" ] && echo $(($(now_ms) - start)) && return 0
        sleep 0.05
    done
    log "HAProxy server $server not $want within $3 s (now $(haproxy_status "$server"))"
    return 1
}

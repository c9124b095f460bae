# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# Shared helpers for the bench/ drills: JDK, build, API processes, tokens, databases, tables.
# Sourced, not executed. Every process a drill starts is recorded and stopped on exit by its PID.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR="$BENCH_ROOT/bench"
export JAVA_HOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
# A build directory of our own, so a benchmark never races another engineer's build of api-service.
BENCH_BUILD_DIR=${BENCH_BUILD_DIR:-target-bench}
API_JAR="$BENCH_ROOT/api-service/$BENCH_BUILD_DIR/api-service.jar"
API_LIBS="$BENCH_ROOT/api-service/$BENCH_BUILD_DIR/libs"
# JVM flags of every API instance: the container's (the image's jvm.options, run_flags in scripts/build-runtime-image;
# JvmFlagsAgreementTest holds the two equal) with the ECS task's 1 GiB memory limit, which the JVM would read from the
# cgroup, given as MaxRAM.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAM=1g -XX:MaxRAMPercentage=75 -Xmn48m -XX:SurvivorRatio=4 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=1000 -XX:+UseTransparentHugePages}
# glibc's malloc arenas of every API instance: the image's ENV MALLOC_ARENA_MAX (Dockerfile); empty = glibc's default.
BENCH_MALLOC_ARENA_MAX=${BENCH_MALLOC_ARENA_MAX-2}
BENCH_OUT=${BENCH_OUT:-/tmp/antigravity-bench}
PG_HOST=127.0.0.1
PG_SHARED_PORT=55432

STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ms() { date +%s%3N; }

# stop_pids PID...: SIGTERM to each, then waits for each (only ever our own children).
stop_pids() {
    local pid
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

# Stops every process this drill started (by PID, never by name).
stop_started() {
    stop_pids "${STARTED_PIDS[@]}"
    STARTED_PIDS=()
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool not found: run bench/install"
    done
    [ -x "$JAVA_HOME/bin/java" ] || die "JDK 25 not found at $JAVA_HOME (set BENCH_JAVA_HOME)"
}

# Packages api-service into its own build directory unless BENCH_SKIP_BUILD=1 and the jar exists.
build_api() {
    if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$API_JAR" ]; then
        log "using existing $API_JAR"
        return
    fi
    log "building api-service into api-service/$BENCH_BUILD_DIR"
    # -DskipTests, not -Dmaven.test.skip: the reactor needs events-schema's test-jar (ApiJarBuildTest).
    (cd "$BENCH_ROOT" && ./mvnw -B -q -o -pl api-service -am "-Dbuild.dir=$BENCH_BUILD_DIR" \
        -DskipTests package) >"$BENCH_OUT/build.log" 2>&1 \
        || (cd "$BENCH_ROOT" && ./mvnw -B -q -pl api-service -am "-Dbuild.dir=$BENCH_BUILD_DIR" \
        -DskipTests package) >"$BENCH_OUT/build.log" 2>&1 \
        || die "build failed, see $BENCH_OUT/build.log"
}

# Compiles lambdas and its test classes into lambdas/$BENCH_BUILD_DIR and writes their classpath to
# LAMBDAS_CLASSPATH: the Slack-outage and page drills run the real handlers through the test class DrillHandlers
# (ECS on moto needs the test-scope MotoEcsGaps, which is not in the Lambda jar).
LAMBDAS_CLASSPATH="$BENCH_ROOT/lambdas/$BENCH_BUILD_DIR/drill-handlers.classpath"
build_lambdas() {
    if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -f "$LAMBDAS_CLASSPATH" ]; then
        return
    fi
    log "compiling lambdas and its tests into lambdas/$BENCH_BUILD_DIR"
    local dependencies="$BENCH_ROOT/lambdas/$BENCH_BUILD_DIR/drill-dependencies.classpath"
    (cd "$BENCH_ROOT" && ./mvnw -B -q -pl events-schema,lambdas -am "-Dbuild.dir=$BENCH_BUILD_DIR" test-compile \
        dependency:build-classpath "-Dmdep.outputFile=$dependencies" -Dmdep.includeScope=test) \
        >"$BENCH_OUT/build-lambdas.log" 2>&1 || die "build failed, see $BENCH_OUT/build-lambdas.log"
    local classes="$BENCH_ROOT/lambdas/$BENCH_BUILD_DIR"
    echo "$classes/test-classes:$classes/classes:$(cat "$dependencies")" >"$LAMBDAS_CLASSPATH"
}

# production_services: the API as production runs it, with the services of `source /tmp/antigravity-services/env`:
# the catalogue cache on its Redis (BENCH_CACHE_URL, default TEST_REDIS_URL) and payments created through Stripe's
# API on its stripe-mock (BENCH_STRIPE_URL, default TEST_STRIPE_URL). Set either to the empty string to leave it out.
production_services() {
    BENCH_CACHE_URL=${BENCH_CACHE_URL-${TEST_REDIS_URL:-}}
    BENCH_STRIPE_URL=${BENCH_STRIPE_URL-${TEST_STRIPE_URL:-}}
}

# services_line: what the API ran with, for a report's header.
services_line() {
    local provider="local (no provider call)"
    [ -z "${BENCH_STRIPE_URL:-}" ] || provider="Stripe API at $BENCH_STRIPE_URL (stripe-mock)"
    printf 'Catalogue cache: %s; payment provider: %s' "${BENCH_CACHE_URL:-none}" "$provider"
}

# api_start LOG VAR=VALUE...: starts one API instance in local-auth mode; sets API_PID.
# BENCH_CACHE_URL and BENCH_STRIPE_URL, when set, give it the catalogue cache and Stripe payments (see production_services).
# API_EXTRA_JAVA_OPTS adds flags for this one start (the AOT cache variants); BENCH_MALLOC_ARENA_MAX is its MALLOC_ARENA_MAX.
# The rate limit and the per-caller slot cap stay in the filter chain but are set far above what loopback can drive, because
# every wrk connection shares one client IP and the customer token one subject.
api_start() {
    local log_file=$1
    shift
    # MANAGEMENT_PORT=0: an ephemeral management port, so several instances can run side by side.
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of flags
    env ${BENCH_MALLOC_ARENA_MAX:+MALLOC_ARENA_MAX=$BENCH_MALLOC_ARENA_MAX} AUTH_MODE=local SERVER_HOST=127.0.0.1 MANAGEMENT_PORT=0 RATELIMIT_RATE=100000000 RATELIMIT_BURST=100000000 \
        RATELIMIT_FAILURES_RATE=100000000 RATELIMIT_FAILURES_BURST=100000000 LIMITS_CALLER=100000 \
        ${BENCH_CACHE_URL:+CACHE_URL=$BENCH_CACHE_URL CACHE_PREFIX=bench-$$-$(now_ms):} \
        ${BENCH_STRIPE_URL:+PAYMENTS_STRIPE_URL=$BENCH_STRIPE_URL PAYMENTS_STRIPE_KEY=sk_test_bench PAYMENTS_WEBHOOK_SECRET=whsec_bench} "$@" \
        "$JAVA_HOME/bin/java" $BENCH_JAVA_OPTS ${API_EXTRA_JAVA_OPTS:-} -jar "$API_JAR" >"$log_file" 2>&1 &
    API_PID=$!
    STARTED_PIDS+=("$API_PID")
}

# train_aot_cache CACHE LOG PORT VAR=VALUE...: a training run that leaves an AOT cache (JEP
# 483/514/515, as the image ships one) of what the API loaded, linked and profiled while it
# started and served each kind of request once.
train_aot_cache() {
    local cache=$1 log_file=$2 port=$3 pid token base
    shift 3
    base="http://127.0.0.1:$port"
    rm -f "$cache"
    API_EXTRA_JAVA_OPTS="-XX:AOTCacheOutput=$cache" api_start "$log_file" SERVER_PORT="$port" SHUTDOWN_DRAIN=PT0S "$@"
    pid=$API_PID
    wait_http "$base/ready" 120 "$pid" >/dev/null || die "AOT training run failed, see $log_file"
    token=$(mint_token bench-customer customer)
    curl -s -o /dev/null "$base/health"
    curl -s -o /dev/null "$base/api/products?page=0&size=20"
    curl -s -o /dev/null "$base/api/products/1"
    curl -s -o /dev/null -X POST "$base/api/orders" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"lines":[{"productId":1,"quantity":1}]}'
    stop_pid "$pid"
    [ -s "$cache" ] || die "no AOT cache written, see $log_file"
}

# Sends SIGTERM to one process we started and waits until it has exited.
stop_pid() {
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# wait_http URL TIMEOUT_S [PID]: polls every 10 ms until URL answers 200; prints the elapsed ms.
wait_http() {
    local url=$1 timeout_ms=$(($2 * 1000)) pid=${3:-} start
    start=$(now_ms)
    while (($(now_ms) - start < timeout_ms)); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url")" = 200 ]; then
            echo $(($(now_ms) - start))
            return 0
        fi
        if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
            log "process $pid exited before $url answered 200"
            return 1
        fi
        sleep 0.01
    done
    log "$url did not answer 200 within $2 s"
    return 1
}

# mint_token SUBJECT ROLE: a bearer token from the API's own tool (local development key).
mint_token() {
    "$JAVA_HOME/bin/java" -cp "$API_JAR" dev.antigravity.api.tools.MintToken \
        --sub "$1" --role "$2" --ttl PT4H
}

# psql_as_postgres PORT SQL...: runs SQL as the superuser over loopback (trust authentication).
psql_as_postgres() {
    local port=$1
    shift
    psql -h "$PG_HOST" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"
}

# fresh_database PORT NAME: drops and recreates NAME, so each run starts from an empty schema.
fresh_database() {
    PGOPTIONS="-c client_min_messages=warning" psql_as_postgres "$1" -c "drop database if exists $2 with (force)" >/dev/null
    psql_as_postgres "$1" -c "create database $2" >/dev/null
}

# pg_env PORT NAME: the API's environment for that database.
pg_env() {
    echo "DB_URL=jdbc:postgresql://$PG_HOST:$1/$2" "DB_USERNAME=postgres" "DB_PASSWORD=unused"
}

# register_customer BASE_URL ADMIN_TOKEN SUBJECT: a customer user (email, no SMS) for that token subject.
register_customer() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$1/api/users" \
        -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$3@bench.example\",\"name\":\"Bench customer\",\"role\":\"customer\",\"subject\":\"$3\"}")
    [ "$code" = 201 ] || die "registering user $3 answered $code"
}

# seed_products BASE_URL ADMIN_TOKEN COUNT: products with stock large enough for every order cell.
seed_products() {
    local base=$1 token=$2 count=$3 i code
    for ((i = 1; i <= count; i++)); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/api/products" \
            -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"name\":\"Bench product $i\",\"description\":\"seeded by bench\",\"price\":$((i % 90 + 10)).50,\"stock\":1000000000}")
        [ "$code" = 201 ] || die "seeding product $i answered $code"
    done
}

# rss_mb PID: resident set size from /proc, in MiB.
rss_mb() {
    awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0
}

# cpu_ms PID: CPU time (user + system) the process has used so far, in ms.
cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# jit_cpu_ms PID: the part of cpu_ms spent by the JVM's JIT compiler threads (C1, C2): warm-up, not
# per-request work, and on a loaded machine with short cells a large share of the total.
jit_cpu_ms() {
    local task ticks=0
    for task in /proc/"$1"/task/*; do
        case $(cat "$task/comm" 2>/dev/null) in
            C1\ Compiler* | C2\ Compiler*)
                # Fields after the "(comm)" one: utime and stime are the 12th and 13th.
                ticks=$((ticks + $(awk '{sub(/^.*\) /, ""); print $12 + $13}' "$task/stat" 2>/dev/null || echo 0))) ;;
        esac
    done
    echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

load1() {
    cut -d' ' -f1 /proc/loadavg
}

median() {
    sort -n | awk '{v[NR] = $1} END {if (NR == 0) {print "n/a"} else if (NR % 2) {print v[(NR + 1) / 2]} else {print int((v[NR / 2] + v[NR / 2 + 1]) / 2)}}'
}

machine_line() {
    printf '%s, %s cores, %s GiB RAM, load average %s; %s' \
        "$(lscpu | sed -n 's/^Model name: *//p;T;q')" "$(nproc)" \
        "$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)" "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p)"
    printf '; api-service at %s' "$(git -C "$BENCH_ROOT" rev-parse --short HEAD)"
    if [ -n "$(git -C "$BENCH_ROOT" status --porcelain -- api-service/src 2>/dev/null)" ]; then
        printf ' plus uncommitted changes in api-service/src'
    fi
}

# shellcheck shell=bash disable=SC2034 # sourced: variables are used by the drills
# The endpoints the load benchmark and the profiler drive: label, wrk script, URL. Sourced after wrk.sh.

# BENCH_ENDPOINTS narrows a run to some of them ("product-by-id product-page").
read -ra ENDPOINTS <<<"${BENCH_ENDPOINTS:-health ready product-by-id product-page place-order}"
declare -A SCRIPT=([health]=get.lua [ready]=get.lua [product-by-id]=product-by-id.lua [product-page]=product-page.lua
    [place-order]=place-order.lua [bare]=get.lua)
declare -A LABEL=([health]="GET /health" [ready]="GET /ready" [product-by-id]="GET /api/products/{id}"
    [product-page]="GET /api/products?page=…" [place-order]="POST /api/orders (auth)" [bare]="bare Helidon route")

# endpoint_url ENDPOINT BASE_URL: the URL wrk is given (scripts that build their own paths get the root).
endpoint_url() {
    case $1 in
        health) echo "$2/health" ;;
        ready) echo "$2/ready" ;;
        *) echo "$2/" ;;
    esac
}

# db_env MODE PG_DATABASE: the API's database settings for that mode (postgres: the shared server).
db_env() {
    if [ "$1" = postgres ]; then pg_env "$PG_SHARED_PORT" "$2"; fi
}

# prepare_db MODE PG_DATABASE: a fresh database for postgres; H2 is in memory and fresh anyway.
prepare_db() {
    if [ "$1" = postgres ]; then fresh_database "$PG_SHARED_PORT" "$2"; fi
}

# start_seeded_api MODE PG_DATABASE PORT LOG: API on a fresh database with BENCH_PRODUCTS products and
# the order script's customer registered as a user (so each order owes its email in the notification
# outbox, as a real customer's does), BENCH_TOKEN exported for the order script; sets API_PID.
start_seeded_api() {
    local mode=$1 database=$2 port=$3 log_file=$4
    prepare_db "$mode" "$database"
    # shellcheck disable=SC2046 # db_env yields separate VAR=VALUE words
    api_start "$log_file" SERVER_PORT="$port" APP_VERSION=bench $(db_env "$mode" "$database")
    wait_http "http://127.0.0.1:$port/ready" 120 "$API_PID" >/dev/null || die "API on $mode did not become ready, see $log_file"
    BENCH_TOKEN=$(mint_token bench-customer customer)
    export BENCH_TOKEN
    local admin
    admin=$(mint_token bench-admin admin)
    register_customer "http://127.0.0.1:$port" "$admin" bench-customer
    seed_products "http://127.0.0.1:$port" "$admin" "$BENCH_PRODUCTS"
}

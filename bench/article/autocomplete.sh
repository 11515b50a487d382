#!/usr/bin/env bash
# Tag and author autocomplete (issue 16): one command, from anywhere in the repository.
#
#   bench/article/autocomplete.sh [articles]        (default 100000)
#
# Starts identity (the token issuer) and article-service alone (no config server, embedded MongoDB
# on H2 in a temp folder, `bench` profile), seeds straight into its MongoDB (AutocompleteSeed.java)
# TAGS tags (default 20,000) named after Croatian places and topics, AUTHORS profiles (default 2,000) with Croatian names and N published articles naming three tags
# and one author each, restarts it (it reads tags and profiles whole into memory), then
# measures with wrk and the editor's token (the token reaches wrk through a Lua script reading a
# file, so it never shows in ps), each target after a warm-up, ROUNDS rounds:
#   GET /api/v1/tags?prefix=<p>&limit=10 and GET /api/v1/authors?prefix=<p>&limit=10, the prefix
#   rotating over 2,000 prefixes of 2-4 letters of real names (half with č/ć/đ/š/ž as typed, half
#   lower case), with 1 connection (-t1 -c1: the time one request takes) and with CONNECTIONS.
# Goal (issue 16): p99 < 5 ms. Its own file beside run.sh: run.sh measures reads, lists and search.
# Writes bench/article/results/<date>-autocomplete-<N>.md (with the machine load) and prints it.
#
# Environment (all optional): TAGS=20000 AUTHORS=2000 DURATION=10s WARMUP=5s ROUNDS=3 CONNECTIONS=32
# PORT=8081 MANAGEMENT_PORT=9081 MONGO_PORT=27481 JAVA_OPTS="-XX:+UseParallelGC -Xmx1g" KEEP_TMP=1
# ARTICLE_JAR=path (measure that jar instead of article-service/target-bench/'s)
set -euo pipefail

N="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/article"
TAGS="${TAGS:-20000}"
AUTHORS="${AUTHORS:-2000}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}"

. "$ROOT/bench/common.sh"

JAR="${ARTICLE_JAR:-$(service_jar article-service target-bench)}"
[[ -f "$JAR" ]] || { log "no jar at $JAR"; exit 1; }
need wrk wrk || { log "wrk is missing and cannot be installed: no measurement possible"; exit 1; }
bench_tmp autocomplete-bench

PORT="$(pick_port "${PORT:-8081}")"
MPORT="$(pick_port "${MANAGEMENT_PORT:-9081}")"
[[ "$MPORT" == "$PORT" ]] && MPORT="$(pick_port $((PORT + 1)))"
MONGO_PORT="$(pick_port "${MONGO_PORT:-27481}")"
BASE="http://127.0.0.1:$PORT"
SEED=("$JAVA" -cp "$(driver_classpath "$JAR" "$TMP/lib")" "$HERE/AutocompleteSeed.java")

start_identity
(umask 077 && identity_token EDITOR >"$TMP/editor.token")
[[ -s "$TMP/editor.token" ]] || { log "no editor token from identity"; exit 1; }
SERVICE_SECRET="$(identity_secret article-service)"
CFG="$ROOT/config/src/main/resources/config-repo"
start_service() {
	log "starting article-service ($JDK_LABEL, $JAVA_OPTS) on $PORT/$MPORT, data in $TMP"
	(cd "$ROOT" && SERVICE_CLIENT_SECRET="$SERVICE_SECRET" exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
		--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
		"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/article-service.yml" \
		--server.port="$PORT" --management.server.port="$MPORT" \
		--platform.mongodb.embedded.path="$TMP/mongodb.mv.db" --platform.mongodb.embedded.port="$MONGO_PORT" \
		--platform.search.index-path="$TMP/search-index" \
		"${IDENTITY_ARGS[@]}" --logging.level.root=WARN) >>"$TMP/service.log" 2>&1 &
	SVC=$!
	PIDS+=("$SVC")
	wait_ready article-service "$SVC" "$MPORT" "$TMP/service.log" 600
}
stop_service() {
	kill "$SVC" 2>/dev/null || true
	for _ in $(seq 1 150); do kill -0 "$SVC" 2>/dev/null || return 0; sleep 0.2; done
	kill -9 "$SVC" 2>/dev/null || true
	sleep 1
}

# the embedded MongoDB lives in the service's process: the seed writes through its port while the
# service runs without traffic; then a restart reads tags and profiles whole (and rebuilds the index)
start_service
log "seeding $TAGS tags, $AUTHORS authors and $N articles into MongoDB"
SEED_LINE="$("${SEED[@]}" "mongodb://127.0.0.1:$MONGO_PORT" "$N" "$TAGS" "$AUTHORS" "$TMP/prefixes.txt")"
log "$SEED_LINE"
stop_service
rm -rf "$TMP/search-index"
start_service
RSS="$(awk '/VmRSS/{printf "%d MB", $2/1024}' "/proc/$SVC/status")"

cat >"$TMP/prefixes.lua" <<'LUA'
local f = assert(io.open(os.getenv("TOKEN_FILE")))
wrk.headers["Authorization"] = "Bearer " .. f:read("*l")
f:close()
local prefixes = {}
for line in io.lines(os.getenv("PREFIXES_FILE")) do prefixes[#prefixes + 1] = line end
local path = os.getenv("TARGET_PATH")
local i = 0
request = function()
	i = i % #prefixes + 1
	return wrk.format("GET", path .. "?prefix=" .. prefixes[i] .. "&limit=10")
end
LUA
export TOKEN_FILE="$TMP/editor.token" PREFIXES_FILE="$TMP/prefixes.txt"
staff_curl() { curl -fsS -H @<(printf 'Authorization: Bearer %s\n' "$(cat "$TMP/editor.token")") "$@"; }
TAG_SAMPLE="$(staff_curl "$BASE/api/v1/tags?prefix=zag&limit=3")"
AUTHOR_SAMPLE="$(staff_curl "$BASE/api/v1/authors?prefix=%C5%A1ar&limit=3")"
log "tags?prefix=zag: $TAG_SAMPLE"
log "authors?prefix=šar: $AUTHOR_SAMPLE"

RESULTS=()
measure() { # measure <label> <path> <threads> <connections>
	local label="$1" path="$2" t="$3" c="$4" r out rps p50 p99 errs load
	export TARGET_PATH="$path"
	wrk -t"$t" -c"$c" -d"$WARMUP" -s "$TMP/prefixes.lua" "$BASE" >/dev/null 2>&1 || true
	for r in $(seq 1 "$ROUNDS"); do
		out="$(wrk -t"$t" -c"$c" -d"$DURATION" --latency -s "$TMP/prefixes.lua" "$BASE" 2>&1)"
		rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")"
		p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
		p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
		errs="$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)"
		load="$(cut -d' ' -f1-3 /proc/loadavg)"
		RESULTS+=("| $label | $r | $rps | $p50 | $p99 | $load | ${errs:-} |")
		log "$label round $r: $rps req/s p50 $p50 p99 $p99 (load $load) $errs"
	done
}
measure "tags, 1 connection" /api/v1/tags 1 1
measure "tags, $CONNECTIONS connections" /api/v1/tags 2 "$CONNECTIONS"
measure "authors, 1 connection" /api/v1/authors 1 1
measure "authors, $CONNECTIONS connections" /api/v1/authors 2 "$CONNECTIONS"

OUT="$HERE/results/$(date -u +%Y-%m-%dT%H%M)-autocomplete-$N.md"
{
	echo "# Tag and author autocomplete, $N articles, $TAGS tags, $AUTHORS authors"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%MZ), $JDK_LABEL, $JAVA_OPTS, embedded MongoDB (H2), \`bench/article/autocomplete.sh $N\`;"
	echo "uptime before measuring: $(uptime); RSS after start $RSS; $SEED_LINE; ready in ${READY_S} s."
	echo "wrk on the same 2 cores, the prefix rotating over 2,000 prefixes of 2-4 letters (half typed with"
	echo "diacritics), limit 10, editor's token. Goal: p99 < 5 ms."
	echo
	echo "| target | round | req/s | p50 | p99 | load (1/5/15 min) | errors |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${RESULTS[@]}"
	echo
	echo "Samples: \`tags?prefix=zag&limit=3\` → \`$TAG_SAMPLE\`; \`authors?prefix=šar&limit=3\` → \`$AUTHOR_SAMPLE\`"
} >"$OUT"
cat "$OUT"
log "written $OUT"

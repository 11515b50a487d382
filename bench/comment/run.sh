#!/usr/bin/env bash
# comment-service benchmark: one command, from anywhere in the repository.
#
#   bench/comment/run.sh [hot-comments] [articles]       (defaults 10000 and 1000)
#
# Builds comment-service into target-comment-bench/ (and identity into target-bench/) if a jar is
# missing, starts identity with READERS reader accounts made for this run (passwords generated, never
# kept) and signs them in (tools/tokens: authorization code with PKCE), then starts the service (no
# config server, no article-service: the article-state projection is seeded, the feed consumer is
# off; embedded MongoDB on H2 in a temp folder with its wire port open for the seeder; tokens
# validated against identity's JWKS; profile `bench`, which lifts the posting rate limit), bulk-writes the data set straight into
# its database (an article with N comments, half of them replies, and M articles with 0-5 each),
# then measures with wrk (-t2 -c32, warm-up, ROUNDS rounds each):
#   (a) first page of the big thread, (b) page 200 of it by cursor, (c) the batch count for 50
#   random articles, (d) posting (post-moderated section) with 32 connections and the READERS
#   readers' tokens in rotation,
# and (e) the time from a POST until the comment arrives on an SSE subscriber (20 samples).
# Writes bench/comment/results/<date>T<hhmm>-<hot-comments>-<backend>.md and prints it. Stops everything it started on exit.
#
# Environment (all optional): DURATION=10s WARMUP=5s ROUNDS=3 CONNECTIONS=32 READERS=64 PORT=8083
# MANAGEMENT_PORT=9083 MONGO_PORT=27483 JAVA_OPTS="-XX:+UseParallelGC -Xmx1g" KEEP_TMP=1
# MONGO_BACKEND=h2|memory (the embedded server's backend; h2 is what `local` runs)
# Results and findings: docs/comment-performance.md
set -euo pipefail

HOT="${1:-10000}"
ARTICLES="${2:-1000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/comment"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
READERS="${READERS:-64}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}"
MONGO_BACKEND="${MONGO_BACKEND:-h2}"

. "$ROOT/bench/common.sh"


JAR="$(service_jar comment-service target-comment-bench)"

need wrk wrk || { log "wrk is missing and cannot be installed: no measurement possible"; exit 1; }

bench_tmp comment-bench

PORT="$(pick_port "${PORT:-8083}")"
MPORT="$(pick_port "${MANAGEMENT_PORT:-9083}")"
[[ "$MPORT" == "$PORT" ]] && MPORT="$(pick_port $((PORT + 1)))"
MONGO_PORT="$(pick_port "${MONGO_PORT:-27483}")"
BASE="http://127.0.0.1:$PORT"

# the MongoDB driver from the service's own jar, for the seeder
SEED=("$JAVA" -cp "$(driver_classpath "$JAR" "$TMP/lib")" "$HERE/Seed.java")

# ---- identity, with READERS readers of its own: reader01… (initial accounts, in a config file so no
# password shows in ps), and their tokens, one a line
json=""
: >"$TMP/readers.txt"
chmod 600 "$TMP/readers.txt"
for i in $(seq 1 "$READERS"); do
	name="$(printf 'reader%02d' "$i")"
	password="$(random_password)"
	printf '%s %s\n' "$name" "$password" >>"$TMP/readers.txt"
	json="$json${json:+,}{\"username\":\"$name\",\"displayName\":\"Čitatelj $i\",\"roles\":[\"reader\"],\"password\":\"$password\"}"
done
(umask 077 && printf 'platform:\n  identity:\n    initial-accounts: %s\n' "'[$json]'" >"$TMP/identity-accounts.yml")
unset json password
IDENTITY_CONFIG="$TMP/identity-accounts.yml" start_identity
log "signing $READERS readers in at identity"
(umask 077 && "$JAVA" "$ROOT/tools/tokens/Tokens.java" users "$IDENTITY" "$TMP/readers.txt" >"$TMP/tokens.txt") ||
	{ log "no reader tokens from identity"; exit 1; }
[[ "$(grep -c . "$TMP/tokens.txt")" == "$READERS" ]] || { log "identity signed in $(grep -c . "$TMP/tokens.txt") of $READERS readers"; exit 1; }

CFG="$ROOT/config/src/main/resources/config-repo"
log "starting comment-service ($JDK_LABEL, $JAVA_OPTS) on $PORT/$MPORT, embedded MongoDB ($MONGO_BACKEND) on $MONGO_PORT, data in $TMP"
(cd "$ROOT" && SERVICE_CLIENT_SECRET="$(identity_secret comment-service)" exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
	--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
	"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/comment-service.yml" \
	--server.port="$PORT" --management.server.port="$MPORT" \
	--platform.mongodb.embedded.path="$TMP/mongodb.mv.db" --platform.mongodb.embedded.port="$MONGO_PORT" \
	--platform.mongodb.embedded.backend="$MONGO_BACKEND" \
	"${IDENTITY_ARGS[@]}" \
	--comment.article-state.feed-enabled=false --platform.upstreams.article-service=http://127.0.0.1:9 \
	--logging.level.root=WARN) >>"$TMP/service.log" 2>&1 &
SVC=$!
PIDS+=("$SVC")
wait_ready comment-service "$SVC" "$MPORT" "$TMP/service.log" 240

log "seeding with bulk writes: $HOT comments on bench-hot, 0-5 on each of $ARTICLES articles"
SEED_LINE="$("${SEED[@]}" seed "mongodb://127.0.0.1:$MONGO_PORT" "$HOT" "$ARTICLES")"
log "$SEED_LINE"
# the first read loads the thread into memory (a scan on the embedded server); not part of the figures
curl -fs -o /dev/null -w '%{time_total}' "$BASE/api/v1/comments/articles/bench-hot?limit=20" >"$TMP/first-load.txt"
log "first read of bench-hot (loads its thread): $(cat "$TMP/first-load.txt") s"
CURSOR200="$("${SEED[@]}" cursor "$BASE" bench-hot 200)"

cat >"$TMP/counts.lua" <<EOF2
math.randomseed(os.time())
request = function()
  local ids = {}
  for i = 1, 50 do ids[i] = string.format("bench-a%04d", math.random(0, $ARTICLES - 1)) end
  return wrk.format("GET", "/api/v1/comments/counts?articles=" .. table.concat(ids, ","))
end
EOF2
cat >"$TMP/post.lua" <<EOF2
local tokens = {}
for line in io.lines("$TMP/tokens.txt") do tokens[#tokens + 1] = line end
local counter = 0
local thread_id = 0
setup = function(thread) thread_id = thread_id + 1; thread:set("tid", thread_id) end
init = function(args) math.randomseed(os.time() + tonumber(tid or 0)) end
request = function()
  counter = counter + 1
  local article = string.format("bench-a%04d", math.random(0, $ARTICLES - 1))
  local body = '{"text": "Mjerenje ' .. tostring(tid) .. '-' .. counter .. '-' .. math.random(1, 1e9) .. ': dobar članak."}'
  return wrk.format("POST", "/api/v1/comments/articles/" .. article,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] }, body)
end
EOF2

# bench <label> <url> [wrk args...]: warm-up, then ROUNDS rounds; one table row per round
bench() {
	local label="$1" url="$2" round out rps p50 p99 errs
	shift 2
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null 2>&1 || true
	for round in $(seq 1 "$ROUNDS"); do
		out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" 2>&1)"
		rps="$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
		p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
		p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
		errs="$(awk '/Non-2xx|Socket errors/{sub(/^ +/,""); printf "%s; ", $0}' <<<"$out")"
		echo "$label|$round|$rps|$p50|$p99|$(cut -d' ' -f1 /proc/loadavg)|${errs:-none}" | tee -a "$TMP/raw.txt" >&2
	done
}
log "warming up the JIT on both thread pages ($WARMUP each, twice)"
for _ in 1 2; do
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE/api/v1/comments/articles/bench-hot?limit=20" >/dev/null 2>&1 || true
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE/api/v1/comments/articles/bench-hot?limit=20&cursor=$CURSOR200" >/dev/null 2>&1 || true
done
log "measuring (wrk -t2 -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP, $ROUNDS rounds)"
bench "(0) baseline: the count of one article (the service's smallest answer)" "$BASE/api/v1/comments/counts?articles=bench-a0001"
bench "(a) first page of bench-hot ($HOT comments)" "$BASE/api/v1/comments/articles/bench-hot?limit=20"
bench "(b) page 200 of bench-hot by cursor" "$BASE/api/v1/comments/articles/bench-hot?limit=20&cursor=$CURSOR200"
bench "(c) batch count, 50 random of $ARTICLES articles" "$BASE" -s "$TMP/counts.lua"
bench "(d) POST a comment (post-moderated), $READERS rotating readers" "$BASE" -s "$TMP/post.lua"
SSE_LINE="$("${SEED[@]}" sse "$BASE" "$TMP/tokens.txt" bench-a0001 20)"
log "$SSE_LINE"
RSS="$(awk '/VmRSS/{printf "%d MB", $2/1024}' "/proc/$SVC/status")"
STORED="$(curl -fs "$BASE/api/v1/comments/counts?articles=bench-hot" | sed 's/.*"bench-hot":\([0-9]*\).*/\1/')"

median() { grep -F "$1 " "$TMP/raw.txt" | cut -d'|' -f3 | sort -n | awk '{a[NR]=$1} END{if(NR) print a[int((NR+1)/2)]; else print 0}'; }
P1="$(median "(a)")"
P200="$(median "(b)")"
RATIO=$(awk -v a="$P1" -v b="$P200" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')

mkdir -p "$HERE/results"
RESULT="$HERE/results/$(date -u +%Y-%m-%dT%H%M)-$HOT-$MONGO_BACKEND.md"
{
	echo "# comment-service benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "- JDK: $JDK_LABEL, $JAVA_OPTS"
	if [[ "$MONGO_BACKEND" == memory ]]; then
		echo "- MongoDB: embedded mongo-java-server 1.47.0, memory backend (nothing durable; secondary indexes ignored)"
	else
		echo "- MongoDB: embedded mongo-java-server 1.47.0, H2 file backend committing every write (the \`local\` setup; secondary indexes ignored)"
	fi
	echo "- data: $SEED_LINE; bench-hot shows $STORED visible comments after the run"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds and benchmarks"
	echo "- wrk -t2 -c$CONNECTIONS -d$DURATION --latency, after a $WARMUP warm-up per target, $ROUNDS rounds; load = 1-min load average after the round"
	echo "- first read of bench-hot, loading its thread into memory: $(cat "$TMP/first-load.txt") s (not in the figures)"
	echo "- service RSS after the run: $RSS"
	echo "- tokens: $READERS readers (identity's initial accounts, made for this run) signed in at identity (authorization code with PKCE, \`tools/tokens\`); the service validates them against identity's JWKS"
	echo
	echo "| target | round | req/s | p50 | p99 | load | errors |"
	echo "|---|---|---|---|---|---|---|"
	sed 's/^/| /; s/$/ |/' "$TMP/raw.txt"
	echo
	echo "Page 200 / page 1 throughput (medians): $P200 / $P1 req/s (page 1 is $RATIO× page 200)."
	echo
	echo "$SSE_LINE"
} >"$RESULT"
cat "$RESULT"

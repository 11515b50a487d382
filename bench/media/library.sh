#!/usr/bin/env bash
# The photo library benchmark (GET /api/v1/media): one command, from anywhere in the repository.
#
#   bench/media/library.sh [COUNT]        # COUNT items, default 100000
#
# Builds media-service (and identity) into target-bench/ when a jar is missing (JAR=… runs another
# build of the service, e.g. JAR=media-service/target-m17/media-service-0.1.0-SNAPSHOT.jar), starts
# the platform's embedded MongoDB (H2 file) in a process of its own, seeds COUNT items into
# media_items with bulk inserts (bench/media/Library.java: Croatian captions, alt texts, credits,
# tags, file names; 60 % used by an article), starts identity (the editor's token) and the service
# (no config server, profiles local,bench, the article feed off), waits until the service has
# built its library index from MongoDB (the time is in the report), and measures with wrk, after a
# warm-up, ROUNDS rounds each:
#   (a) search, one client (-t1 -c1): 200 different searches as an editor types them (one to three
#       words, a third with a filter: type, unused, uploader, from/to, tag), 20 per page, staff token;
#   (b) ids= with 50 random existing ids, one client, anonymous (as a public page asks);
#   (c) search with CONNECTIONS clients (throughput, for reference).
# Goals (issue 17): (a) p99 < 20 ms, (b) p99 < 10 ms at 100,000 items.
# Writes bench/media/results/library-<date>T<hhmm>-<count>.md and prints it. Stops everything it started.
#
# Environment (all optional): ROUNDS=3 DURATION=10s WARMUP=10s CONNECTIONS=16 PORT=8082
# MANAGEMENT_PORT=9082 DB_PORT=27117 JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xmx512m" KEEP_TMP=1
# PROFILE=0 skips the JFR profiles of (a) and (b) at the end
# Results and findings: docs/media-performance.md ("Photo library")
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/media"
COUNT="${1:-100000}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
# the run command's flags without its C1-only setting (a service under load); the index and the
# item documents of a page are what the heap holds beyond the usual
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx512m}"

. "$ROOT/bench/common.sh"

if [[ -n "${JAR:-}" ]]; then
	[[ "$JAR" = /* ]] || JAR="$ROOT/$JAR"
else
	JAR="$(service_jar media-service target-bench)"
fi
[[ -f "$JAR" ]] || { log "no jar at $JAR"; exit 1; }
if ! "$JAVA_HOME/bin/jar" tf "$JAR" | grep -q 'news/platform/media/library/LibraryController'; then
	log "$JAR has no photo library (an older build): remove it or pass JAR=<a newer build>"
	exit 1
fi

need wrk wrk || { log "wrk is missing and cannot be installed: no measurement possible"; exit 1; }

bench_tmp media-library-bench
PORT="$(pick_port "${PORT:-8082}")"
MPORT="$(pick_port "${MANAGEMENT_PORT:-9082}")"
[[ "$MPORT" == "$PORT" ]] && MPORT="$(pick_port $((PORT + 1)))"
BASE="http://127.0.0.1:$PORT"

# ---- the database, in a process of its own, and the seed
DB_PORT="$(pick_port "${DB_PORT:-27117}")"
mkdir -p "$TMP/boot"
unzip -q -o "$JAR" 'BOOT-INF/lib/*' -d "$TMP/boot"
"$JAVA" -Xmx1g -cp "$TMP/boot/BOOT-INF/lib/*" "$HERE/MongoServer.java" "$TMP/mongodb.mv.db" "$DB_PORT" >"$TMP/mongodb.log" 2>&1 &
DBPID=$!
PIDS+=("$DBPID")
for _ in $(seq 1 120); do grep -q '^ready' "$TMP/mongodb.log" && break; sleep 0.5; done
grep -q '^ready' "$TMP/mongodb.log" || { cat "$TMP/mongodb.log" >&2; log "the MongoDB process did not start"; exit 1; }
log "seeding $COUNT items"
SEED_LINE="$("$JAVA" -cp "$(driver_classpath "$JAR" "$TMP/driver")" "$HERE/Library.java" seed \
	"mongodb://127.0.0.1:$DB_PORT" media "$COUNT" "$TMP/load")"
log "$SEED_LINE"
LOAD_SEED="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- identity (the editor's token) and the service
start_identity
EDITOR="$(identity_token EDITOR)"
[[ -n "$EDITOR" ]] || { log "no editor token from identity"; exit 1; }
CFG="$ROOT/config/src/main/resources/config-repo"
log "starting media-service ($JDK_LABEL, $JAVA_OPTS) on $PORT/$MPORT"
(cd "$TMP" && MEDIA_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" \
	SERVICE_CLIENT_SECRET="$(identity_secret media-service)" exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
	--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
	"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/media-service.yml" \
	--server.port="$PORT" --management.server.port="$MPORT" \
	--spring.mongodb.uri="mongodb://127.0.0.1:$DB_PORT" \
	"${IDENTITY_ARGS[@]}" \
	--platform.feed.follow.enabled=false --media.cleanup.enabled=false \
	--media.library.index-path="$TMP/library-index" \
	--logging.level.root=WARN --logging.level.news.platform.media.library=INFO) >>"$TMP/service.log" 2>&1 &
SVC=$!
PIDS+=("$SVC")
started=$(date +%s)
wait_ready media-service "$SVC" "$MPORT" "$TMP/service.log" 240
if ! ss -Htlnp "sport = :$PORT" | grep -q "pid=$SVC,"; then
	log "port $PORT is not served by our service (pid $SVC): another process took it; retry"
	exit 1
fi
log "waiting for the library index (searches answer 503 while it is built)"
until [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $EDITOR" "$BASE/api/v1/media?limit=1")" == 200 ]]; do
	kill -0 "$SVC" 2>/dev/null || { tail -50 "$TMP/service.log" >&2; log "the service died"; exit 1; }
	sleep 0.5
	if (($(date +%s) - started > 900)); then log "no index after 900 s"; tail -50 "$TMP/service.log" >&2; exit 1; fi
done
REBUILD_LINE="$(grep -o 'photo library index built from MongoDB: .*' "$TMP/service.log" | tail -1)"
log "${REBUILD_LINE:-index ready}"
RSS_INDEXED="$(($(awk '/VmRSS/{print $2}' "/proc/$SVC/status") / 1024)) MiB"

# sanity: what the searches find, and that ids= answers every id
HITS="$(curl -fsS -H "Authorization: Bearer $EDITOR" "$BASE/api/v1/media?q=cacak%20most&limit=100" | grep -o '"id":"[0-9a-f]\{24\}"' | wc -l)"
FIRST_IDS="$(head -1 "$TMP/load/idlists.txt")"
ID_ANSWER="$(curl -fsS "$BASE/api/v1/media?ids=$FIRST_IDS")"
ID_MISSING="$(grep -o '"missing":\[[^]]*\]' <<<"$ID_ANSWER")"
ID_BYTES="${#ID_ANSWER}"
log "q=cacak most: $HITS items on the first page of 100; ids= of 50: $ID_BYTES bytes, $ID_MISSING"

# ---- wrk
cat >"$TMP/lines.lua" <<'EOF'
-- GET <PREFIX><a random line of LINES>, with AUTH as the Authorization header when set
local lines = {}
for line in io.lines(os.getenv("LINES")) do lines[#lines + 1] = line end
local prefix = os.getenv("PREFIX")
local auth = os.getenv("AUTH")
if auth and auth ~= "" then wrk.headers["Authorization"] = auth end
local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1000000)); seeded = true
  end
  return wrk.format("GET", prefix .. lines[math.random(#lines)])
end
EOF

# CPU time a process has used (user + system, clock ticks): CPU per request does not depend on how
# busy the shared machine is, latency does
HZ="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

RESULTS=()
# bench <label> <threads> <connections> <lines> <prefix> <auth>: warm-up, then ROUNDS rounds
bench() {
	local label="$1" threads="$2" connections="$3"
	export LINES="$4" PREFIX="$5" AUTH="$6"
	wrk -t"$threads" -c"$connections" -d"$WARMUP" -s "$TMP/lines.lua" "$BASE" >/dev/null 2>&1 || true
	local r out rps p50 p90 p99 errs load requests svc0 db0 svc_ms db_ms
	for r in $(seq 1 "$ROUNDS"); do
		svc0="$(cpu_ticks "$SVC")"; db0="$(cpu_ticks "$DBPID")"
		out="$(wrk -t"$threads" -c"$connections" -d"$DURATION" --latency -s "$TMP/lines.lua" "$BASE" 2>&1)"
		load="$(cut -d' ' -f1 /proc/loadavg)"
		requests="$(awk '/requests in/{print $1}' <<<"$out")"
		svc_ms="$(awk -v a="$svc0" -v b="$(cpu_ticks "$SVC")" -v n="$requests" -v hz="$HZ" 'BEGIN{ if (n>0) printf "%.2f", (b-a)*1000/hz/n; else print "n/a"}')"
		db_ms="$(awk -v a="$db0" -v b="$(cpu_ticks "$DBPID")" -v n="$requests" -v hz="$HZ" 'BEGIN{ if (n>0) printf "%.2f", (b-a)*1000/hz/n; else print "n/a"}')"
		rps="$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
		p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
		p90="$(awk '$1=="90%"{print $2}' <<<"$out")"
		p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
		errs="$(awk '/Non-2xx|Socket errors/{sub(/^ +/,""); printf "%s; ", $0}' <<<"$out")"
		RESULTS+=("| $label | $r | $rps | $p50 | $p90 | $p99 | $svc_ms | $db_ms | $load | ${errs:-} |")
		echo "$label round $r: $rps req/s p50 $p50 p90 $p90 p99 $p99, CPU/request service $svc_ms ms, MongoDB $db_ms ms (load $load) $errs" >&2
	done
}
# what the processes spend with no request (feed relay and follower polls, the index's commits):
# part of every CPU-per-request figure below, at (this) ms per second of the round
s0="$(cpu_ticks "$SVC")"; d0="$(cpu_ticks "$DBPID")"; sleep 10
IDLE_CPU="service $(awk -v a="$s0" -v b="$(cpu_ticks "$SVC")" -v hz="$HZ" 'BEGIN{printf "%.1f", (b-a)*1000/hz/10}') ms/s, MongoDB $(awk -v a="$d0" -v b="$(cpu_ticks "$DBPID")" -v hz="$HZ" 'BEGIN{printf "%.1f", (b-a)*1000/hz/10}') ms/s"
log "idle CPU: $IDLE_CPU"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring (wrk --latency, warm-up $WARMUP, $ROUNDS rounds of $DURATION)"
bench "(a) search, 200 queries, 1 client" 1 1 "$TMP/load/queries.txt" "/api/v1/media?" "Bearer $EDITOR"
bench "(b) ids= of 50, 500 lists, 1 client, anonymous" 1 1 "$TMP/load/idlists.txt" "/api/v1/media?ids=" ""
bench "(c) search, 200 queries, $CONNECTIONS clients" 2 "$CONNECTIONS" "$TMP/load/queries.txt" "/api/v1/media?" "Bearer $EDITOR"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- where the time goes: JFR execution samples of the service, 20 s of each one-client target
PROFILE_TXT=""
profile() { # profile <name> <title> <lines> <prefix> <auth>
	local name="$1" title="$2"
	export LINES="$3" PREFIX="$4" AUTH="$5"
	log "profiling $title with JFR (20 s)"
	"$JCMD" "$SVC" JFR.start name="bench-$name" settings=profile duration=20s filename="$TMP/$name.jfr" >/dev/null
	wrk -t1 -c1 -d20s -s "$TMP/lines.lua" "$BASE" >/dev/null 2>&1 || true
	for _ in $(seq 1 50); do [[ -s "$TMP/$name.jfr" ]] && break; sleep 0.5; done
	sleep 2
	PROFILE_TXT+="
## JFR profile: $title (20 s, one client, \`settings=profile\`, jdk.ExecutionSample, load $(cut -d' ' -f1 /proc/loadavg))

\`\`\`
$(jfr_summary "$TMP/$name.jfr" '(news\.platform|mongodb\.internal\.connection\.InternalStreamConnection\.sendAndReceive|jackson.*writeValue|lucene\.search\.IndexSearcher\.search|FilterChainProxy\.doFilter|DispatcherServlet\.doDispatch|Http11Processor\.service)')
\`\`\`
"
}
if [[ "${PROFILE:-1}" == 1 ]]; then
	profile search "(a) search" "$TMP/load/queries.txt" "/api/v1/media?" "Bearer $EDITOR"
	profile ids "(b) ids= of 50" "$TMP/load/idlists.txt" "/api/v1/media?ids=" ""
fi
RSS_END="$(($(awk '/VmRSS/{print $2}' "/proc/$SVC/status") / 1024)) MiB"

# ---- report
DATE="$(date -u +%Y-%m-%d)"
mkdir -p "$HERE/results"
OUT="$HERE/results/library-$(date -u +%Y-%m-%dT%H%M)-$COUNT.md"
{
	echo "# media-service photo library benchmark, $COUNT items, $DATE"
	echo
	echo "- command: \`bench/media/library.sh $COUNT\`${JAR:+ (jar: \`${JAR#"$ROOT"/}\`)}; started $(date -u +%H:%M) UTC"
	echo "- JDK: $JDK_LABEL; JVM flags: \`$JAVA_OPTS\`"
	echo "- MongoDB: the platform's embedded server (H2 MVStore file, commit per command) in a process of its own; the library index: Lucene on local disk (\`media.library.index-path\` in the temp folder)"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds and benchmarks; wrk on the same machine"
	echo "- load average: after seeding $LOAD_SEED; before measuring $LOAD_START; after $LOAD_END (1/5/15 min)"
	echo "- seed: $SEED_LINE"
	echo "- service: profiles \`local,bench\`, no config server (config-repo files imported from disk), article feed off, clean-up off; ready in ${READY_S} s; index: ${REBUILD_LINE:-ready}"
	echo "- CPU with no request (10 s before measuring): $IDLE_CPU"
	echo "- RSS (VmRSS): with the index built $RSS_INDEXED, after the runs $RSS_END"
	echo "- sanity: \`q=cacak most\` finds $HITS items (first page of 100); an \`ids=\` answer of 50 items is $ID_BYTES bytes, $ID_MISSING"
	echo "- wrk --latency, a $WARMUP warm-up per target, $ROUNDS rounds of $DURATION; load = 1-min load average after the round; CPU ms/request = the process's user + system CPU time over the round / requests answered (what a request costs whatever else runs on the machine)"
	echo
	echo "| target | round | req/s | p50 | p90 | p99 | CPU ms/request, service | CPU ms/request, MongoDB | load | errors |"
	echo "|---|---|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${RESULTS[@]}"
	echo
	echo "Goals (issue 17, $COUNT items): (a) p99 < 20 ms; (b) p99 < 10 ms."
	echo "$PROFILE_TXT"
} >"$OUT"
cat "$OUT"
log "written $OUT"

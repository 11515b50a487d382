#!/usr/bin/env bash
# article-service benchmark: one command, from anywhere in the repository.
#
#   bench/article/run.sh [articles]        (default 10000)
#
# Builds article-service (and identity) into target-bench/ if a jar is missing, starts identity (the
# token issuer, MongoDB in memory) and the service (no config server, embedded MongoDB on H2 in a
# temp folder, tokens validated against identity's JWKS), seeds N articles with the seeded editor's
# token from identity (through the REST API; above BULK_ABOVE, most straight into MongoDB): 90 %
# published, 10 % (UNPUBLISHED_PERCENT) unpublished work, drafts and one in three of them submitted
# for review (in bulk, copies of drafts made through the API), in the sections they name (made
# through the API first); times the index rebuild from MongoDB, then measures with wrk (-t2 -c32
# -d15s, 10 s warm-up, 3 rounds each):
# GET by slug cached (identity and gzip), GET by slug uncached, list page 1, list page 500, a
# two-word search (one query, as readers repeat a hot one) and random ones of 1,000 different
# two-word searches (32 connections and 1), and nginx serving the same bytes as the cached GET
# from a file, in the same run; then the staff targets of issue 15 with the editor's token:
#   (s1) the work list, page 1: GET /api/v1/articles?status=draft,in_review&owner=me&sort=updated&limit=20
#        (the editor owns every seeded article, so this pages over all unpublished work), with 1
#        connection (-t1 -c1: the time one page takes) and with 32
#   (s2) the counts per status, GET /api/v1/articles/counts, with 1 connection
# Goals (issue 15, at 100,000 articles of which 10,000 unpublished): (s1) with 1 connection p99
# < 20 ms; (s2) p99 < 5 ms; the cached reader GET and public list page 1 no worse than before, as
# ratios of their median req/s to nginx's in the same run (compare with the earlier results files).
# Staff answers must carry Cache-Control: private (checked before measuring, logged and reported):
# they never come from the rendered-page cache readers share. The token reaches wrk through a Lua
# script reading the token file, so it never shows in ps.
# Writes bench/article/results/<date>-<N>.md and prints it. Stops everything it started on exit.
#
# Environment (all optional): DURATION=15s WARMUP=10s ROUNDS=3 CONNECTIONS=32 SEED_THREADS=4
# PORT=8081 MANAGEMENT_PORT=9081 MONGO_PORT=27481 NGINX_PORT=8093 JAVA_OPTS="-XX:+UseParallelGC -Xmx1g"
# UNPUBLISHED_PERCENT=10 (of the N articles; the reader GET rotates over the published ones only)
# ARTICLE_JAR=path: measure that article-service jar instead of article-service/target-bench/'s
#   (e.g. one built in a clean worktree of the last commit while the working tree has other changes)
# BULK_ABOVE=10000 TEMPLATES=500: above BULK_ABOVE articles, only TEMPLATES go through the API and the
#   others are written into the service's MongoDB directly (Seed.java bulk): the API seeds ~75 a second
# The search index is then rebuilt from MongoDB (service restarted without its index) and timed.
# PROFILE=auto|always|never (JFR profiles of the targets that miss a goal: cached GET, page 500, search)
# UNCACHED_CACHE_SIZE=32KB (the reader cache size; see below)
# VARIANTS=auto|always|never (restart with security/http observations off, cached GET again)
# KEEP_TMP=1 keeps the temp folder (service log, JFR recordings, slugs)
# Results and findings: docs/article-performance.md
set -euo pipefail

N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/article"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
SEED_THREADS="${SEED_THREADS:-4}"
PROFILE="${PROFILE:-auto}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}"
# The reader cache holds 64 MB by default, i.e. every article at N <= 10,000, so a GET rotating over
# all slugs would be served from the cache. The bench runs the service with a tiny cache instead (a
# few articles), so that (b) misses; (a) hits one hot article, which stays in any cache size.
CACHE_SIZE="${UNCACHED_CACHE_SIZE:-32KB}"

. "$ROOT/bench/common.sh"


JAR="${ARTICLE_JAR:-$(service_jar article-service target-bench)}"
[[ -f "$JAR" ]] || { log "no jar at $JAR"; exit 1; }
export UNPUBLISHED_PERCENT="${UNPUBLISHED_PERCENT:-10}"
BULK_ABOVE="${BULK_ABOVE:-10000}"
TEMPLATES="${TEMPLATES:-500}"

# ---- tools
need wrk wrk || { log "wrk is missing and cannot be installed: no measurement possible"; exit 1; }
HAVE_NGINX=1
need nginx nginx || { log "nginx is missing and cannot be installed: the nginx comparison is skipped"; HAVE_NGINX=; }

# ---- temp folder and cleanup
bench_tmp article-bench

PORT="$(pick_port "${PORT:-8081}")"
MPORT="$(pick_port "${MANAGEMENT_PORT:-9081}")"
[[ "$MPORT" == "$PORT" ]] && MPORT="$(pick_port $((PORT + 1)))"
NGINX_PORT="$(pick_port "${NGINX_PORT:-8093}")"
MONGO_PORT="$(pick_port "${MONGO_PORT:-27481}")"
SEED=("$JAVA" -cp "$(driver_classpath "$JAR" "$TMP/lib")" "$HERE/Seed.java")
BASE="http://127.0.0.1:$PORT"

# ---- identity, the editor's token, and the service
start_identity
# a file, not an argument: ps would show an argument
(umask 077 && identity_token EDITOR >"$TMP/editor.token")
[[ -s "$TMP/editor.token" ]] || { log "no editor token from identity"; exit 1; }
SERVICE_SECRET="$(identity_secret article-service)"
CFG="$ROOT/config/src/main/resources/config-repo"
# start_service [extra --property=value ...]: starts the service on the data in $TMP, waits until ready
start_service() {
	log "starting article-service ($JDK_LABEL, $JAVA_OPTS) on $PORT/$MPORT, data in $TMP ${*:-}"
	(cd "$ROOT" && SERVICE_CLIENT_SECRET="$SERVICE_SECRET" exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
		--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
		"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/article-service.yml" \
		--server.port="$PORT" --management.server.port="$MPORT" \
		--platform.mongodb.embedded.path="$TMP/mongodb.mv.db" --platform.mongodb.embedded.port="$MONGO_PORT" \
		--platform.search.index-path="$TMP/search-index" \
		"${IDENTITY_ARGS[@]}" \
		--article.cache.max-size="$CACHE_SIZE" \
		--logging.level.root=WARN "$@") >>"$TMP/service.log" 2>&1 &
	SVC=$!
	PIDS+=("$SVC")
	local started
	started=$(date +%s.%N)
	until curl -fs "http://127.0.0.1:$MPORT/actuator/health/readiness" >/dev/null 2>&1; do
		kill -0 "$SVC" 2>/dev/null || { tail -50 "$TMP/service.log" >&2; log "the service died"; exit 1; }
		sleep 0.5
		if (($(date +%s) - ${started%.*} > 240)); then log "not ready after 240 s"; tail -50 "$TMP/service.log" >&2; exit 1; fi
	done
	READY_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	# another process may have taken the port between the check and the bind: make sure it is ours
	if ! ss -Htlnp "sport = :$PORT" | grep -q "pid=$SVC,"; then
		log "port $PORT or $MPORT is not served by our service (pid $SVC): another process took it; retry"
		exit 1
	fi
	log "ready in ${READY_S} s"
}
stop_service() {
	kill "$SVC" 2>/dev/null || true
	for _ in $(seq 1 150); do kill -0 "$SVC" 2>/dev/null || return 0; sleep 0.2; done
	kill -9 "$SVC" 2>/dev/null || true
	sleep 1
}
start_service
FIRST_READY_S="$READY_S"
rss() { awk '/VmRSS/{printf "%d MB", $2/1024}' "/proc/$SVC/status"; }

# ---- seed
if ((N > BULK_ABOVE)); then
	log "seeding $N articles: $TEMPLATES through the REST API ($SEED_THREADS threads), the rest into MongoDB"
	"${SEED[@]}" bulk "$BASE" "$TMP/editor.token" "$N" "$SEED_THREADS" "$TEMPLATES" \
		"mongodb://127.0.0.1:$MONGO_PORT" "$TMP/slugs.txt" | tee "$TMP/seed.log" >&2
else
	log "seeding $N articles through the REST API ($SEED_THREADS threads)"
	"${SEED[@]}" seed "$BASE" "$TMP/editor.token" "$N" "$SEED_THREADS" "$TMP/slugs.txt" | tee "$TMP/seed.log" >&2
fi
SEED_LINE="$(tail -1 "$TMP/seed.log")"

# ---- the index rebuilt from MongoDB: restarted without its index folder, as a new replica starts
stop_service
rm -rf "$TMP/search-index"
start_service --logging.level.news.platform.article.search=INFO
until REBUILD_LINE="$(grep -o 'search index rebuilt from MongoDB: .*' "$TMP/service.log")"; do
	kill -0 "$SVC" 2>/dev/null || { tail -50 "$TMP/service.log" >&2; log "the service died during the rebuild"; exit 1; }
	sleep 0.5
done
until curl -fs "http://127.0.0.1:$MPORT/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.5; done
log "$REBUILD_LINE"
LOAD_SEED="$(cut -d' ' -f1-3 /proc/loadavg)"
RSS_SEEDED="$(rss)"
HOT_SLUG="$(sed -n "$(((N + 1) / 2))p" "$TMP/slugs.txt")"
curl -fsS "$BASE/api/v1/articles/by-slug/$HOT_SLUG" -o "$TMP/hot.json"
HOT_BYTES=$(stat -c %s "$TMP/hot.json")
HOT_GZ_BYTES=$(curl -fsS -H 'Accept-Encoding: gzip' "$BASE/api/v1/articles/by-slug/$HOT_SLUG" | wc -c)
log "hot article $HOT_SLUG: $HOT_BYTES bytes, $HOT_GZ_BYTES gzipped; RSS after seeding $RSS_SEEDED"
log "following nextCursor up to 499 times"
PAGE_LINE="$("${SEED[@]}" cursor "$BASE" 500)"
DEEP_PAGE="${PAGE_LINE%%$'\t'*}"
PAGE500="${PAGE_LINE#*$'\t'}"
[[ "$DEEP_PAGE" != 500 ]] && log "only $DEEP_PAGE full pages of 20 at N=$N: measuring page $DEEP_PAGE instead of 500"
SEARCH_Q="${SEARCH_Q:-evakuacija%20grada}"
QUERY_COUNT="${QUERY_COUNT:-1000}"
"${SEED[@]}" queries "$QUERY_COUNT" >"$TMP/queries.txt"
SEARCH_HITS=$(curl -fsS "$BASE/api/v1/articles/search?q=$SEARCH_Q&limit=50" | grep -o '"slug"' | wc -l)

# ---- the staff targets: the editor's work list and counts (the token from a file, never an argument)
WORK_PATH="/api/v1/articles?status=draft,in_review&owner=me&sort=updated&limit=20"
COUNTS_PATH="/api/v1/articles/counts"
cat >"$TMP/staff.lua" <<'LUA'
local f = assert(io.open(os.getenv("TOKEN_FILE")))
wrk.headers["Authorization"] = "Bearer " .. f:read("*l")
f:close()
LUA
staff_curl() { curl -fsS -H @<(printf 'Authorization: Bearer %s\n' "$(cat "$TMP/editor.token")") "$@"; }
header_of() { awk -F': ' -v h="$1" 'tolower($1)==h{sub(/\r$/,"",$2); print $2}'; }
COUNTS_JSON="$(staff_curl "$BASE$COUNTS_PATH")"
COUNTS_CC="$(staff_curl -D - -o /dev/null "$BASE$COUNTS_PATH" | header_of cache-control)"
WORK_CC="$(staff_curl -D - -o "$TMP/work.json" "$BASE$WORK_PATH" | header_of cache-control)"
WORK_ITEMS=$(grep -o '"slug"' "$TMP/work.json" | wc -l)
WORK_BYTES=$(stat -c %s "$TMP/work.json")
log "counts $COUNTS_JSON; work list page 1: $WORK_ITEMS items, $WORK_BYTES bytes, Cache-Control: $WORK_CC"
[[ "$WORK_ITEMS" == 20 ]] || log "the work list page 1 has $WORK_ITEMS items, not 20 (see $TMP/work.json)"
[[ "$WORK_CC" == private* && "$COUNTS_CC" == private* ]] ||
	log "staff answers without Cache-Control: private (work list: $WORK_CC; counts: $COUNTS_CC)"

# ---- nginx with the same bytes
if [[ -n "$HAVE_NGINX" ]]; then
	mkdir -p "$TMP/nginx/html" "$TMP/nginx/logs" "$TMP/nginx/tmp"
	cp "$TMP/hot.json" "$TMP/nginx/html/hot.json"
	# nginx workers run as an unprivileged user: let them reach the file (identity's folder and the token stay private)
	chmod 711 "$TMP" && chmod 755 "$TMP/nginx" "$TMP/nginx/html" && chmod 644 "$TMP/nginx/html/hot.json"
	cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path $TMP/nginx/tmp; proxy_temp_path $TMP/nginx/tmp; fastcgi_temp_path $TMP/nginx/tmp;
  uwsgi_temp_path $TMP/nginx/tmp; scgi_temp_path $TMP/nginx/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $TMP/nginx/html;
    location / { default_type application/json; }
  }
}
EOF
	nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" 2>>"$TMP/nginx/logs/error.log" &
	PIDS+=("$!")
	for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NGINX_PORT/hot.json" -o /dev/null && break; sleep 0.1; done
	cmp -s "$TMP/hot.json" <(curl -fsS "http://127.0.0.1:$NGINX_PORT/hot.json") || { log "nginx does not serve the same bytes"; HAVE_NGINX=; }
fi

# ---- wrk
cat >"$TMP/rotate.lua" <<'EOF'
local slugs = {}
for line in io.lines(os.getenv("SLUGS")) do slugs[#slugs + 1] = line end
local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1000000)); seeded = true
  end
  return wrk.format("GET", "/api/v1/articles/by-slug/" .. slugs[math.random(#slugs)])
end
EOF
cat >"$TMP/queries.lua" <<'EOF'
local queries = {}
for line in io.lines(os.getenv("QUERIES")) do queries[#queries + 1] = line end
local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1000000)); seeded = true
  end
  return wrk.format("GET", "/api/v1/articles/search?q=" .. queries[math.random(#queries)])
end
EOF
export SLUGS="$TMP/slugs.txt" QUERIES="$TMP/queries.txt" TOKEN_FILE="$TMP/editor.token"

RESULTS=()
# bench <label> <url> [wrk args...]: warm-up, then ROUNDS rounds; one table row per round
bench() {
	local label="$1" url="$2"
	shift 2
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null 2>&1 || true
	local r out rps p50 p99 errs load
	for r in $(seq 1 "$ROUNDS"); do
		out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" 2>&1)"
		load="$(cut -d' ' -f1 /proc/loadavg)"
		rps="$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
		p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
		p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
		errs="$(awk '/Non-2xx|Socket errors/{sub(/^ +/,""); printf "%s; ", $0}' <<<"$out")"
		RESULTS+=("| $label | $r | $rps | $p50 | $p99 | $load | ${errs:-} |")
		echo "$label round $r: $rps req/s p50 $p50 p99 $p99 (load $load) $errs" >&2
		echo "$label|$r|$rps|$p50|$p99|$load" >>"$TMP/raw.txt"
	done
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring (wrk -t2 -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP, $ROUNDS rounds)"
[[ -n "$HAVE_NGINX" ]] && bench "nginx, same bytes from a file" "http://127.0.0.1:$NGINX_PORT/hot.json"
bench "(a) GET by slug, cached" "$BASE/api/v1/articles/by-slug/$HOT_SLUG"
[[ -n "$HAVE_NGINX" ]] && bench "nginx, same bytes (2nd pass)" "http://127.0.0.1:$NGINX_PORT/hot.json"
bench "(a) GET by slug, cached, gzip" "$BASE/api/v1/articles/by-slug/$HOT_SLUG" -H 'Accept-Encoding: gzip'
bench "(b) GET by slug, uncached (random of $N)" "$BASE" -s "$TMP/rotate.lua"
bench "(c) list page 1" "$BASE/api/v1/articles?limit=20"
bench "(d) list page $DEEP_PAGE" "$BASE$PAGE500"
bench "(e) search \"${SEARCH_Q//%20/ }\"" "$BASE/api/v1/articles/search?q=$SEARCH_Q"
bench "(f) search, random of $QUERY_COUNT two-word queries" "$BASE" -s "$TMP/queries.lua"
# the same with one connection (wrk takes the last -t/-c): the time one search takes, without queueing
bench "(f1) search, random of $QUERY_COUNT queries, 1 connection" "$BASE" -s "$TMP/queries.lua" -t1 -c1
# issue 15's staff targets, with the editor's token (staff.lua adds the header)
bench "(s1) staff work list page 1 (draft,in_review), 1 connection" "$BASE$WORK_PATH" -s "$TMP/staff.lua" -t1 -c1
bench "(s1) staff work list page 1 (draft,in_review), $CONNECTIONS connections" "$BASE$WORK_PATH" -s "$TMP/staff.lua"
bench "(s2) staff counts, 1 connection" "$BASE$COUNTS_PATH" -s "$TMP/staff.lua" -t1 -c1
SEARCH_CACHE="$(curl -fsS "http://127.0.0.1:$MPORT/actuator/prometheus" | awk '/^cache_gets_total\{.*cache="search-responses"/ { if ($0 ~ /result="hit"/) h=$2; else m=$2 } END { printf "%d hits, %d misses", h, m }')"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
RSS_END="$(rss)"

med() { # median req/s of a label prefix
	grep -F "$1|" "$TMP/raw.txt" | cut -d'|' -f3 | sort -n | awk '{a[NR]=$1} END{if(NR) print a[int((NR+1)/2)]; else print 0}'
}
NGINX_MED=$( (grep -F "nginx" "$TMP/raw.txt" || true) | cut -d'|' -f3 | sort -n | awk '{a[NR]=$1} END{if(NR) print a[int((NR+1)/2)]; else print 0}')
CACHED_MED=$(med "(a) GET by slug, cached")
P1_MED=$(med "(c) list page 1")
P500_MED=$(med "(d) list page $DEEP_PAGE")
RATIO=$(awk -v a="$CACHED_MED" -v b="$NGINX_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')
GZIP_MED=$(med "(a) GET by slug, cached, gzip")
GZIP_RATIO=$(awk -v a="$GZIP_MED" -v b="$NGINX_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')
P1_RATIO=$(awk -v a="$P1_MED" -v b="$NGINX_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')
PAGE_RATIO=$(awk -v a="$P1_MED" -v b="$P500_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')

# ---- profiles (JFR execution samples, 20 s under the same wrk load) of the targets that miss a goal
PROFILE_TXT=""
# profile <name> <title> <url> [wrk args...]
profile() {
	local name="$1" title="$2" url="$3"
	shift 3
	log "profiling $title with JFR (20 s)"
	"$JCMD" "$SVC" JFR.start name="bench-$name" settings=profile duration=20s filename="$TMP/$name.jfr" >/dev/null
	wrk -t2 -c"$CONNECTIONS" -d20s "$@" "$url" >/dev/null 2>&1 || true
	for _ in $(seq 1 50); do [[ -s "$TMP/$name.jfr" ]] && break; sleep 0.5; done
	sleep 2
	"$JFR" print --events jdk.ExecutionSample --stack-depth 64 "$TMP/$name.jfr" >"$TMP/samples-$name.txt" 2>/dev/null || true
	PROFILE_TXT+="
## JFR profile: $title (20 s, \`settings=profile\`, jdk.ExecutionSample, load $(cut -d' ' -f1 /proc/loadavg))

\`\`\`
$(awk '
		/jdk.ExecutionSample/ { n++; first=1; depth=0; cp=""; delete seen; next }
		/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\.[a-zA-Z_$<>0-9]+\(/ {
			f=$1; sub(/\(.*/, "", f)
			depth++
			if (first) { top[f]++; first=0; topf=f }
			else if (depth <= 6 && topf ~ /(JarFileUrlKey|ConcurrentHashMap.putVal|ImmutableTag|Tags.hashCode)/) { cp = cp " < " f; if (depth == 6) chain[topf cp]++ }
			if (!(f in seen)) { seen[f]=1; incl[f]++ }
		}
		END {
			printf "samples: %d\n\ntop frames (self):\n", n
			for (f in top) printf "%6.1f%%  %s\n", 100*top[f]/n, f | "sort -rn | head -25"
			close("sort -rn | head -25")
			printf "\nframes on the stack (inclusive), platform code:\n"
			for (f in incl) if (f ~ /(springframework\.security|FilterChainProxy|DispatcherServlet|news\.platform|Http11Processor|CoyoteAdapter|OncePerRequestFilter|ObservationFilter|micrometer|jackson|caffeine|Lucene|lucene)/) printf "%6.1f%%  %s\n", 100*incl[f]/n, f | "sort -rn | head -40"
			close("sort -rn | head -40")
			printf "\ncallers (5 frames) of some hot self frames:\n"
			for (c in chain) printf "%5d %s\n", chain[c], c | "sort -rn | head -12"
			close("sort -rn | head -12")
		}' "$TMP/samples-$name.txt"))
\`\`\`
"
}
ms() { awk '{v=$1; if (v ~ /us$/) x=v/1000; else if (v ~ /ms$/) x=v+0; else if (v ~ /s$/) x=v*1000; else x=v+0; print x}' <<<"$1"; }
SEARCH_P99_MAX=$(grep -F "(e) search" "$TMP/raw.txt" | cut -d'|' -f5 | while read -r v; do ms "$v"; done | sort -n | tail -1)
is_auto() { [[ "$PROFILE" == always || ("$PROFILE" == auto && "$1" == 1) ]]; }
if is_auto "$(awk -v r="$RATIO" 'BEGIN{print (r != "n/a" && r<0.5)}')"; then
	profile cached "GET by slug, cached (ratio to nginx $RATIO < 0.5)" "$BASE/api/v1/articles/by-slug/$HOT_SLUG"
fi
if is_auto "$(awk -v r="$PAGE_RATIO" 'BEGIN{print (r != "n/a" && r>1.2)}')"; then
	profile page "list page $DEEP_PAGE (page 1 / page $DEEP_PAGE = $PAGE_RATIO > 1.2)" "$BASE$PAGE500"
fi
if is_auto "$(awk -v p="${SEARCH_P99_MAX:-0}" 'BEGIN{print (p>20)}')"; then
	profile search "search (p99 up to ${SEARCH_P99_MAX} ms > 20 ms)" "$BASE/api/v1/articles/search?q=$SEARCH_Q"
fi
# the staff goals: the worst p99 of the rounds (ms)
p99_max() { { grep -F "$1|" "$TMP/raw.txt" || true; } | cut -d'|' -f5 | while read -r v; do ms "$v"; done | sort -n | tail -1; }
WORK1_P99_MAX=$(p99_max "(s1) staff work list page 1 (draft,in_review), 1 connection")
WORK32_P99_MAX=$(p99_max "(s1) staff work list page 1 (draft,in_review), $CONNECTIONS connections")
COUNTS_P99_MAX=$(p99_max "(s2) staff counts, 1 connection")
WORK1_MED=$(med "(s1) staff work list page 1 (draft,in_review), 1 connection")
COUNTS_MED=$(med "(s2) staff counts, 1 connection")
verdict() { awk -v p="$1" -v g="$2" 'BEGIN{ if (p == "") print "n/a"; else if (p+0 < g+0) print "met"; else print "missed" }'; }
if is_auto "$(awk -v p="${WORK1_P99_MAX:-0}" 'BEGIN{print (p>=20)}')"; then
	profile work "staff work list (1 connection p99 up to ${WORK1_P99_MAX} ms, goal < 20 ms)" "$BASE$WORK_PATH" -s "$TMP/staff.lua"
fi
if is_auto "$(awk -v p="${COUNTS_P99_MAX:-0}" 'BEGIN{print (p>=5)}')"; then
	profile counts "staff counts (1 connection p99 up to ${COUNTS_P99_MAX} ms, goal < 5 ms)" "$BASE$COUNTS_PATH" -s "$TMP/staff.lua"
fi
QUERIES_P99_MAX=$(grep -F "(f) search" "$TMP/raw.txt" | cut -d'|' -f5 | while read -r v; do ms "$v"; done | sort -n | tail -1)
if is_auto "$(awk -v p="${QUERIES_P99_MAX:-0}" 'BEGIN{print (p>20)}')"; then
	profile queries "search, $QUERY_COUNT different queries (p99 up to ${QUERIES_P99_MAX} ms > 20 ms)" "$BASE" -s "$TMP/queries.lua"
fi

# ---- variants: the same service and data restarted with one property changed, cached GET only,
# to test what the profile suggests without changing code (VARIANTS=auto: when the ratio is < 0.5)
VARIANTS="${VARIANTS:-auto}"
if [[ "$VARIANTS" == always || ("$VARIANTS" == auto && "$RATIO" != n/a && $(awk -v r="$RATIO" 'BEGIN{print (r<0.5)}') == 1) ]]; then
	for variant in "--management.observations.enable.spring.security=false" \
		"--management.observations.enable.spring.security=false --management.observations.enable.http.server.requests=false"; do
		stop_service
		# shellcheck disable=SC2086
		start_service $variant
		bench "(a) cached GET, restarted with $variant" "$BASE/api/v1/articles/by-slug/$HOT_SLUG"
	done
	[[ -n "$HAVE_NGINX" ]] && bench "nginx, same bytes (3rd pass)" "http://127.0.0.1:$NGINX_PORT/hot.json"
fi

# ---- report
DATE="$(date -u +%Y-%m-%d)"
mkdir -p "$HERE/results"
OUT="$HERE/results/$DATE-$N.md"
{
	echo "# article-service benchmark, $N articles, $DATE"
	echo
	echo "- command: \`bench/article/run.sh $N\`; started $(date -u +%H:%M) UTC"
	echo "- JDK: $JDK_LABEL; JVM flags: \`$JAVA_OPTS\`; virtual threads on (shared config)"
	echo "- MongoDB: embedded (H2 MVStore file, \`platform.mongodb.embedded\`); search: Lucene on local disk"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds and benchmarks"
	echo "- load average: after seeding $LOAD_SEED; before measuring $LOAD_START; after $LOAD_END (1/5/15 min)"
	echo "- service: profiles \`local,bench\` without the config server, config-repo files imported from disk, \`article.cache.max-size=$CACHE_SIZE\` (so that (b) misses), started in ${FIRST_READY_S} s"
	echo "- tokens: the seeded editor's, from identity (authorization code with PKCE, \`tools/tokens\`); the service validates them against identity's JWKS"
	echo "- seed: $SEED_LINE"
	echo "- index rebuild (service restarted without its index folder): $REBUILD_LINE (RSS after it $RSS_SEEDED)"
	echo "- hot article: \`$HOT_SLUG\`, $HOT_BYTES bytes JSON, $HOT_GZ_BYTES bytes gzip; search \`${SEARCH_Q//%20/ }\` finds ≥ $SEARCH_HITS (first page of 50)"
	echo "- RSS (VmRSS): after the rebuild $RSS_SEEDED, after the runs $RSS_END"
	echo "- unpublished: $UNPUBLISHED_PERCENT % of the articles; counts (editor, \`GET $COUNTS_PATH\`): \`$COUNTS_JSON\`"
	echo "- staff work list (s1): \`GET $WORK_PATH\` with the editor's token: $WORK_ITEMS items, $WORK_BYTES bytes, \`Cache-Control: $WORK_CC\`; counts (s2): \`Cache-Control: $COUNTS_CC\`"
	echo "- article-service jar: \`$JAR\`"
	echo "- search response cache after (e) and (f): $SEARCH_CACHE (\`cache_gets_total{cache=\"search-responses\"}\`)"
	echo "- wrk -t2 -c$CONNECTIONS -d$DURATION --latency, after a $WARMUP warm-up per target, $ROUNDS rounds; load = 1-min load average after the round"
	echo
	echo "| target | round | req/s | p50 | p99 | load | errors |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${RESULTS[@]}"
	echo
	echo "Medians: cached GET $CACHED_MED req/s, nginx $NGINX_MED req/s → ratio **$RATIO** (goal ≥ 0.5); list page 1 $P1_MED vs page $DEEP_PAGE $P500_MED req/s → page 1 / page $DEEP_PAGE = **$PAGE_RATIO** (goal ≤ 1.2)."
	echo
	echo "Ratios to nginx (median req/s; issue 15: no worse than before): cached GET **$RATIO**, cached GET gzip **$GZIP_RATIO**, public list page 1 **$P1_RATIO** ($P1_MED req/s)."
	echo
	echo "Staff (issue 15; worst p99 of the rounds): (s1) work list, 1 connection **${WORK1_P99_MAX:-n/a} ms** (goal < 20 ms: $(verdict "$WORK1_P99_MAX" 20); median $WORK1_MED req/s), $CONNECTIONS connections ${WORK32_P99_MAX:-n/a} ms; (s2) counts, 1 connection **${COUNTS_P99_MAX:-n/a} ms** (goal < 5 ms: $(verdict "$COUNTS_P99_MAX" 5); median $COUNTS_MED req/s)."
	# no variants is no match: grep's status must not end the report (pipefail) before the profiles
	{ grep -F "(a) cached GET, restarted" "$TMP/raw.txt" 2>/dev/null || true; } | cut -d'|' -f1 | sort -u | while read -r label; do
		m=$(med "$label")
		echo "Variant: $label → median $m req/s, ratio to nginx $(awk -v a="$m" -v b="$NGINX_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')."
	done
	echo "$PROFILE_TXT"
} >"$OUT"
cat "$OUT"
log "written $OUT"

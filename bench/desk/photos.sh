#!/usr/bin/env bash
# The desk's photo library benchmark: one command, from anywhere in the repository.
#
#   bench/desk/photos.sh [COUNT]        # COUNT photos in the library, default 100000
#
# Starts, each in a process of its own: the platform's embedded MongoDB (H2 file, bench/media/
# MongoServer.java), identity (the token issuer; the desk's client registered at the desk's own
# address), article-service, media-service and the desk, from jars in target-bench/ (or target/
# when only that has one; built into target-bench/ when neither has). Seeds COUNT photos straight
# into media-service's media_items (bench/media/Library.java, as bench/media/library.sh does:
# Croatian captions, credits, tags), signs the editor in to the desk as a browser does
# (bench/desk/DeskSignIn.java: identity's sign-in form, the desk's session cookie and form token)
# and measures:
#   (a) the library page, /desk/fotografije with 200 different filter sets as an editor uses them
#       (a fifth the unfiltered first page, then words, tag, uploader, days, unused), one client
#       (wrk -t1 -c1, a warm-up, ROUNDS rounds): the desk's server time p50/p95/p99, asked of the
#       desk directly (not through the gateway), so it includes the desk's call to media-service;
#       beside it the same searches asked of media-service directly (24 a page, the editor's token),
#       which is the part of the desk's time spent waiting on it. Goal: desk p95 < 50 ms.
#   (b) the desk's RSS (VmRSS sampled every 100 ms) while ten 5 MB pictures are uploaded at once:
#       ten simultaneous requests of one file each, as upload.js sends them (multipart, the
#       session cookie, the form token), streamed on to media-service. Goal: peak < 320 MiB.
# Writes bench/desk/results/photos-<UTC time>-<count>.md and prints it; every figure with the
# machine's load average. Stops everything it started.
#
# Environment (all optional): ROUNDS=3 DURATION=10s WARMUP=10s UPLOADS=10 UPLOAD_MB=5
# DESK_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx256m" (the run command's flags without its
# C1-only setting) MEDIA_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xmx512m" KEEP_TMP=1
# Results and findings: bench/desk/README.md ("Photos")
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/desk"
COUNT="${1:-100000}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
UPLOADS="${UPLOADS:-10}"
UPLOAD_MB="${UPLOAD_MB:-5}"
DESK_JAVA_OPTS="${DESK_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xms64m -Xmx256m}"
MEDIA_JAVA_OPTS="${MEDIA_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx512m}"
# not measured: started cheaper, as the run command starts everything
SIDE_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms64m -Xmx256m"

. "$ROOT/bench/common.sh"

# jar_of <module>: target-bench/ first, then target/, else built into target-bench/
jar_of() {
	local module="$1"
	for dir in target-bench target; do
		if [[ -f "$ROOT/$module/$dir/$module-0.1.0-SNAPSHOT.jar" ]]; then
			echo "$ROOT/$module/$dir/$module-0.1.0-SNAPSHOT.jar"
			return
		fi
	done
	service_jar "$module" target-bench
}

need wrk wrk || { log "wrk is missing and cannot be installed: no measurement possible"; exit 1; }
MEDIA_JAR="$(jar_of media-service)"
ARTICLE_JAR="$(jar_of article-service)"
DESK_JAR="$(jar_of desk)"
if ! "$JAVA_HOME/bin/jar" tf "$DESK_JAR" | grep -q 'news/platform/desk/photos/PickerController'; then
	log "$DESK_JAR has no photo picker (an older build): remove it so it is built again"
	exit 1
fi

bench_tmp desk-photos-bench
CFG="$ROOT/config/src/main/resources/config-repo"
DESK_PORT="$(pick_port 18084)"
DESK_MPORT="$(pick_port 19084)"
MEDIA_PORT="$(pick_port 18082)"
MEDIA_MPORT="$(pick_port 19082)"
ARTICLE_PORT="$(pick_port 18081)"
ARTICLE_MPORT="$(pick_port 19081)"
DESK="http://127.0.0.1:$DESK_PORT"
MEDIA="http://127.0.0.1:$MEDIA_PORT"
ARTICLE="http://127.0.0.1:$ARTICLE_PORT"

# ---- the database (one server, a database per service, as in a cluster) and the seed
DB_PORT="$(pick_port "${DB_PORT:-27127}")"
mkdir -p "$TMP/boot"
unzip -q -o "$MEDIA_JAR" 'BOOT-INF/lib/*' -d "$TMP/boot"
"$JAVA" -Xmx1g -cp "$TMP/boot/BOOT-INF/lib/*" "$ROOT/bench/media/MongoServer.java" "$TMP/mongodb.mv.db" "$DB_PORT" >"$TMP/mongodb.log" 2>&1 &
DBPID=$!
PIDS+=("$DBPID")
for _ in $(seq 1 120); do grep -q '^ready' "$TMP/mongodb.log" && break; sleep 0.5; done
grep -q '^ready' "$TMP/mongodb.log" || { cat "$TMP/mongodb.log" >&2; log "the MongoDB process did not start"; exit 1; }
MONGO="mongodb://127.0.0.1:$DB_PORT"
log "seeding $COUNT photos"
SEED_LINE="$("$JAVA" -cp "$(driver_classpath "$MEDIA_JAR" "$TMP/driver")" "$ROOT/bench/media/Library.java" seed \
	"$MONGO" media "$COUNT" "$TMP/load")"
log "$SEED_LINE"

# ---- identity: the desk's client redirects to the desk's own address (no gateway here)
start_identity --platform.public-urls.site="$DESK"
EDITOR_TOKEN="$(identity_token EDITOR)"
[[ -n "$EDITOR_TOKEN" ]] || { log "no editor token from identity"; exit 1; }

# start <name> <jar> <port> <management port> <java opts> <secret client> [args...]
start() {
	local name="$1" jar="$2" port="$3" mport="$4" opts="$5" client="$6"
	shift 6
	log "starting $name on $port/$mport ($opts)"
	(cd "$TMP" && unset MONGODB_URI SPRING_PROFILES_ACTIVE && SERVICE_CLIENT_SECRET="$(identity_secret "$client")" \
		MEDIA_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" exec "$JAVA" $opts -jar "$jar" \
		--spring.cloud.config.enabled=false --spring.profiles.active=local \
		"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/$name.yml" \
		--server.port="$port" --management.server.port="$mport" --spring.mongodb.uri="$MONGO" \
		"${IDENTITY_ARGS[@]}" --platform.service-tokens.client-id="$client" \
		--platform.public-urls.site="$DESK" \
		--platform.upstreams.article-service="$ARTICLE" --platform.upstreams.media-service="$MEDIA" \
		--platform.upstreams.comment-service=http://127.0.0.1:9 \
		--logging.level.root=WARN "$@") >>"$TMP/$name.log" 2>&1 &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}
start article-service "$ARTICLE_JAR" "$ARTICLE_PORT" "$ARTICLE_MPORT" "$SIDE_JAVA_OPTS" article-service
ARTICLE_PID=$LAST_PID
start media-service "$MEDIA_JAR" "$MEDIA_PORT" "$MEDIA_MPORT" "$MEDIA_JAVA_OPTS" media-service \
	--platform.feed.follow.enabled=false --media.cleanup.enabled=false --media.library.index-path="$TMP/library-index"
MEDIA_PID=$LAST_PID
start desk "$DESK_JAR" "$DESK_PORT" "$DESK_MPORT" "$DESK_JAVA_OPTS" desk
DESK_PID=$LAST_PID
wait_ready article-service "$ARTICLE_PID" "$ARTICLE_MPORT"
wait_ready media-service "$MEDIA_PID" "$MEDIA_MPORT"
wait_ready desk "$DESK_PID" "$DESK_MPORT"
log "waiting for media-service's library index (searches answer 503 while it is built)"
started=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $EDITOR_TOKEN" "$MEDIA/api/v1/media?limit=1")" == 200 ]]; do
	kill -0 "$MEDIA_PID" 2>/dev/null || { tail -50 "$TMP/media-service.log" >&2; log "media-service died"; exit 1; }
	sleep 0.5
	if (($(date +%s) - started > 900)); then log "no index after 900 s"; exit 1; fi
done
log "index ready after $(($(date +%s) - started)) s"

# ---- the editor, signed in to the desk as a browser is
(umask 077 && sed -n 's/^PASSWORD_EDITOR=//p' "$IDENTITY_DATA/accounts.env" >"$TMP/editor.password")
"$JAVA" "$HERE/DeskSignIn.java" "$DESK" editor "$TMP/editor.password" >"$TMP/session.env"
SESSION="$(sed -n 's/^DESK_SESSION=//p' "$TMP/session.env")"
CSRF="$(sed -n 's/^CSRF=//p' "$TMP/session.env")"
PAGE_STATUS="$(curl -s -o "$TMP/library.html" -w '%{http_code}' -H "Cookie: DESK_SESSION=$SESSION" "$DESK/desk/fotografije")"
PAGE_PHOTOS="$(grep -c 'class="photo-card"' "$TMP/library.html" || true)"
PAGE_BYTES="$(stat -c %s "$TMP/library.html")"
log "the library page: $PAGE_STATUS, $PAGE_PHOTOS photos, $PAGE_BYTES bytes"
[[ "$PAGE_STATUS" == 200 && "$PAGE_PHOTOS" -gt 0 ]] || { log "the library page is not right (see $TMP/library.html)"; exit 1; }

# the desk's filters: media-service's benchmark searches without the type (the desk has none), and
# a fifth of the lines the unfiltered first page
sed 's/&type=png//' "$TMP/load/queries.txt" >"$TMP/desk-queries.txt"
for _ in $(seq 1 50); do echo "" >>"$TMP/desk-queries.txt"; done
sed 's/^/limit=24\&/' "$TMP/desk-queries.txt" | sed 's/&$//' >"$TMP/media-queries.txt"

cat >"$TMP/lines.lua" <<'EOF'
-- GET <PREFIX><a random line of LINES> with HEADER ("Name: value") when set; prints p50/p95/p99 (ms)
local lines = {}
for line in io.lines(os.getenv("LINES")) do lines[#lines + 1] = line end
local prefix = os.getenv("PREFIX")
local header = os.getenv("HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
local seeded = false
request = function()
  if not seeded then
    math.randomseed(os.time() + math.floor(os.clock() * 1000000)); seeded = true
  end
  return wrk.format("GET", prefix .. lines[math.random(#lines)])
end
done = function(summary, latency, requests)
  io.write(string.format("PCT %.2f %.2f %.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
EOF

HZ="$(getconf CLK_TCK)"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss_mib() { echo $(($(awk '/VmRSS/{print $2}' "/proc/$1/status") / 1024)); }
RESULTS=()
# bench <label> <base> <lines> <prefix> <header> <pid>: warm-up, then ROUNDS rounds, one client
bench() {
	local label="$1" base="$2" pid="$6"
	export LINES="$3" PREFIX="$4" HEADER="$5"
	wrk -t1 -c1 -d"$WARMUP" -s "$TMP/lines.lua" "$base" >/dev/null 2>&1 || true
	local r out rps pct load requests cpu0 cpu_ms errs
	for r in $(seq 1 "$ROUNDS"); do
		cpu0="$(cpu_ticks "$pid")"
		out="$(wrk -t1 -c1 -d"$DURATION" -s "$TMP/lines.lua" "$base" 2>&1)"
		load="$(cut -d' ' -f1 /proc/loadavg)"
		requests="$(awk '/requests in/{print $1}' <<<"$out")"
		cpu_ms="$(awk -v a="$cpu0" -v b="$(cpu_ticks "$pid")" -v n="$requests" -v hz="$HZ" 'BEGIN{ if (n>0) printf "%.2f", (b-a)*1000/hz/n; else print "n/a"}')"
		rps="$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
		pct="$(awk '$1=="PCT"{printf "%s | %s | %s", $2, $3, $4}' <<<"$out")"
		errs="$(awk '/Non-2xx|Socket errors/{sub(/^ +/,""); printf "%s; ", $0}' <<<"$out")"
		RESULTS+=("| $label | $r | $rps | $pct | $cpu_ms | $load | ${errs:-} |")
		log "$label round $r: $rps req/s, p50/p95/p99 ms $pct, CPU $cpu_ms ms/request (load $load) $errs"
	done
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
RSS_BEFORE="$(rss_mib "$DESK_PID")"
log "measuring (a): wrk one client, warm-up $WARMUP, $ROUNDS rounds of $DURATION"
bench "desk: /desk/fotografije?…" "$DESK" "$TMP/desk-queries.txt" "/desk/fotografije?" "Cookie: DESK_SESSION=$SESSION" "$DESK_PID"
bench "media-service: /api/v1/media?limit=24&… (the desk's wait)" "$MEDIA" "$TMP/media-queries.txt" "/api/v1/media?" \
	"Authorization: Bearer $EDITOR_TOKEN" "$MEDIA_PID"
RSS_AFTER_PAGES="$(rss_mib "$DESK_PID")"

# ---- (b) ten pictures at once, the desk's RSS sampled meanwhile
log "making $UPLOADS pictures of $UPLOAD_MB MB"
"$JAVA" "$HERE/Pictures.java" "$TMP/pictures" "$UPLOADS" "$UPLOAD_MB" >"$TMP/pictures.txt"
PICTURE_LINE="$(awk '{n++; s+=$2} END{printf "%d files, %.1f MB each on average", n, s/n/1048576}' "$TMP/pictures.txt")"
RSS_IDLE="$(rss_mib "$DESK_PID")"
(while kill -0 "$DESK_PID" 2>/dev/null; do awk '/VmRSS/{print $2}' "/proc/$DESK_PID/status"; sleep 0.1; done) >"$TMP/rss.txt" &
SAMPLER=$!
PIDS+=("$SAMPLER")
LOAD_UPLOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
upload_started=$(date +%s.%N)
CURLS=()
for file in "$TMP"/pictures/*.png; do
	curl -s -o "$file.answer" -w '%{http_code} %{time_total}\n' -H "Cookie: DESK_SESSION=$SESSION" -H 'X-Desk-Upload: one' \
		-F "_csrf=$CSRF" -F "files=@$file;type=image/png" "$DESK/desk/fotografije/posalji" >"$file.status" &
	CURLS+=($!)
done
for pid in "${CURLS[@]}"; do wait "$pid" || true; done
upload_s="$(awk -v a="$upload_started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')"
sleep 1
kill "$SAMPLER" 2>/dev/null || true
LOAD_UPLOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
SAVED="$(grep -l 'notice-ok' "$TMP"/pictures/*.answer 2>/dev/null | wc -l)"
STATUSES="$(cat "$TMP"/pictures/*.status | awk '{print $1}' | sort | uniq -c | awk '{printf "%s× %s ", $1, $2}')"
SLOWEST="$(cat "$TMP"/pictures/*.status | awk '{if ($2 > m) m = $2} END{printf "%.1f", m}')"
RSS_PEAK="$(sort -n "$TMP/rss.txt" | tail -1 | awk '{print int($1 / 1024)}')"
RSS_SAMPLES="$(wc -l <"$TMP/rss.txt")"
RSS_AFTER="$(rss_mib "$DESK_PID")"
HWM="$(($(awk '/VmHWM/{print $2}' "/proc/$DESK_PID/status") / 1024))"
log "uploads: $STATUSES, $SAVED saved, in $upload_s s; desk RSS peak $RSS_PEAK MiB (idle $RSS_IDLE MiB)"

# ---- report
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
mkdir -p "$HERE/results"
OUT="$HERE/results/photos-$STAMP-$COUNT.md"
{
	echo "# The desk's photo library benchmark, $COUNT photos, $STAMP"
	echo
	echo "- command: \`bench/desk/photos.sh $COUNT\`; jars: \`${DESK_JAR#"$ROOT"/}\`, \`${MEDIA_JAR#"$ROOT"/}\`, \`${ARTICLE_JAR#"$ROOT"/}\`"
	echo "- JDK: $JDK_LABEL; desk \`$DESK_JAVA_OPTS\`; media-service \`$MEDIA_JAVA_OPTS\`; identity and article-service C1-only"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds; wrk and curl on the same machine"
	echo "- MongoDB: the platform's embedded server (H2 file) in a process of its own, one database per service; identity in memory"
	echo "- seed: $SEED_LINE"
	echo "- the library page (24 photos, the editor signed in): $PAGE_STATUS, $PAGE_BYTES bytes"
	echo
	echo "## (a) the library page's server time, one client"
	echo
	echo "wrk -t1 -c1, a $WARMUP warm-up, $ROUNDS rounds of $DURATION; 250 lines (200 searches with words, tag, uploader, days or unused; 50 the unfiltered first page), one at random per request. Asked of the desk directly: its time includes waiting on media-service, whose own time for the same searches is the second row. Load average at the start: $LOAD_START (1/5/15 min); load = 1-min average after each round; CPU ms/request = that process's CPU over the round / requests."
	echo
	echo "| target | round | req/s | p50 ms | p95 ms | p99 ms | CPU ms/request | load | errors |"
	echo "|---|---|---|---|---|---|---|---|---|"
	printf '%s\n' "${RESULTS[@]}"
	echo
	echo "Goal (issue 21): the desk's p95 < 50 ms. Desk RSS before: $RSS_BEFORE MiB, after: $RSS_AFTER_PAGES MiB."
	echo
	echo "## (b) the desk's RSS while $UPLOADS pictures are uploaded at once"
	echo
	echo "- pictures: $PICTURE_LINE (PNG, random pixels), $UPLOADS simultaneous requests of one file each (multipart, as upload.js sends them)"
	echo "- answers: $STATUSES; saved: $SAVED of $UPLOADS; all done in $upload_s s (the slowest request $SLOWEST s)"
	echo "- the desk's RSS: $RSS_IDLE MiB before, **peak $RSS_PEAK MiB** (VmRSS, $RSS_SAMPLES samples every 100 ms), $RSS_AFTER MiB after; VmHWM since start $HWM MiB"
	echo "- load average: $LOAD_UPLOAD_START before, $LOAD_UPLOAD_END after"
	echo
	echo "Goal (issue 21): peak RSS < 320 MiB."
} >"$OUT"
cat "$OUT"
log "written $OUT"

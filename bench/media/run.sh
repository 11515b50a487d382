#!/usr/bin/env bash
# media-service benchmark: one command, from anywhere in the repository.
#
#   bench/media/run.sh
#
# Builds media-service (and identity) into target-bench/ if a jar is missing, starts identity (the
# token issuer; the uploads use its seeded editor's token) and the service (no config server,
# embedded MongoDB on H2 in a temp folder, tokens validated against identity's JWKS, its own
# rendition signing key), generates
# the images with the JDK (bench/media/Images.java), and measures in one run:
#   1. first-time 1200-wide WebP and JPEG renditions of a 4000×3000 JPEG (3 different photos,
#      median; after one warm-up photo), against libvips `vipsthumbnail` on the same files;
#   2. a cached rendition with wrk (-t2 -c32, warm-up, 3 rounds) against nginx serving the same
#      bytes from a file, interleaved;
#   3. the service's RSS (VmRSS, sampled every 100 ms) while 8 uploads of 20 MiB run at once.
# The embedded MongoDB (H2 file) runs in a process of its own (bench/media/MongoServer.java), as a
# database does in a cluster, so RSS is the service's alone; DB=in-process runs it inside the
# service as `./run-local.sh` does.
# Writes bench/media/results/<date>.md and prints it. Stops everything it started on exit.
#
# Environment (all optional): DURATION=10s WARMUP=5s ROUNDS=3 CONNECTIONS=32 PORT=8082
# MANAGEMENT_PORT=9082 NGINX_PORT=8094 JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xmx256m" MALLOC_ARENA_MAX=2
# IMAGES=/tmp/media-bench-images (generated once, reused) DB=separate|in-process DB_PORT=27117
# KEEP_TMP=1 keeps the temp folder
# Results and findings: docs/media-performance.md
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/media"
DURATION="${DURATION:-10s}"
# the first rounds after start-up ran at a third of the later ones (JIT): warm up long enough
WARMUP="${WARMUP:-15s}"
DB="${DB:-separate}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
# the run command's flags (docs/local-run.md) without its C1-only setting: a service under load
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx256m}"
IMAGES="${IMAGES:-/tmp/media-bench-images}"
# glibc gives each thread that mallocs its own arena; the native image code (libjpeg, libwebp) runs
# on several threads and left ~100 MiB more RSS without this cap (see docs/media-performance.md)
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

. "$ROOT/bench/common.sh"


JAR="$(service_jar media-service target-bench)"

# ---- tools
need wrk wrk || { log "wrk is missing and cannot be installed"; exit 1; }
need nginx nginx || { log "nginx is missing and cannot be installed"; exit 1; }
need vipsthumbnail libvips-tools || { log "vipsthumbnail is missing and cannot be installed"; exit 1; }
need openssl openssl || { log "openssl is missing"; exit 1; }
VIPS_LABEL="$(vips --version 2>/dev/null | head -1)"

# ---- temp folder and cleanup
bench_tmp media-bench

PORT="$(pick_port "${PORT:-8082}")"
MPORT="$(pick_port "${MANAGEMENT_PORT:-9082}")"
[[ "$MPORT" == "$PORT" ]] && MPORT="$(pick_port $((PORT + 1)))"
NGINX_PORT="$(pick_port "${NGINX_PORT:-8094}")"
BASE="http://127.0.0.1:$PORT"

# ---- images (generated once; the generator is deterministic)
mkdir -p "$IMAGES"
log "images in $IMAGES (generated when missing)"
for i in 0 1 2 3; do
	[[ -s "$IMAGES/photo$i.jpg" ]] || "$JAVA" "$HERE/Images.java" photo "$IMAGES/photo$i.jpg" 4000 3000 "$((100 + i))"
done
for i in 1 2 3 4 5 6 7 8; do
	[[ -s "$IMAGES/big$i.jpg" ]] || { log "generating big$i.jpg (about 20 MiB)"; "$JAVA" "$HERE/Images.java" big "$IMAGES/big$i.jpg" 20 "$((200 + i))"; }
done
PHOTO_BYTES=$(stat -c %s "$IMAGES/photo1.jpg")
BIG_SIZES="$(for i in 1 2 3 4 5 6 7 8; do stat -c %s "$IMAGES/big$i.jpg"; done | awk '{s+=$1; if(min==""||$1<min)min=$1; if($1>max)max=$1} END{printf "%.1f–%.1f MiB", min/1048576, max/1048576}')"

# ---- the database
if [[ "$DB" == separate ]]; then
	DB_PORT="$(pick_port "${DB_PORT:-27117}")"
	mkdir -p "$TMP/boot"
	unzip -q -o "$JAR" 'BOOT-INF/lib/*' -d "$TMP/boot"
	"$JAVA" -Xmx512m -cp "$TMP/boot/BOOT-INF/lib/*" "$HERE/MongoServer.java" "$TMP/mongodb.mv.db" "$DB_PORT" >"$TMP/mongodb.log" 2>&1 &
	DBPID=$!
	PIDS+=("$DBPID")
	for _ in $(seq 1 120); do grep -q '^ready' "$TMP/mongodb.log" && break; sleep 0.5; done
	grep -q '^ready' "$TMP/mongodb.log" || { cat "$TMP/mongodb.log" >&2; log "the MongoDB process did not start"; exit 1; }
	DB_ARGS=(--spring.mongodb.uri="mongodb://127.0.0.1:$DB_PORT")
	DB_LABEL="embedded (H2 MVStore file) in a separate process on port $DB_PORT"
else
	DB_ARGS=(--platform.mongodb.embedded.path="$TMP/mongodb.mv.db")
	DB_LABEL="embedded (H2 MVStore file) inside the service process, as ./run-local.sh runs it"
fi

# ---- identity, the editor's token, the rendition signing key and the service
start_identity
EDITOR="$(identity_token EDITOR)"
[[ -n "$EDITOR" ]] || { log "no editor token from identity"; exit 1; }
SIGNING_KEY="$(openssl rand -hex 32)"
CFG="$ROOT/config/src/main/resources/config-repo"
log "starting media-service ($JDK_LABEL, $JAVA_OPTS) on $PORT/$MPORT, data in $TMP"
(cd "$TMP" && MEDIA_SIGNING_KEY="$SIGNING_KEY" MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" \
	SERVICE_CLIENT_SECRET="$(identity_secret media-service)" exec "$JAVA" $JAVA_OPTS -jar "$JAR" \
	--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
	"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/media-service.yml" \
	--server.port="$PORT" --management.server.port="$MPORT" \
	"${DB_ARGS[@]}" \
	"${IDENTITY_ARGS[@]}" \
	--platform.feed.follow.enabled=false \
	--logging.level.root=WARN) >>"$TMP/service.log" 2>&1 &
SVC=$!
PIDS+=("$SVC")
started=$(date +%s.%N)
until curl -fs "http://127.0.0.1:$MPORT/actuator/health/readiness" >/dev/null 2>&1; do
	kill -0 "$SVC" 2>/dev/null || { tail -50 "$TMP/service.log" >&2; log "the service died"; exit 1; }
	sleep 0.5
	if (($(date +%s) - ${started%.*} > 240)); then log "not ready after 240 s"; tail -50 "$TMP/service.log" >&2; exit 1; fi
done
READY_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
if ! ss -Htlnp "sport = :$PORT" | grep -q "pid=$SVC,"; then
	log "port $PORT is not served by our service (pid $SVC): another process took it; retry"
	exit 1
fi
log "ready in ${READY_S} s"
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$SVC/status"; }
RSS_READY="$(($(rss_kb) / 1024)) MiB"

upload() { # upload <file> -> item id
	curl -fsS -X POST "$BASE/api/v1/media" -H "Authorization: Bearer $EDITOR" \
		-H 'Content-Type: application/octet-stream' --data-binary "@$1" | sed -E 's/.*"id":"([0-9a-f]{24})".*/\1/'
}
sign() { # sign <id> <w> <h> <fit>: base64url of the first 16 bytes of HMAC-SHA256, as RenditionSigner
	printf '%s/%sx%s/%s' "$1" "$2" "$3" "$4" | openssl dgst -sha256 -hmac "$SIGNING_KEY" -binary | head -c 16 |
		base64 | tr '+/' '-_' | tr -d '='
}
url1200() { # url1200 <id> <format>
	echo "$BASE/api/v1/media/$1/rendition?w=1200&fit=contain&sig=$(sign "$1" 1200 0 contain)&format=$2"
}
metric() { # metric <name> <format>: value of a media_renditions_seconds series
	curl -fsS "http://127.0.0.1:$MPORT/actuator/prometheus" | awk -v n="$1" -v f="format=\"$2\"" '$0 ~ "^"n"\\{" && index($0, f) {print $2}'
}

# ---- 1. first-time renditions vs vipsthumbnail
log "uploading 4 photos of 4000×3000 ($PHOTO_BYTES bytes for photo1)"
declare -a IDS
for i in 0 1 2 3; do IDS[$i]="$(upload "$IMAGES/photo$i.jpg")"; done
first() { # first <id> <format> -> seconds (curl total), checks 200 and width
	local out="$TMP/r-$1.$2" t
	t=$(curl -fsS -o "$out" -w '%{time_total}' "$(url1200 "$1" "$2")")
	echo "$t"
}
median() { sort -n | awk '{a[NR]=$1} END{if(NR) print a[int((NR+1)/2)]; else print 0}'; }
COLD_WEBP=$(first "${IDS[0]}" webp)
COLD_JPEG=$(first "${IDS[0]}" jpeg)
log "cold JVM (photo0): webp ${COLD_WEBP}s, jpeg ${COLD_JPEG}s"
SUM_WEBP0=$(metric media_renditions_seconds_sum webp); CNT_WEBP0=$(metric media_renditions_seconds_count webp)
SUM_JPEG0=$(metric media_renditions_seconds_sum jpeg); CNT_JPEG0=$(metric media_renditions_seconds_count jpeg)
: >"$TMP/first-webp.txt"; : >"$TMP/first-jpeg.txt"; : >"$TMP/vips-webp.txt"; : >"$TMP/vips-jpeg.txt"
for i in 1 2 3; do
	first "${IDS[$i]}" webp >>"$TMP/first-webp.txt"
	first "${IDS[$i]}" jpeg >>"$TMP/first-jpeg.txt"
	s=$(date +%s.%N); vipsthumbnail "$IMAGES/photo$i.jpg" --size 1200x -o "$TMP/v$i.webp[Q=80]"; e=$(date +%s.%N)
	awk -v a="$s" -v b="$e" 'BEGIN{printf "%.3f\n", b-a}' >>"$TMP/vips-webp.txt"
	s=$(date +%s.%N); vipsthumbnail "$IMAGES/photo$i.jpg" --size 1200x -o "$TMP/v$i.jpg[Q=82]"; e=$(date +%s.%N)
	awk -v a="$s" -v b="$e" 'BEGIN{printf "%.3f\n", b-a}' >>"$TMP/vips-jpeg.txt"
done
SRV_WEBP=$(median <"$TMP/first-webp.txt"); SRV_JPEG=$(median <"$TMP/first-jpeg.txt")
VIPS_WEBP=$(median <"$TMP/vips-webp.txt"); VIPS_JPEG=$(median <"$TMP/vips-jpeg.txt")
IN_WEBP=$(awk -v s0="$SUM_WEBP0" -v c0="$CNT_WEBP0" -v s1="$(metric media_renditions_seconds_sum webp)" -v c1="$(metric media_renditions_seconds_count webp)" 'BEGIN{printf "%.3f", (s1-s0)/(c1-c0)}')
IN_JPEG=$(awk -v s0="$SUM_JPEG0" -v c0="$CNT_JPEG0" -v s1="$(metric media_renditions_seconds_sum jpeg)" -v c1="$(metric media_renditions_seconds_count jpeg)" 'BEGIN{printf "%.3f", (s1-s0)/(c1-c0)}')
R_WEBP=$(awk -v a="$SRV_WEBP" -v b="$VIPS_WEBP" 'BEGIN{printf "%.2f", a/b}')
R_JPEG=$(awk -v a="$SRV_JPEG" -v b="$VIPS_JPEG" 'BEGIN{printf "%.2f", a/b}')
WEBP_BYTES=$(stat -c %s "$TMP/r-${IDS[1]}.webp"); JPEG_BYTES=$(stat -c %s "$TMP/r-${IDS[1]}.jpeg")
VWEBP_BYTES=$(stat -c %s "$TMP/v1.webp"); VJPEG_BYTES=$(stat -c %s "$TMP/v1.jpg")
DIMS=$(file "$TMP/r-${IDS[1]}.jpeg" | grep -oE '[0-9]+x[0-9]+' | tail -1)
log "first rendition median: webp ${SRV_WEBP}s (in service ${IN_WEBP}s) vs vips ${VIPS_WEBP}s = ${R_WEBP}x; jpeg ${SRV_JPEG}s (${IN_JPEG}s) vs vips ${VIPS_JPEG}s = ${R_JPEG}x"

# ---- 2. cached rendition vs nginx serving the same bytes
CACHED_URL="$(url1200 "${IDS[1]}" webp)"
curl -fsS -o "$TMP/cached.webp" "$CACHED_URL"
mkdir -p "$TMP/nginx/html" "$TMP/nginx/logs" "$TMP/nginx/tmp"
cp "$TMP/cached.webp" "$TMP/nginx/html/cached.webp"
chmod 711 "$TMP" && chmod 755 "$TMP/nginx" "$TMP/nginx/html" && chmod 644 "$TMP/nginx/html/cached.webp"
cat >"$TMP/nginx/nginx.conf" <<NGINX
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
    location / { default_type image/webp; etag on; add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
NGINX
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" 2>>"$TMP/nginx/logs/error.log" &
PIDS+=("$!")
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NGINX_PORT/cached.webp" -o /dev/null && break; sleep 0.1; done
cmp -s "$TMP/cached.webp" <(curl -fsS "http://127.0.0.1:$NGINX_PORT/cached.webp") || { log "nginx does not serve the same bytes"; exit 1; }
CACHED_BYTES=$(stat -c %s "$TMP/cached.webp")

RESULTS=()
bench() { # bench <label> <url>: warm-up, then ROUNDS rounds
	local label="$1" url="$2" r out rps p50 p99 errs load
	wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null 2>&1 || true
	for r in $(seq 1 "$ROUNDS"); do
		out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" 2>&1)"
		load="$(cut -d' ' -f1 /proc/loadavg)"
		rps="$(awk '/Requests\/sec/{printf "%.0f", $2}' <<<"$out")"
		p50="$(awk '$1=="50%"{print $2}' <<<"$out")"
		p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
		errs="$(awk '/Non-2xx|Socket errors/{sub(/^ +/,""); printf "%s; ", $0}' <<<"$out")"
		RESULTS+=("| $label | $r | $rps | $p50 | $p99 | $load | ${errs:-} |")
		echo "$label round $r: $rps req/s p50 $p50 p99 $p99 (load $load) $errs" >&2
		echo "$label|$r|$rps|$p50|$p99" >>"$TMP/raw.txt"
	done
}
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
log "cached rendition ($CACHED_BYTES bytes WebP) vs nginx: wrk -t2 -c$CONNECTIONS -d$DURATION, warm-up $WARMUP, $ROUNDS rounds each, interleaved"
bench "nginx, same bytes from a file" "http://127.0.0.1:$NGINX_PORT/cached.webp"
bench "media-service, cached rendition" "$CACHED_URL"
bench "nginx, same bytes (2nd pass)" "http://127.0.0.1:$NGINX_PORT/cached.webp"
bench "media-service, cached rendition (2nd pass)" "$CACHED_URL"
med_of() { grep -F "$1" "$TMP/raw.txt" | cut -d'|' -f3 | median; }
NGINX_MED=$(med_of "nginx")
SRV_MED=$(med_of "media-service")
SRV_P99=$(grep -F "media-service" "$TMP/raw.txt" | cut -d'|' -f5 | tr '\n' ' ')
RATIO=$(awk -v a="$SRV_MED" -v b="$NGINX_MED" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "n/a"}')

# ---- 3. RSS while 8 uploads of 20 MiB run at once
RSS_BEFORE_UPLOADS="$(($(rss_kb) / 1024))"
log "8 concurrent uploads of $BIG_SIZES; RSS before: $RSS_BEFORE_UPLOADS MiB"
: >"$TMP/uploads.txt"
UP_PIDS=()
s=$(date +%s.%N)
for i in 1 2 3 4 5 6 7 8; do
	curl -sS -o "$TMP/up$i.json" -w '%{http_code} %{time_total}\n' -X POST "$BASE/api/v1/media" \
		-H "Authorization: Bearer $EDITOR" -H 'Content-Type: application/octet-stream' \
		--data-binary "@$IMAGES/big$i.jpg" >>"$TMP/uploads.txt" &
	UP_PIDS+=("$!")
done
MAX_RSS=0
while :; do
	alive=0
	for p in "${UP_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
	r=$(rss_kb); ((r > MAX_RSS)) && MAX_RSS=$r
	((alive)) || break
	sleep 0.1
done
e=$(date +%s.%N)
UPLOAD_S=$(awk -v a="$s" -v b="$e" 'BEGIN{printf "%.1f", b-a}')
MAX_RSS_MB=$((MAX_RSS / 1024))
RSS_AFTER="$(($(rss_kb) / 1024))"
DB_RSS=""
[[ "$DB" == separate ]] && DB_RSS="; the MongoDB process: $(awk '/VmRSS/{printf "%d MiB", $2/1024}' "/proc/$DBPID/status")"
STATUSES="$(cut -d' ' -f1 "$TMP/uploads.txt" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
log "uploads done in ${UPLOAD_S}s (${STATUSES}); max RSS $MAX_RSS_MB MiB, after $RSS_AFTER MiB"
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- report
DATE="$(date -u +%Y-%m-%d)"
mkdir -p "$HERE/results"
OUT="$HERE/results/$DATE-db-$DB.md"
{
	echo "# media-service benchmark, $DATE"
	echo
	echo "- command: \`bench/media/run.sh\`; started $(date -u +%H:%M) UTC"
	echo "- JDK: $JDK_LABEL; JVM flags: \`$JAVA_OPTS\`, \`MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\`; virtual threads on (shared config); image pool: one thread per core"
	echo "- MongoDB: $DB_LABEL; originals in GridFS, renditions in a collection"
	echo "- libvips: $VIPS_LABEL"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds and benchmarks"
	echo "- load average: before wrk $LOAD_START; at the end $LOAD_END (1/5/15 min)"
	echo "- service: profiles \`local,bench\` without the config server, config-repo files imported from disk; ready in ${READY_S} s, RSS $RSS_READY"
	echo "- tokens: the seeded editor's, from identity (authorization code with PKCE, \`tools/tokens\`; identity runs beside the service, C1-only, idle during the measurements); the service validates them against identity's JWKS"
	echo "- images (bench/media/Images.java): 4000×3000 photo-like JPEGs Q90 ($PHOTO_BYTES bytes for photo1); 8 uploads of 6000×4000 JPEGs Q95, $BIG_SIZES"
	echo
	echo "## First-time rendition, 1200 wide, of a 4000×3000 JPEG"
	echo
	echo "Median of 3 photos (each made once), after one warm-up photo (cold JVM: WebP ${COLD_WEBP} s, JPEG ${COLD_JPEG} s)."
	echo "media-service: HTTP request with curl (signed \`w=1200&fit=contain\`), including reading the original from GridFS and storing the rendition; \"in service\" is the \`media_renditions_seconds\` timer (decode, resize, encode)."
	echo "vipsthumbnail: whole process, \`vipsthumbnail photo.jpg --size 1200x -o out.webp[Q=80]\` (JPEG: \`[Q=82]\`)."
	echo
	echo "| format | media-service (HTTP) | in service | vipsthumbnail | ratio (goal ≤ 3) | bytes: service / vips | output |"
	echo "|---|---|---|---|---|---|---|"
	echo "| WebP | ${SRV_WEBP} s | ${IN_WEBP} s | ${VIPS_WEBP} s | **${R_WEBP}** | $WEBP_BYTES / $VWEBP_BYTES | $DIMS |"
	echo "| JPEG | ${SRV_JPEG} s | ${IN_JPEG} s | ${VIPS_JPEG} s | **${R_JPEG}** | $JPEG_BYTES / $VJPEG_BYTES | $DIMS |"
	echo
	echo "Runs (s): service WebP $(tr '\n' ' ' <"$TMP/first-webp.txt"); vips WebP $(tr '\n' ' ' <"$TMP/vips-webp.txt"); service JPEG $(tr '\n' ' ' <"$TMP/first-jpeg.txt"); vips JPEG $(tr '\n' ' ' <"$TMP/vips-jpeg.txt")"
	echo
	echo "## Cached rendition ($CACHED_BYTES bytes WebP) vs nginx serving the same file"
	echo
	echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency, after a $WARMUP warm-up per target, $ROUNDS rounds, interleaved; load = 1-min load average after the round."
	echo
	echo "| target | round | req/s | p50 | p99 | load | errors |"
	echo "|---|---|---|---|---|---|---|"
	printf '%s\n' "${RESULTS[@]}"
	echo
	echo "Medians: media-service $SRV_MED req/s, nginx $NGINX_MED req/s → ratio **$RATIO** (goal ≥ 0.5); media-service p99 per round: $SRV_P99"
	echo
	echo "## RSS while 8 uploads of 20 MiB run at once"
	echo
	echo "| RSS before | max RSS during (VmRSS every 100 ms) | RSS after | goal | wall time | answers |"
	echo "|---|---|---|---|---|---|"
	echo "| $RSS_BEFORE_UPLOADS MiB | **$MAX_RSS_MB MiB** | $RSS_AFTER MiB | < 400 MiB | ${UPLOAD_S} s | $STATUSES |"
	echo
	echo "RSS is media-service's process only${DB_RSS}."
} >"$OUT"
cat "$OUT"
log "written $OUT"

#!/usr/bin/env bash
# Site benchmark, one command from the repository root:
#
#   ./bench/site/run.sh            (DURATION=10s CONNECTIONS=32 MISSES=300 by default; PROFILE=1
#                                  adds a JFR profile of the cached page's serving; SITE_ARGS are
#                                  more arguments for the site, e.g. --site.socket-write-buffer=8KB)
#
# In one run, on this machine: (1) a cached article page from the site vs. nginx serving the same
# HTML bytes, wrk -t2 -c32, requests per second and p99; (2) cache-miss renders of MISSES distinct
# article pages, the site's own time from Server-Timing (render;dur, waiting on services left out),
# p50/p90/p99; (3) the article page's HTML size before compression. The services are a stub
# (bench/site/StubServices.java, 2,000 articles in memory), so the figures measure the site. The
# site runs its built jar in the `bench` profile on the JDK the run command picks (Temurin 25 if
# present). Results: printed and written to bench/site/results/<UTC time>.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
cd "$ROOT"
source bench/common.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
MISSES=${MISSES:-300}
BUILD_DIR=${BUILD_DIR:-target-bench}

need wrk wrk || { log "wrk is missing"; exit 1; }
need nginx nginx || { log "nginx is missing"; exit 1; }
bench_tmp bench-site
JAR=$(service_jar site "$BUILD_DIR")
cp "$JAR" "$TMP/site.jar"

STUB_PORT=$(pick_port 18185)
SITE_PORT=$(pick_port 18085)
SITE_MGMT=$(pick_port 19085)
NGINX_PORT=$(pick_port 18095)
CONFIG="$ROOT/config/src/main/resources/config-repo"

log "JDK $JDK_LABEL; stub on $STUB_PORT, site on $SITE_PORT, nginx on $NGINX_PORT; work dir $TMP"
"$JAVA" "$ROOT/bench/site/StubServices.java" "$STUB_PORT" >"$TMP/stub.log" 2>&1 &
PIDS+=($!)
# `local` for the embedded MongoDB of readers' sessions (in memory here, nobody signs in); no service
# tokens: the stub's feed wants none
"$JAVA" -Xmx512m -jar "$TMP/site.jar" --spring.profiles.active=bench,local --spring.cloud.config.enabled=false \
	"--spring.config.import=optional:file:$CONFIG/application.yml,optional:file:$CONFIG/site.yml" \
	--platform.mongodb.embedded.backend=memory --platform.sessions.key-file="$TMP/session.key" \
	--platform.service-tokens.token-uri= \
	--server.port="$SITE_PORT" --management.server.port="$SITE_MGMT" \
	--platform.upstreams.article-service="http://127.0.0.1:$STUB_PORT" \
	--platform.upstreams.media-service="http://127.0.0.1:$STUB_PORT" \
	--platform.upstreams.comment-service="http://127.0.0.1:$STUB_PORT" \
	--platform.public-urls.site="http://localhost:$SITE_PORT" ${SITE_ARGS:-} >"$TMP/site.log" 2>&1 &
SITE_PID=$!
PIDS+=("$SITE_PID")
for _ in $(seq 1 600); do # up to 5 min: a loaded machine starts it slowly
	curl -fs -o /dev/null "http://localhost:$SITE_MGMT/actuator/health/readiness" && break
	sleep 0.5
done
curl -fs -o /dev/null "http://localhost:$SITE_MGMT/actuator/health/readiness" || { log "the site did not start: $TMP/site.log"; exit 1; }

ARTICLE=/vijesti/clanak-1
mkdir -p "$TMP/html/vijesti"
curl -fs "http://localhost:$SITE_PORT$ARTICLE" -o "$TMP/html/vijesti/clanak-1"
HTML_BYTES=$(stat -c %s "$TMP/html/vijesti/clanak-1")
GZIP_BYTES=$(curl -fs -H 'Accept-Encoding: gzip' "http://localhost:$SITE_PORT$ARTICLE" | wc -c)
start_nginx "$NGINX_PORT" "$TMP/html"

wrk_run() { # name url
	local out
	out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
	printf '%s\n' "$out" >"$TMP/wrk-$1.txt"
	printf '%s %s %s\n' "$1" "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")"
}
log "warming the site (${DURATION})"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://localhost:$SITE_PORT$ARTICLE" >/dev/null
read -r _ SITE_RPS SITE_P99 < <(wrk_run site "http://localhost:$SITE_PORT$ARTICLE")
read -r _ NGINX_RPS NGINX_P99 < <(wrk_run nginx "http://127.0.0.1:$NGINX_PORT$ARTICLE")
RATIO=$(awk -v a="$SITE_RPS" -v b="$NGINX_RPS" 'BEGIN{printf "%.2f", a/b}')

# PROFILE=1: where the site's time goes while serving the cached page (JFR execution samples, the
# same wrk load for DURATION), appended to the results
PROFILE_TXT=""
if [[ "${PROFILE:-0}" == 1 ]]; then
	log "profiling the cached page with JFR (${DURATION})"
	"$JCMD" "$SITE_PID" JFR.start name=bench-site settings=profile >/dev/null
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://localhost:$SITE_PORT$ARTICLE" >/dev/null
	"$JCMD" "$SITE_PID" JFR.stop name=bench-site filename="$TMP/site.jfr" >/dev/null
	PROFILE_TXT=$'\n## JFR profile: cached article page (wrk -t2 -c'"$CONNECTIONS"$', settings=profile)\n\n```\n'"$(jfr_summary "$TMP/site.jfr" '(news\.platform|Http11Processor\.service|CoyoteAdapter\.service|ApplicationFilterChain\.doFilter|NioEndpoint|SocketChannelImpl\.write|OutputBuffer)')"$'\n```\n'
fi

log "cache misses: $MISSES distinct article pages"
for n in $(seq 2 $((MISSES + 1))); do
	curl -fs -o /dev/null -D - "http://localhost:$SITE_PORT/vijesti/clanak-$n" | tr -d '\r' \
		| sed -n 's/^[Ss]erver-[Tt]iming: render;dur=\([0-9.]*\).*upstream;dur=\([0-9.]*\).*/\1 \2/p'
done >"$TMP/misses.txt"
percentile() { # column p
	sort -n -k"$1" "$TMP/misses.txt" | awk -v c="$1" -v p="$2" '{v[NR]=$c} END{i=int(NR*p/100); if(i<1)i=1; print v[i]}'
}
R50=$(percentile 1 50); R90=$(percentile 1 90); R99=$(percentile 1 99); U50=$(percentile 2 50)
COUNT=$(wc -l <"$TMP/misses.txt")

# Lighthouse 12.2.3 (mobile, the default form factor) on the home page and an article page, when
# it is installed (LIGHTHOUSE=<path to the lighthouse binary>, or `lighthouse` on PATH; e.g.
# `npm install lighthouse@12.2.3` in a folder of your own), with the system Chromium
LH=${LIGHTHOUSE:-$(command -v lighthouse || true)}
LH_ROWS=""
if [[ -n "$LH" && -x "$LH" ]]; then
	for page in / "$ARTICLE"; do
		log "lighthouse $page"
		CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} "$LH" "http://localhost:$SITE_PORT$page" --quiet --output=json \
			--output-path="$TMP/lighthouse.json" --only-categories=performance,accessibility,best-practices,seo \
			--chrome-flags="--headless=new --no-sandbox --disable-dev-shm-usage" >/dev/null 2>&1 || true
		if [[ -s "$TMP/lighthouse.json" ]]; then
			LH_ROWS+=$(node -e 'const r=require(process.argv[1]);const c=r.categories;const s=k=>Math.round(c[k].score*100);console.log(`| Lighthouse ${process.argv[2]} (mobile) | performance ${s("performance")}, accessibility ${s("accessibility")}, best practices ${s("best-practices")}, SEO ${s("seo")} | 90 / 95 / 95 / 95 |`)' "$TMP/lighthouse.json" "$page")$'\n'
			rm -f "$TMP/lighthouse.json"
		fi
	done
else
	LH_ROWS="| Lighthouse | not run (LIGHTHOUSE unset and no lighthouse on PATH) | |"$'\n'
fi

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULT="bench/site/results/$STAMP.md"
{
	printf '# Site benchmark %s\n\n' "$STAMP"
	printf 'Machine: %s cores, load at start %s. JDK: %s. Services: stub (bench/site/StubServices.java, 2,000 articles in memory; no MongoDB). Profile bench.\n\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$JDK_LABEL"
	printf '| measure | value | target |\n|---|---|---|\n'
	printf '| cached article page, site (wrk -t2 -c%s -d%s) | %s req/s, p99 %s | ≥ 0.5× nginx, p99 < 10 ms |\n' "$CONNECTIONS" "$DURATION" "$SITE_RPS" "$SITE_P99"
	printf '| same bytes from nginx | %s req/s, p99 %s | |\n' "$NGINX_RPS" "$NGINX_P99"
	printf '| site / nginx | %s | ≥ 0.5 |\n' "$RATIO"
	printf '| cache-miss render, site own time (Server-Timing, %s pages) | p50 %s ms, p90 %s ms, p99 %s ms | p50 < 5 ms |\n' "$COUNT" "$R50" "$R90" "$R99"
	printf '| cache-miss wait on services (stub), p50 | %s ms | |\n' "$U50"
	printf '| article page HTML | %s bytes (%s gzip) | < 50 KB |\n' "$HTML_BYTES" "$GZIP_BYTES"
	printf '%s' "$LH_ROWS"
	printf '%s' "$PROFILE_TXT"
} | tee "$RESULT"
log "written to $RESULT"

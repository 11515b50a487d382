#!/usr/bin/env bash
# Site benchmark with real services, for readers: one command from the repository root:
#
#   ./bench/site/readers.sh        (DURATION=10s CONNECTIONS=32 READER_CONNECTIONS=8 COMMENTS=40 OWN=2;
#                                  SKIP_BUILD=1 uses the jars already in <module>/target-bench/;
#                                  PROFILE=1 adds a JFR profile of the site serving the fragment)
#
# Builds identity, article-service, comment-service, the site and the gateway into target-bench/
# (`./mvnw -B -q -DskipTests -pl <those> -am package -Dplatform.build.dir=target-bench`, so no other
# build rewrites the jars under it) and starts them from copies of those jars: identity (MongoDB in
# memory, its seeded accounts), article-service and comment-service (embedded MongoDB in a temp
# folder, profile `bench`: no posting limit), the site (profile `bench`, sessions in memory) and the
# gateway, the public address everything is built from. Seeds one story with COMMENTS comments (a
# third of them replies) through the APIs, signs the seeded reader in to the site as a browser does
# (curl through the gateway: /prijava, identity's sign-in form, the authorization code back to the
# site), posts OWN comments through the site's form (so the fragment shows the reader's own), then
# measures, straight at the site (as run.sh does):
#   (1) the personal fragment of the story (GET /citatelj/komentari/{id}, HX-Request, the reader's
#       cookie), wrk -t2 -c READER_CONNECTIONS: requests/s, wall latency, and the site's own time
#       from each answer's Server-Timing (site;dur: session, token, render; the calls to
#       comment-service and article-service left out, upstream;dur), goal p95 < 30 ms;
#   (2) the same story's article page for anonymous readers, with its comment section, wrk -t2
#       -c CONNECTIONS, and nginx serving the same bytes (as run.sh's cached-page figure), next to
#       the newest run.sh result in bench/site/results/.
# Results: printed and written to bench/site/results/<UTC time>-readers.md with the machine load.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
cd "$ROOT"
source bench/common.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
READER_CONNECTIONS=${READER_CONNECTIONS:-8}
COMMENTS=${COMMENTS:-40}
OWN=${OWN:-2}
BUILD_DIR=target-bench
SITE_JAVA_OPTS=${SITE_JAVA_OPTS:--Xmx512m}
# the services the site calls: not what is measured, kept small
SIDE_JAVA_OPTS=${SIDE_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx384m}
CFG="$ROOT/config/src/main/resources/config-repo"

need wrk wrk || { log "wrk is missing"; exit 1; }
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "building identity, article-service, comment-service, site, gateway into $BUILD_DIR/"
	./mvnw -B -q -DskipTests -pl identity,article-service,comment-service,site,gateway -am package \
		-Dplatform.build.dir="$BUILD_DIR" >&2
fi
bench_tmp bench-readers
for module in article-service comment-service site gateway; do
	cp "$(service_jar "$module" "$BUILD_DIR")" "$TMP/$module.jar"
done

ART_PORT=$(pick_port 18281); ART_MPORT=$(pick_port 19281); ART_MONGO=$(pick_port 27681)
COM_PORT=$(pick_port 18283); COM_MPORT=$(pick_port 19283); COM_MONGO=$(pick_port 27683)
SITE_PORT=$(pick_port 18285); SITE_MPORT=$(pick_port 19285); SITE_MONGO=$(pick_port 27685)
GW_PORT=$(pick_port 18280); GW_MPORT=$(pick_port 19280)
NGINX_PORT=$(pick_port 18295)
ART="http://127.0.0.1:$ART_PORT"
COM="http://127.0.0.1:$COM_PORT"
SITE="http://localhost:$SITE_PORT"
GW="http://localhost:$GW_PORT"
log "JDK $JDK_LABEL; article-service $ART_PORT, comment-service $COM_PORT, site $SITE_PORT, gateway $GW_PORT; work dir $TMP"

# ---- identity: the site's sign-in comes back to the gateway's address (the public one)
start_identity --platform.public-urls.site="$GW"

# start <name> <client id for its service token or ""> <java opts> <args...>: from $TMP/<name>.jar
start() {
	local name="$1" client="$2" opts="$3"
	shift 3
	(cd "$TMP" && unset MONGODB_URI SPRING_PROFILES_ACTIVE &&
		SERVICE_CLIENT_SECRET="${client:+$(identity_secret "$client")}" exec "$JAVA" $opts -jar "$TMP/$name.jar" \
			--spring.cloud.config.enabled=false \
			"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/$name.yml" \
			--platform.public-urls.site="$GW" "${IDENTITY_ARGS[@]}" --logging.level.root=WARN "$@") \
		>>"$TMP/$name.log" 2>&1 &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}

start article-service article-service "$SIDE_JAVA_OPTS" --spring.profiles.active=local,bench \
	--server.port="$ART_PORT" --management.server.port="$ART_MPORT" \
	--platform.mongodb.embedded.path="$TMP/articles.mv.db" --platform.mongodb.embedded.port="$ART_MONGO" \
	--platform.search.index-path="$TMP/search-index"
ART_PID=$LAST_PID
start comment-service comment-service "$SIDE_JAVA_OPTS" --spring.profiles.active=local,bench \
	--server.port="$COM_PORT" --management.server.port="$COM_MPORT" \
	--platform.mongodb.embedded.path="$TMP/comments.mv.db" --platform.mongodb.embedded.port="$COM_MONGO" \
	--platform.upstreams.article-service="$ART"
COM_PID=$LAST_PID
# the site and the gateway once those two are up: four JVMs starting at once on a loaded 2-core
# machine starved the site's in-process MongoDB past the driver's 30 s server selection
wait_ready article-service "$ART_PID" "$ART_MPORT"
wait_ready comment-service "$COM_PID" "$COM_MPORT"
# media-service is not started: the story has no pictures, so the site never asks it
start site site "$SITE_JAVA_OPTS" --spring.profiles.active=bench,local \
	--server.port="$SITE_PORT" --management.server.port="$SITE_MPORT" \
	--platform.mongodb.embedded.backend=memory --platform.mongodb.embedded.port="$SITE_MONGO" \
	--platform.mongodb.embedded.path="$TMP/site.mv.db" --platform.sessions.key-file="$TMP/session.key" \
	--platform.upstreams.article-service="$ART" --platform.upstreams.comment-service="$COM" \
	--platform.upstreams.media-service=http://127.0.0.1:9
SITE_PID=$LAST_PID
start gateway "" "$SIDE_JAVA_OPTS" --spring.profiles.active=local \
	--server.port="$GW_PORT" --management.server.port="$GW_MPORT" \
	--platform.upstreams.site="$SITE" --platform.upstreams.article-service="$ART" \
	--platform.upstreams.comment-service="$COM" --platform.upstreams.media-service=http://127.0.0.1:9 \
	--platform.upstreams.desk=http://127.0.0.1:9
GW_PID=$LAST_PID
wait_ready site "$SITE_PID" "$SITE_MPORT"
wait_ready gateway "$GW_PID" "$GW_MPORT"

# ---- the story and its comments, through the APIs
(umask 077 && identity_token EDITOR >"$TMP/editor.token" && identity_token READER >"$TMP/reader.token")
auth() { printf 'Authorization: Bearer %s\n' "$(cat "$TMP/$1.token")"; }
# the first "<name>":"<value>" of a JSON answer (the top-level field: each answer names it first)
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed 's/.*:"\(.*\)"/\1/'; }
BODY='[{"type":"paragraph","text":"Gradsko vijeće je u četvrtak izglasalo novi park uz rijeku, s tri igrališta, stazom za trčanje i dvjema sjenicama."}'
for n in 2 3 4 5 6 7 8; do
	BODY+=',{"type":"paragraph","text":"Odlomak '$n': radovi počinju u proljeće, a park bi trebao biti gotov do jeseni, kaže gradonačelnica; stanari traže više klupa i drveća."}'
done
BODY+=']'
STORY=$(curl -fsS -H @<(auth editor) -H 'Content-Type: application/json' "$ART/api/v1/articles" \
	-d '{"headline":"Novi park uz rijeku: tri igrališta i staza za trčanje","section":"vijesti","body":'"$BODY"'}' | json_field id)
SLUG=$(curl -fsS -X POST -H @<(auth editor) "$ART/api/v1/articles/$STORY/publish" | json_field slug)
[[ -n "$STORY" && -n "$SLUG" ]] || { log "no story from article-service"; exit 1; }
ARTICLE=/vijesti/$SLUG
log "story $STORY at $ARTICLE; $COMMENTS comments by the seeded reader"
post_comment() { # text [parent] -> id
	local body="{\"text\":\"$1\"${2:+,\"parentId\":\"$2\"}}"
	curl -fsS -H @<(auth reader) -H 'Content-Type: application/json' "$COM/api/v1/comments/articles/$STORY" -d "$body" | json_field id
}
started=$(date +%s)
until FIRST=$(post_comment "Prvi komentar: konačno nešto za djecu u ovom kvartu." 2>/dev/null) && [[ -n "$FIRST" ]]; do
	# comment-service learns of the story from article-service (its feed or a state call)
	sleep 0.5
	if (($(date +%s) - started > 60)); then log "comment-service does not take comments on $STORY"; exit 1; fi
done
PARENT=$FIRST
for n in $(seq 2 "$COMMENTS"); do
	if ((n % 3 == 0)); then
		post_comment "Odgovor $n: slažem se, ali tko će to održavati?" "$PARENT" >/dev/null
	else
		PARENT=$(post_comment "Komentar $n: park je dobra ideja, samo neka ne bude kao prošli put s fontanom.")
	fi
done

# ---- the reader, signed in to the site through the gateway as a browser is (curl, a cookie jar)
(umask 077 && sed -n 's/^PASSWORD_READER=//p' "$IDENTITY_DATA/accounts.env" | tr -d "'\"\n" >"$TMP/reader.password")
JAR="$TMP/cookies.txt"
LOGIN=$(curl -fsS -c "$JAR" -b "$JAR" -L -o "$TMP/login.html" -w '%{url_effective}' "$GW/prijava?natrag=$ARTICLE")
LOGIN_CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/login.html" | head -n 1)
[[ "$LOGIN" == */login && -n "$LOGIN_CSRF" ]] || { log "expected identity's sign-in form, got $LOGIN"; exit 1; }
BACK=$(curl -fsS -c "$JAR" -b "$JAR" -L -o /dev/null -w '%{url_effective}' "$LOGIN" \
	--data-urlencode username=reader --data-urlencode "password@$TMP/reader.password" \
	--data-urlencode "_csrf=$LOGIN_CSRF")
[[ "$BACK" == "$GW$ARTICLE" ]] || { log "the sign-in did not come back to the story: $BACK"; exit 1; }
SESSION=$(awk '$6=="SITE_SESSION"{print $7}' "$JAR" | tail -n 1)
[[ -n "$SESSION" ]] || { log "no SITE_SESSION cookie"; exit 1; }
FRAGMENT="$SITE/citatelj/komentari/$STORY"
for n in $(seq 1 "$OWN"); do
	curl -fsS -H "Cookie: SITE_SESSION=$SESSION" -H 'HX-Request: true' "$FRAGMENT" -o "$TMP/form.html"
	FORM_CSRF=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$TMP/form.html" | head -n 1)
	KEY=$(sed -n 's/.*name="kljuc" value="\([^"]*\)".*/\1/p' "$TMP/form.html" | head -n 1)
	curl -fsS -H "Cookie: SITE_SESSION=$SESSION" -H 'HX-Request: true' "$FRAGMENT" --data-urlencode "_csrf=$FORM_CSRF" \
		--data-urlencode "kljuc=$KEY" --data-urlencode "tekst=Moj komentar $n: park će biti lijep." -o "$TMP/posted.html"
	grep -q 'Vaš komentar je objavljen' "$TMP/posted.html" || { log "the site did not post the reader's comment (see $TMP/posted.html)"; exit 1; }
done
curl -fsS -D "$TMP/fragment.headers" -H "Cookie: SITE_SESSION=$SESSION" -H 'HX-Request: true' "$FRAGMENT" -o "$TMP/fragment.html"
grep -q 'Prijavljeni ste kao' "$TMP/fragment.html" || { log "the fragment is not the signed-in reader's (see $TMP/fragment.html)"; exit 1; }
OWN_SHOWN=$(grep -o 'class="own-comment own-' "$TMP/fragment.html" | wc -l)
FRAGMENT_BYTES=$(stat -c %s "$TMP/fragment.html")
log "reader signed in; the fragment: $FRAGMENT_BYTES bytes, $OWN_SHOWN own comments; $(grep -i '^server-timing' "$TMP/fragment.headers" | tr -d '\r')"

# ---- (1) the personal fragment: wrk, the site's own time from each answer's Server-Timing
cat >"$TMP/timing.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) own = {}; waited = {}; n = 0 end
function response(status, headers, body)
  local timing = headers["Server-Timing"] or headers["server-timing"]
  if timing then
    local site = timing:match("site;dur=([%d%.]+)")
    if site then
      n = n + 1
      own[n] = tonumber(site)
      waited[n] = tonumber(timing:match("upstream;dur=([%d%.]+)") or "0")
    end
  end
end
function done(summary, latency, requests)
  local all, up = {}, {}
  for _, thread in ipairs(threads) do
    local o, w = thread:get("own"), thread:get("waited")
    for i = 1, #o do all[#all + 1] = o[i]; up[#up + 1] = w[i] end
  end
  table.sort(all); table.sort(up)
  local function p(list, q)
    if #list == 0 then return "n/a" end
    return string.format("%.2f", list[math.max(1, math.ceil(#list * q))])
  end
  io.write(string.format("TIMING %d %s %s %s %s %s\n", #all, p(all, 0.5), p(all, 0.95), p(all, 0.99),
    p(up, 0.5), p(up, 0.95)))
end
LUA
log "warming the fragment (${DURATION})"
wrk -t2 -c"$READER_CONNECTIONS" -d"$DURATION" -H "Cookie: SITE_SESSION=$SESSION" -H 'HX-Request: true' "$FRAGMENT" >/dev/null
LOAD_FRAGMENT=$(cut -d' ' -f1-3 /proc/loadavg)
log "measuring the fragment (${DURATION}, -c$READER_CONNECTIONS); load $LOAD_FRAGMENT"
wrk -t2 -c"$READER_CONNECTIONS" -d"$DURATION" --latency -s "$TMP/timing.lua" -H "Cookie: SITE_SESSION=$SESSION" \
	-H 'HX-Request: true' "$FRAGMENT" >"$TMP/wrk-fragment.txt"
F_RPS=$(awk '/Requests\/sec/{print $2}' "$TMP/wrk-fragment.txt")
F_P50=$(awk '$1=="50%"{print $2}' "$TMP/wrk-fragment.txt")
F_P99=$(awk '$1=="99%"{print $2}' "$TMP/wrk-fragment.txt")
F_NON2XX=$(awk '/Non-2xx/{print $NF}' "$TMP/wrk-fragment.txt")
read -r _ T_COUNT T_P50 T_P95 T_P99 U_P50 U_P95 < <(grep '^TIMING' "$TMP/wrk-fragment.txt")
VERDICT=$(awk -v v="$T_P95" 'BEGIN{print (v + 0 < 30) ? "met" : "missed"}')

# PROFILE=1: where the site's time goes while it serves the fragment (JFR execution samples of every
# thread of the site's process, its in-process MongoDB included), the same wrk load for DURATION
# after the measurement (the recording's own cost stays out of the figures above), in the results
PROFILE_TXT=""
if [[ "${PROFILE:-0}" == 1 ]]; then
	log "profiling the fragment with JFR (${DURATION}, -c$READER_CONNECTIONS)"
	"$JCMD" "$SITE_PID" JFR.start name=bench-readers settings=profile >/dev/null
	wrk -t2 -c"$READER_CONNECTIONS" -d"$DURATION" -H "Cookie: SITE_SESSION=$SESSION" -H 'HX-Request: true' \
		"$FRAGMENT" >"$TMP/wrk-profile.txt"
	"$JCMD" "$SITE_PID" JFR.stop name=bench-readers filename="$TMP/site.jfr" >/dev/null
	PROFILE_TXT=$'\n## JFR profile: the personal fragment (wrk -t2 -c'"$READER_CONNECTIONS"$', settings=profile, '"$(awk '/Requests\/sec/{print $2}' "$TMP/wrk-profile.txt")"$' req/s while recording)\n\n```\n'"$(jfr_summary "$TMP/site.jfr" '(news\.platform|SessionRepositoryFilter|FilterChainProxy|OAuth2AuthorizedClientManager\.authorize|HttpSessionOAuth2AuthorizedClientRepository|HttpSessionSecurityContextRepository|CsrfFilter|ObjectInputStream\.readObject|ObjectOutputStream\.writeObject|MessageDigest\.digest|Cipher\.doFinal|HttpClient.*\.send|MongoCollectionImpl|de\.bwaldvogel|gg\.jte|Http11Processor\.service|DispatcherServlet\.doDispatch)')"$'\n```\n'
fi

# ---- (2) the anonymous article page with its comment section, vs. nginx with the same bytes
mkdir -p "$TMP/html/vijesti"
curl -fsS -D "$TMP/article.headers" "$SITE$ARTICLE" -o "$TMP/html$ARTICLE"
grep -q 'id="komentari"' "$TMP/html$ARTICLE" || { log "the article page has no comment section"; exit 1; }
HTML_BYTES=$(stat -c %s "$TMP/html$ARTICLE")
GZIP_BYTES=$(curl -fsS -H 'Accept-Encoding: gzip' "$SITE$ARTICLE" | wc -c)
SHOWN=$(grep -o 'class="comment"' "$TMP/html$ARTICLE" | wc -l)
HEADING=$(sed -n 's/.*<h2 id="komentari-naslov">\([^<]*\)<.*/\1/p' "$TMP/html$ARTICLE" | head -n 1)
log "warming the article page (${DURATION})"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$SITE$ARTICLE" >/dev/null
LOAD_PAGE=$(cut -d' ' -f1-3 /proc/loadavg)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$SITE$ARTICLE" >"$TMP/wrk-page.txt"
P_RPS=$(awk '/Requests\/sec/{print $2}' "$TMP/wrk-page.txt")
P_P99=$(awk '$1=="99%"{print $2}' "$TMP/wrk-page.txt")
NGINX_ROW="| same bytes from nginx | not run (no nginx) | |"
RATIO_ROW=""
if need nginx nginx; then
	start_nginx "$NGINX_PORT" "$TMP/html"
	wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT$ARTICLE" >"$TMP/wrk-nginx.txt"
	N_RPS=$(awk '/Requests\/sec/{print $2}' "$TMP/wrk-nginx.txt")
	N_P99=$(awk '$1=="99%"{print $2}' "$TMP/wrk-nginx.txt")
	NGINX_ROW="| same bytes from nginx | $N_RPS req/s, p99 $N_P99 | |"
	RATIO_ROW="| site / nginx | $(awk -v a="$P_RPS" -v b="$N_RPS" 'BEGIN{printf "%.2f", a/b}') | ≥ 0.5 (run.sh's goal) |"
fi
# run.sh's newest figures (stub services, no comments on its article), for comparison
PAGES=$(ls bench/site/results/*Z.md 2>/dev/null | grep -v readers | sort | tail -n 1 || true)
PAGES_ROWS=""
if [[ -n "$PAGES" ]]; then
	PAGES_ROWS=$(grep -E '^\| (cached article page, site|same bytes from nginx|site / nginx|article page HTML)' "$PAGES" \
		| sed "s/^| /| run.sh $(basename "$PAGES" .md): /")
fi

STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULT="bench/site/results/$STAMP-readers.md"
if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
	JARS="target-bench/'s, built before this run (SKIP_BUILD=1; HEAD $(git rev-parse --short HEAD))"
else
	JARS="built by this run from $(git rev-parse --short HEAD)"
fi
{
	printf '# Site benchmark, readers: %s\n\n' "$STAMP"
	printf 'Machine: %s cores, shared (other builds may run); load (1, 5, 15 min) %s while the fragment was measured, %s for the article page; `uptime` at the end: %s. JDK: %s. Real identity, article-service, comment-service, gateway (jars %s); the site in profile `bench` (sessions in embedded MongoDB, in memory). wrk and the services on the same machine.\n\n' \
		"$(nproc)" "$LOAD_FRAGMENT" "$LOAD_PAGE" "$(uptime | sed 's/^ *//')" "$JDK_LABEL" "$JARS"
	printf 'One story with %s comments (%s shown on the page: "%s"); the seeded reader signed in through the gateway with curl and posted %s comments through the site, so the fragment shows %s own comments (read from comment-service with the reader'"'"'s token); the fragment: %s bytes.\n\n' \
		"$COMMENTS" "$SHOWN" "$HEADING" "$OWN" "$OWN_SHOWN" "$FRAGMENT_BYTES"
	printf '| measure | value | goal |\n|---|---|---|\n'
	printf '| personal fragment `GET /citatelj/komentari/{id}` (HX-Request, signed in), wrk -t2 -c%s -d%s | %s req/s, wall p50 %s, p99 %s%s | |\n' \
		"$READER_CONNECTIONS" "$DURATION" "$F_RPS" "$F_P50" "$F_P99" "${F_NON2XX:+, non-2xx $F_NON2XX}"
	printf '| personal fragment, the site'"'"'s own time (Server-Timing site;dur, %s answers) | p50 %s ms, **p95 %s ms**, p99 %s ms | p95 < 30 ms: %s |\n' \
		"$T_COUNT" "$T_P50" "$T_P95" "$T_P99" "$VERDICT"
	printf '| personal fragment, waiting on comment-service and article-service (upstream;dur) | p50 %s ms, p95 %s ms | |\n' "$U_P50" "$U_P95"
	printf '| article page with its comment section, anonymous, site (wrk -t2 -c%s -d%s) | %s req/s, p99 %s | |\n' \
		"$CONNECTIONS" "$DURATION" "$P_RPS" "$P_P99"
	printf '%s\n' "$NGINX_ROW"
	[[ -n "$RATIO_ROW" ]] && printf '%s\n' "$RATIO_ROW"
	printf '| article page HTML (with %s comments) | %s bytes (%s gzip) | |\n' "$SHOWN" "$HTML_BYTES" "$GZIP_BYTES"
	[[ -n "$PAGES_ROWS" ]] && printf '%s\n' "$PAGES_ROWS"
	printf '\nCommand: `DURATION=%s CONNECTIONS=%s READER_CONNECTIONS=%s COMMENTS=%s OWN=%s%s bench/site/readers.sh`\n' \
		"$DURATION" "$CONNECTIONS" "$READER_CONNECTIONS" "$COMMENTS" "$OWN" "${PROFILE_TXT:+ PROFILE=1}"
	printf '%s' "$PROFILE_TXT"
} | tee "$RESULT"
log "written to $RESULT"

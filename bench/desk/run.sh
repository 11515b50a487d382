#!/usr/bin/env bash
# Desk benchmark: one command, from anywhere in the repository.
#
#   bench/desk/run.sh [stories]        (default 10000)
#
# Starts identity (the token issuer, MongoDB in memory), article-service (embedded MongoDB in a temp
# folder) and the desk (its own embedded MongoDB for sessions), each from its jar in target-bench/
# (built there when missing; DESK_JAR / ARTICLE_JAR name others, e.g. <module>/target/'s), seeds N
# stories with the editor's token (bench/article/Seed.java: through the API up to BULK_ABOVE, above
# that TEMPLATES through the API and the rest straight into MongoDB), signs the editor in to the desk
# as a browser does (authorization code with PKCE through identity's sign-in form), and measures
# with bench/desk/DeskBench.java, one request at a time after WARMUP requests:
#   the dashboard (GET /desk/) and the story editor (GET /desk/prica/{id}): p95, goal < 50 ms
#   an autosave round trip through the desk (POST /desk/prica/{id}/autospremanje): p50, goal < 30 ms
# The figures are wall times on loopback from sending to the last byte (the desk's time, its calls
# to article-service and one loopback round trip): the server's own time is at most these.
# Writes bench/desk/results/<UTC time>-<N>.md with the machine load, and prints it.
#
# Environment (all optional): WARMUP=200 REQUESTS=500 BULK_ABOVE=2000 TEMPLATES=500 SEED_THREADS=4
# JAVA_OPTS="-XX:+UseParallelGC -Xmx512m" KEEP_TMP=1 (keeps the logs)
set -euo pipefail

N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/desk"
WARMUP="${WARMUP:-200}"
REQUESTS="${REQUESTS:-500}"
BULK_ABOVE="${BULK_ABOVE:-2000}"
TEMPLATES="${TEMPLATES:-500}"
SEED_THREADS="${SEED_THREADS:-4}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx512m}"
CFG="$ROOT/config/src/main/resources/config-repo"

. "$ROOT/bench/common.sh"

ARTICLE_JAR="${ARTICLE_JAR:-$(service_jar article-service target-bench)}"
DESK_JAR="${DESK_JAR:-$(service_jar desk target-bench)}"
[[ -f "$ARTICLE_JAR" && -f "$DESK_JAR" ]] || { log "no jar at $ARTICLE_JAR or $DESK_JAR"; exit 1; }
bench_tmp desk-bench

ART_PORT="$(pick_port 18081)"; ART_MPORT="$(pick_port 19081)"; ART_MONGO="$(pick_port 27581)"
DESK_PORT="$(pick_port 18084)"; DESK_MPORT="$(pick_port 19084)"; DESK_MONGO="$(pick_port 27584)"
DESK="http://127.0.0.1:$DESK_PORT"
ART="http://127.0.0.1:$ART_PORT"


# ---- identity: the desk's sign-in comes back to the desk's own address (the bench's public URL)
start_identity --platform.public-urls.site="$DESK"
(umask 077 && identity_token EDITOR >"$TMP/editor.token")
(umask 077 && sed -n 's/^PASSWORD_EDITOR=//p' "$IDENTITY_DATA/accounts.env" | tr -d "'\"" >"$TMP/editor.password")
[[ -s "$TMP/editor.token" && -s "$TMP/editor.password" ]] || { log "no editor token or password from identity"; exit 1; }

# ---- article-service (started again after a bulk seed, on the same database)
start_article_service() {
	log "starting article-service on $ART_PORT ($JAVA_OPTS)"
	(cd "$TMP" && SERVICE_CLIENT_SECRET="$(identity_secret article-service)" exec "$JAVA" $JAVA_OPTS -jar "$ARTICLE_JAR" \
		--spring.cloud.config.enabled=false --spring.profiles.active=local,bench \
		"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/article-service.yml" \
		--server.port="$ART_PORT" --management.server.port="$ART_MPORT" \
		--platform.mongodb.embedded.path="$TMP/articles.mv.db" --platform.mongodb.embedded.port="$ART_MONGO" \
		--platform.search.index-path="$TMP/search-index" "${IDENTITY_ARGS[@]}" \
		--logging.level.root=WARN) >>"$TMP/article-service.log" 2>&1 &
	ART_PID=$!
	PIDS+=("$ART_PID")
	wait_ready article-service "$ART_PID" "$ART_MPORT" "$TMP/article-service.log"
}
start_article_service

# ---- seed
SEED=("$JAVA" -cp "$(driver_classpath "$ARTICLE_JAR" "$TMP/lib")" "$ROOT/bench/article/Seed.java")
if ((N > BULK_ABOVE)); then
	log "seeding $N stories: $TEMPLATES through the API, the rest into MongoDB"
	"${SEED[@]}" bulk "$ART" "$TMP/editor.token" "$N" "$SEED_THREADS" "$TEMPLATES" \
		"mongodb://127.0.0.1:$ART_MONGO" "$TMP/slugs.txt" | tee "$TMP/seed.log" >&2
	# stories written straight into MongoDB reach the search index when it is rebuilt: a restart without it
	kill "$ART_PID"; wait "$ART_PID" 2>/dev/null || true
	rm -rf "$TMP/search-index"
	start_article_service
else
	log "seeding $N stories through the API"
	"${SEED[@]}" seed "$ART" "$TMP/editor.token" "$N" "$SEED_THREADS" "$TMP/slugs.txt" | tee "$TMP/seed.log" >&2
fi
# the counts come from the search index, which a restart rebuilds from MongoDB in the background
# after the service is ready: measuring before it caught up timed the desk beside the rebuild (the
# first 10,000-story run's autosave p50 of 468 ms)
counts() { curl -fsS -H @<(printf 'Authorization: Bearer %s\n' "$(cat "$TMP/editor.token")") "$ART/api/v1/articles/counts"; }
counted() { counts | tr -c '0-9' ' ' | awk '{for (i = 1; i <= NF; i++) s += $i} END {print s + 0}'; }
started=$(date +%s)
until (($(counted) >= N)); do
	if (($(date +%s) - started > 900)); then log "the search index holds $(counted) of $N stories after 900 s"; exit 1; fi
	sleep 1
done
log "the search index holds all $N stories ($(($(date +%s) - started)) s after ready)"
COUNTS="$(counts)"
log "counts per status: $COUNTS"

# ---- the desk
log "starting the desk on $DESK_PORT ($JAVA_OPTS)"
(cd "$TMP" && SERVICE_CLIENT_SECRET="$(identity_secret desk)" exec "$JAVA" $JAVA_OPTS -jar "$DESK_JAR" \
	--spring.cloud.config.enabled=false --spring.profiles.active=local \
	"--spring.config.import=optional:file:$CFG/application.yml,optional:file:$CFG/desk.yml" \
	--server.port="$DESK_PORT" --management.server.port="$DESK_MPORT" \
	--platform.mongodb.embedded.path="$TMP/desk.mv.db" --platform.mongodb.embedded.port="$DESK_MONGO" \
	--platform.public-urls.site="$DESK" \
	--platform.upstreams.article-service="$ART" --platform.sessions.key-file="$TMP/desk-session.key" \
	"${IDENTITY_ARGS[@]}" --logging.level.root=WARN) >>"$TMP/desk.log" 2>&1 &  # IDENTITY_ARGS names the issuer: a second --platform.security.issuer would join the two with a comma
DESK_PID=$!
PIDS+=("$DESK_PID")
wait_ready desk "$DESK_PID" "$DESK_MPORT" "$TMP/desk.log"

# ---- measure
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
log "measuring ($WARMUP warm-up requests, then $REQUESTS each); load $LOAD_BEFORE"
"$JAVA" "$HERE/DeskBench.java" "$DESK" "$IDENTITY" editor "$TMP/editor.password" "$WARMUP" "$REQUESTS" \
	| tee "$TMP/figures.txt" >&2
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

figure() { awk -v n="$1" -v c="$2" '$1==n{print $c}' "$TMP/figures.txt"; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN{print (v < g) ? "met" : "missed"}'; }
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
OUT="$HERE/results/$STAMP-$N.md"
mkdir -p "$HERE/results"
cat >"$OUT" <<MD
# Desk benchmark, $STAMP

- $N stories seeded (counts per status: \`$COUNTS\`), editor signed in to the desk
- $JDK_LABEL, \`$JAVA_OPTS\`; machine: $(nproc) cores; load average $LOAD_BEFORE before, $LOAD_AFTER after
- one request at a time on a kept-alive connection, $WARMUP warm-up requests, then $REQUESTS measured;
  wall time on loopback from sending to the last byte (ms)

| target | p50 | p95 | p99 | max | goal |
|---|---|---|---|---|---|
| dashboard \`GET /desk/\` | $(figure dashboard 3) | $(figure dashboard 4) | $(figure dashboard 5) | $(figure dashboard 6) | p95 < 50: $(verdict "$(figure dashboard 4)" 50) |
| editor \`GET /desk/prica/{id}\` | $(figure editor 3) | $(figure editor 4) | $(figure editor 5) | $(figure editor 6) | p95 < 50: $(verdict "$(figure editor 4)" 50) |
| autosave \`POST /desk/prica/{id}/autospremanje\` | $(figure autosave 3) | $(figure autosave 4) | $(figure autosave 5) | $(figure autosave 6) | p50 < 30: $(verdict "$(figure autosave 3)" 30) |

Command: \`bench/desk/run.sh $N\`
MD
cat "$OUT"

# Shared by the services' benchmarks (bench/<module>/run.sh source it): logging, the JDK the run
# command would pick, the service jar, tools from apt, a temp folder with cleanup, free ports, and
# identity (the token issuer, as in production: services validate against its JWKS, the seeders get
# tokens from it). Not a benchmark of its own.

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# the JDK: Temurin 25 where the machine has it (as ./run-local.sh picks), else the java on PATH
if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
	JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
else
	JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
JAVA="$JAVA_HOME/bin/java"
JFR="$JAVA_HOME/bin/jfr"
JCMD="$JAVA_HOME/bin/jcmd"
JDK_LABEL="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.vendor =/{v=$2} /java.runtime.version =/{r=$2} END{print v" "r}')"

# service_jar <module> <build dir>: the module's jar in a build dir of the benchmark's own (built
# when missing, so a benchmark never runs a jar another build is rewriting)
service_jar() {
	local module="$1" dir="$2" jar
	jar="$ROOT/$module/$dir/$module-0.1.0-SNAPSHOT.jar"
	if [[ ! -f "$jar" ]]; then
		log "building $module into $dir/ (jar missing)"
		(cd "$ROOT" && ./mvnw -B -q -DskipTests -pl "$module" -am package -Dplatform.build.dir="$dir") >&2
	fi
	echo "$jar"
}

# driver_classpath <service jar> <folder>: the MongoDB driver jars of the service's own jar, copied
# into <folder>, for the seeders that write MongoDB directly; prints the class path
driver_classpath() {
	local jar="$1" dir="$2"
	mkdir -p "$dir"
	(cd "$dir" && "$JAVA_HOME/bin/jar" xf "$jar" $("$JAVA_HOME/bin/jar" tf "$jar" | grep -E 'BOOT-INF/lib/(bson|mongodb-driver-core|mongodb-driver-sync)-[0-9]') \
		&& mv BOOT-INF/lib/*.jar . && rm -rf BOOT-INF)
	echo "$dir/*"
}

# need <command> <Debian package>: installs the package when the command is missing and apt can
apt_updated=
need() {
	local tool="$1" pkg="$2"
	command -v "$tool" >/dev/null 2>&1 && return 0
	log "$tool missing: apt-get install $pkg"
	if [[ -z "$apt_updated" ]]; then
		apt-get update -qq >/dev/null 2>&1 || true
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 || return 1
	command -v "$tool" >/dev/null 2>&1
}
export PATH="$PATH:/usr/sbin"

# bench_tmp <name>: TMP, a fresh folder; PIDS, the processes to stop on exit (KEEP_TMP=1 keeps TMP)
bench_tmp() {
	TMP="$(mktemp -d "/tmp/$1.XXXXXX")"
	PIDS=()
	trap cleanup EXIT
	trap 'exit 130' INT TERM
}
cleanup() {
	local pid
	for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
	for pid in ${PIDS[@]+"${PIDS[@]}"}; do
		for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
	done
	if [[ -n "${KEEP_TMP:-}" ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}

port_free() { ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }
pick_port() {
	local p="$1"
	while ! port_free "$p"; do p=$((p + 1)); done
	echo "$p"
}

# ---- identity: the platform's token issuer, started beside the service under test
#
# start_identity [--key=value ...]: identity's jar (built into target-bench/ when missing) on a free
# port, profile `local` (its seeded accounts, one per role, and the token tool's client), its data
# (signing keys, client secrets, the accounts' passwords: generated for this run, owner-only) in
# $TMP/identity, its MongoDB in memory. IDENTITY_CONFIG, when set, is one more configuration file
# (e.g. platform.identity.initial-accounts: a file, so no password shows in ps). Sets IDENTITY (its
# URL and the issuer of its tokens), IDENTITY_DATA and IDENTITY_ARGS (what a service needs to
# validate tokens against its JWKS and get service tokens from it); waits until it is ready.
# Needs bench_tmp first. Its JVM runs C1-only: it is not what is measured, and starts cheaper.
start_identity() {
	local jar port mport imports cfg="$ROOT/config/src/main/resources/config-repo"
	jar="$(service_jar identity target-bench)"
	port="$(pick_port "${IDENTITY_PORT:-8086}")"
	mport="$(pick_port "${IDENTITY_MANAGEMENT_PORT:-9086}")"
	[[ "$mport" == "$port" ]] && mport="$(pick_port $((port + 1)))"
	IDENTITY="http://127.0.0.1:$port"
	IDENTITY_DATA="$TMP/identity"
	mkdir -p "$IDENTITY_DATA"
	chmod 700 "$IDENTITY_DATA"
	imports="optional:file:$cfg/application.yml,optional:file:$cfg/identity.yml${IDENTITY_CONFIG:+,file:$IDENTITY_CONFIG}"
	log "starting identity on $port/$mport (MongoDB in memory, data in $IDENTITY_DATA)"
	# secrets of the caller's shell would win over the ones made for this run
	(cd "$TMP" && unset SITE_CLIENT_SECRET DESK_CLIENT_SECRET ARTICLE_SERVICE_CLIENT_SECRET MEDIA_SERVICE_CLIENT_SECRET \
		COMMENT_SERVICE_CLIENT_SECRET MONGODB_URI SPRING_PROFILES_ACTIVE &&
		exec "$JAVA" ${IDENTITY_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms64m -Xmx256m} -jar "$jar" \
			--spring.cloud.config.enabled=false --spring.profiles.active=local "--spring.config.import=$imports" \
			--server.port="$port" --management.server.port="$mport" \
			--platform.identity.issuer="$IDENTITY" --platform.identity.data-directory="$IDENTITY_DATA" \
			--platform.mongodb.embedded.backend=memory --platform.mongodb.embedded.path="$IDENTITY_DATA/mongodb.mv.db" \
			--logging.level.root=WARN "$@") >>"$TMP/identity.log" 2>&1 &
	IDENTITY_PID=$!
	PIDS+=("$IDENTITY_PID")
	wait_ready identity "$IDENTITY_PID" "$mport"
	IDENTITY_ARGS=(
		--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$IDENTITY/oauth2/jwks"
		--spring.security.oauth2.resourceserver.jwt.audiences=news-platform
		--platform.security.issuer="$IDENTITY"
		--platform.service-tokens.token-uri="$IDENTITY/oauth2/token"
	)
}

# identity_secret <client id>: the client secret identity made for it (for the service's
# SERVICE_CLIENT_SECRET, its client-credentials grant); "" if none
identity_secret() {
	local var
	var="$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_CLIENT_SECRET"
	sed -n "s/^$var=//p" "$IDENTITY_DATA/client-secrets.env" 2>/dev/null | head -n 1
}

# identity_token <ROLE>: an access token of the seeded account of that role (READER, JOURNALIST,
# EDITOR, MODERATOR, ADMIN) or SERVICE, signed in through identity's authorization endpoint with
# PKCE by tools/tokens (all roles at once, on the first call, into an owner-only file)
identity_token() {
	local file="$IDENTITY_DATA/tokens.env"
	if [[ ! -s "$file" ]]; then
		(umask 077 && "$JAVA" "$ROOT/tools/tokens/Tokens.java" env "$IDENTITY" "$IDENTITY_DATA" >"$file.tmp") ||
			{ rm -f "$file.tmp"; log "no tokens from identity (see above)"; exit 1; }
		mv "$file.tmp" "$file"
	fi
	sed -n "s/^export TOKEN_$1='\(.*\)'\$/\1/p" "$file" | head -n 1
}

# random_password: 24 characters, base64url (identity wants at least 12); made per run, never kept
random_password() { head -c 18 /dev/urandom | base64 | tr '+/' '-_'; }

# wait_ready <name> <pid> <management port> [log] [seconds]: waits (up to 300 s unless given) until
# the process answers its readiness probe, and sets READY_S to the seconds it took; stops the run
# with the log's tail when it dies or never gets there. The log is $TMP/<name>.log unless given.
wait_ready() {
	local started log="${4:-$TMP/$1.log}" limit="${5:-300}"
	started=$(date +%s)
	until curl -fs "http://127.0.0.1:$3/actuator/health/readiness" >/dev/null 2>&1; do
		kill -0 "$2" 2>/dev/null || { tail -50 "$log" >&2; log "$1 died"; exit 1; }
		sleep 0.5
		if (($(date +%s) - started > limit)); then log "$1 not ready after $limit s"; tail -50 "$log" >&2; exit 1; fi
	done
	READY_S=$(($(date +%s) - started))
	log "$1 ready in $READY_S s"
}

# start_nginx <port> <root>: nginx (2 workers) serving the files under <root> as text/html with
# ETags, the baseline the site's pages are compared with; its pid joins PIDS
start_nginx() {
	cat >"$TMP/nginx.conf" <<CONF
worker_processes 2;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$1;
    root $2;
    default_type text/html;
    etag on;
  }
}
CONF
	"$(command -v nginx)" -c "$TMP/nginx.conf" -p "$TMP"
	for _ in $(seq 1 50); do [[ -s "$TMP/nginx.pid" ]] && break; sleep 0.1; done
	PIDS+=("$(cat "$TMP/nginx.pid")")
}

# jfr_summary <jfr file> <regex>: the top frames (self time) of a recording's execution samples, then
# the frames matching <regex> counted wherever they are on the stack (inclusive time)
jfr_summary() {
	"$JFR" print --events jdk.ExecutionSample --stack-depth 64 "$1" 2>/dev/null | PATTERN="$2" awk '
		/jdk.ExecutionSample/ { n++; first=1; delete seen; next }
		/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\.[a-zA-Z_$<>0-9]+\(/ {
			f=$1; sub(/\(.*/, "", f)
			if (first) { top[f]++; first=0 }
			if (!(f in seen)) { seen[f]=1; incl[f]++ }
		}
		END {
			if (n == 0) { print "no samples"; exit }
			printf "samples: %d\n\ntop frames (self):\n", n
			for (f in top) printf "%6.1f%%  %s\n", 100*top[f]/n, f | "sort -rn | head -25"
			close("sort -rn | head -25")
			printf "\nframes on the stack (inclusive):\n"
			for (f in incl) if (f ~ ENVIRON["PATTERN"]) printf "%6.1f%%  %s\n", 100*incl[f]/n, f | "sort -rn | head -30"
			close("sort -rn | head -30")
		}'
}

# Shared by the services' benchmarks (bench/<module>/run.sh source it): logging, the JDK the run
# command would pick, the service jar, tools from apt, a temp folder with cleanup, free ports.
# Not a benchmark of its own.

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

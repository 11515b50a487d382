#!/usr/bin/env bash
# Starts the whole news platform on this machine: config server, identity (the OpenID Connect
# provider), article-, media- and comment-service, the site, the desk, gateway. Needs only a JDK 17+ (and internet
# access to Maven Central the first time, to build). See docs/local-run.md.
#
#   ./run-local.sh              build if needed, start everything, supervise; Ctrl-C stops all
#   ./run-local.sh --rebuild    build even if the jars look up to date
#   ./run-local.sh --stop       stop what a previous run left behind (run/latest/pids)
#   ./run-local.sh --help
#
# Environment: JAVA_HOME (use this JDK), JAVA_OPTS (replaces the default JVM tuning flags; set it
# empty for the JVM's own defaults), RUN_LOCAL_JVM_CACHE=auto|cds|off (class-data archive kind;
# auto = AOT cache on JDK 25+, CDS below), RUN_LOCAL_TRAIN=background|before (when a missing
# archive is trained: after everything is healthy, or before the first start),
# RUN_LOCAL_HEALTH_TIMEOUT (seconds per wait, default 120).
#
# Portable to bash 3.2 (macOS): no associative arrays, no mapfile, no ${x,,}; empty arrays are
# expanded with ${a[@]+"${a[@]}"} because of set -u.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd -P)
cd "$ROOT"

# ---------------------------------------------------------------------------------------------
# What runs: name, module folder, application port, management port (CONTRACTS.md), and the
# stage it starts in. A stage starts once every process of the stages before it is healthy: the
# config server (everyone reads its configuration), then identity (the others validate tokens
# against its JWKS and get their client secrets from what it made on first start), then the rest
# together. A new process is one more entry in each array; nothing else counts them.
NAMES=(config-server identity article-service media-service comment-service site desk gateway)
MODULES=(config identity article-service media-service comment-service site desk gateway)
PORTS=(8888 8086 8081 8082 8083 8085 8084 8080)
MGMT_PORTS=(9888 9086 9081 9082 9083 9085 9084 9080)
STAGES=(0 1 2 2 2 2 2 2)
VERSION=0.1.0-SNAPSHOT
IDENTITY_URL=http://localhost:8086
# what identity makes on first start in `local` (owner-only files): its signing keys, the client
# secrets (read here, handed to each process) and the seeded accounts' passwords (printed here)
IDENTITY_DATA=data/identity
# -Xms64m: the JVM's initial heap is 1/64 of the machine's memory, so on 16 GiB and more the heap
# starts at its maximum and the ≈70 MiB eden of that size is touched whole within a minute
# (identity and the services then sat at 260-295 MiB RSS). Starting small, the heap grows only as
# far as it is used (docs/local-run.md, "Measured figures")
DEFAULT_JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms64m -Xmx256m"
HEALTH_TIMEOUT=${RUN_LOCAL_HEALTH_TIMEOUT:-120}
TRAIN_MODE=${RUN_LOCAL_TRAIN:-background}
STOP_GRACE=25
NL='
'
# every index of NAMES, in start order and in reverse (stop order)
INDEXES=""
REVERSE_INDEXES=""
i=0
while [ "$i" -lt ${#NAMES[@]} ]; do
	INDEXES="$INDEXES $i"
	REVERSE_INDEXES="$i $REVERSE_INDEXES"
	i=$((i + 1))
done
unset i
# each process gets its own client secret from identity's file (start_process); one inherited
# from the caller's shell would hand every process the same, wrong one
unset SERVICE_CLIENT_SECRET

PIDS=()           # pid of each started JVM, index as NAMES ("" = not started)
HELPER_PIDS=()    # build / extraction / training processes, stopped on exit
ARCHIVE_KIND=off  # aot | cds-auto | cds-static | off
USE_SETSID=none   # how each JVM gets its own session: setsid | perl | none
STOPPING=0
RUN_DIR=""
START_MS=0

# ---------------------------------------------------------------------------------------------
# Console: short progress lines only; the same lines go to run/<ts>/run-local.log
say() {
	printf 'run-local: %s\n' "$*"
	if [ -n "$RUN_DIR" ] && [ -d "$RUN_DIR" ]; then printf '%s %s\n' "$(date '+%H:%M:%S')" "$*" >>"$RUN_DIR/run-local.log"; fi
}
die() {
	say "ERROR: $*"
	exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

now_ms() {
	if [ -n "${EPOCHREALTIME:-}" ]; then # bash 5
		local t=${EPOCHREALTIME//[.,]/}
		echo $((10#$t / 1000))
		return
	fi
	local n
	n=$(date +%s%N 2>/dev/null || true)
	case "$n" in
	*N | "") # BSD date has no %N
		perl -MTime::HiRes=time -e 'printf "%d\n", time * 1000' 2>/dev/null || echo $(($(date +%s) * 1000))
		;;
	*) echo $((n / 1000000)) ;;
	esac
}
secs() { printf '%d.%d s' $(($1 / 1000)) $(($1 % 1000 / 100)); }

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }

# ---------------------------------------------------------------------------------------------
# 1. The JDK: JAVA_HOME if set, else the newest JDK installed, else java on the PATH

# prints the major version of a JAVA_VERSION string: "17.0.15" -> 17, "1.8.0_392" -> 8, "25" -> 25
major_of() {
	local v=$1
	case "$v" in 1.*) v=${v#1.} ;; esac
	v=${v%%[!0-9]*}
	echo "${v:-0}"
}

# prints the JAVA_VERSION of a JDK home from its release file ("" if none)
release_version() {
	[ -f "$1/release" ] || return 0
	sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}.*/\1/p' "$1/release" | head -n 1
}

# prints a sortable key (major.minor.patch.build, zero padded) for a version string
version_key() {
	local v=$1 a b c d
	case "$v" in 1.*) v=${v#1.} ;; esac
	v=$(printf '%s' "$v" | tr -c '0-9\n' '.')
	IFS=. read -r a b c d _ <<EOF
$v...
EOF
	printf '%05d%05d%05d%05d' "$((10#${a:-0}))" "$((10#${b:-0}))" "$((10#${c:-0}))" "$((10#${d:-0}))"
}

pick_jdk() {
	JDK_HOME=""
	JDK_WHY=""
	if [ -n "${JAVA_HOME:-}" ]; then
		[ -x "$JAVA_HOME/bin/java" ] || die "JAVA_HOME=$JAVA_HOME has no bin/java; unset it or point it at a JDK 17+"
		JDK_HOME=$JAVA_HOME
		JDK_WHY="JAVA_HOME is set"
	else
		local best="" best_key="" cand key v n=0
		for cand in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
			/opt/homebrew/opt/openjdk*/libexec/openjdk.jdk/Contents/Home /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home; do
			if [ ! -x "$cand/bin/java" ] || [ ! -x "$cand/bin/javac" ]; then continue; fi
			v=$(release_version "$cand")
			[ -n "$v" ] || continue
			n=$((n + 1))
			key=$(version_key "$v")
			if [ -z "$best" ] || [[ "$key" > "$best_key" ]]; then
				best=$cand
				best_key=$key
			fi
		done
		if [ -n "$best" ]; then
			JDK_HOME=$best
			JDK_WHY="newest of $n JDKs installed; JAVA_HOME is not set"
		elif have java; then
			JDK_HOME=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p' | head -n 1)
			if [ -z "$JDK_HOME" ] || [ ! -x "$JDK_HOME/bin/java" ]; then die "cannot tell where 'java' on the PATH lives; set JAVA_HOME"; fi
			JDK_WHY="java on the PATH; no JAVA_HOME and no JDK in the usual folders"
		else
			die "no JDK found: install a JDK 17 or newer, or set JAVA_HOME"
		fi
	fi
	JAVA="$JDK_HOME/bin/java"
	JDK_VERSION=$(release_version "$JDK_HOME")
	if [ -z "$JDK_VERSION" ]; then
		JDK_VERSION=$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
	fi
	JDK_MAJOR=$(major_of "$JDK_VERSION")
	[ "$JDK_MAJOR" -ge 17 ] || die "JDK $JDK_VERSION at $JDK_HOME is too old: Java 17 or newer is needed"
	[ -x "$JDK_HOME/bin/javac" ] || say "warning: $JDK_HOME has no javac (a JRE?); building and the token tool (a source file) need a JDK"
	say "JDK $JDK_VERSION at $JDK_HOME ($JDK_WHY)"
}

# ---------------------------------------------------------------------------------------------
# Ports: none of them may be taken before anything starts

# prints who listens on a TCP port ("" if nobody); returns 1 if the port is free
port_owner() {
	local port=$1 out pid
	if have ss; then
		out=$(ss -ltnp "sport = :$port" 2>/dev/null | tail -n +2 || true)
		[ -n "$out" ] || return 1
		pid=$(printf '%s\n' "$out" | sed -n 's/.*pid=\([0-9][0-9]*\).*/\1/p' | head -n 1)
	elif have lsof; then
		out=$(lsof -nP -iTCP:"$port" -sTCP:LISTEN 2>/dev/null | tail -n +2 || true)
		[ -n "$out" ] || return 1
		pid=$(printf '%s\n' "$out" | awk 'NR==1{print $2}')
	else
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || return 1
		pid=""
	fi
	if [ -n "$pid" ]; then
		printf 'pid %s: %s' "$pid" "$(ps -o args= -p "$pid" 2>/dev/null | cut -c1-120)"
	else
		printf 'a process this user cannot see (try: sudo lsof -iTCP:%s -sTCP:LISTEN)' "$port"
	fi
	return 0
}

check_ports() {
	local i p who first taken busy=0
	for i in $INDEXES; do
		taken=""
		first=""
		for p in "${PORTS[$i]}" "${MGMT_PORTS[$i]}"; do
			if who=$(port_owner "$p"); then
				taken="$taken${taken:+ and }$p"
				[ -n "$first" ] || first=$who
			fi
		done
		if [ -n "$taken" ]; then
			say "port $taken (${NAMES[$i]}) already taken by $first"
			busy=1
		fi
	done
	if [ "$busy" = 1 ]; then
		say "nothing started. Stop that process (a platform left over from an earlier run: ./run-local.sh --stop) and try again."
		exit 1
	fi
}

# ---------------------------------------------------------------------------------------------
# 2. Build on first use, or when sources or poms are newer than a jar

jar_of() { echo "$1/target/$2-$VERSION.jar"; }

artifact_of() {
	case "$1" in
	config) echo config-server ;;
	*) echo "$1" ;;
	esac
}

# prints why the module's jar needs a build ("" if it is up to date)
stale_reason() {
	local module=$1 jar newer
	jar=$(jar_of "$module" "$(artifact_of "$module")")
	if [ ! -f "$jar" ]; then
		echo "$jar is missing"
		return
	fi
	# main sources and poms only: tests are not in the jar
	newer=$(find pom.xml "$module/pom.xml" "$module/src/main" platform/*/pom.xml platform/*/src/main \
		-newer "$jar" -type f -print 2>/dev/null | head -n 1 || true)
	if [ -n "$newer" ]; then echo "$newer is newer than $jar"; fi
}

build_if_needed() {
	local force=$1 m reason stale=() why=""
	for m in "${MODULES[@]}"; do
		reason=$(stale_reason "$m")
		if [ -n "$reason" ]; then
			stale+=("$m")
			[ -n "$why" ] || why=$reason
		fi
	done
	if [ "$force" = 0 ] && [ ${#stale[@]} -eq 0 ]; then
		say "jars up to date (./run-local.sh --rebuild forces a build)"
		return
	fi
	if [ "$force" = 1 ]; then
		why="--rebuild"
		stale=("${MODULES[@]}")
	fi
	# the boot jars to be made are deleted first: the jar plugin skips a jar whose own classes did
	# not change, and Spring Boot's repackage then skips it as already repackaged, so a change in a
	# platform module alone would leave the old platform jars inside it
	for m in ${stale[@]+"${stale[@]}"}; do
		rm -f -- "$(jar_of "$m" "$(artifact_of "$m")")" "$(jar_of "$m" "$(artifact_of "$m")").original"
	done
	say "building: $why"
	say "  ./mvnw -q -B -Dmaven.test.skip=true package   (log: $RUN_DIR/build.log; minutes on an empty Maven cache)"
	local t0 rc=0
	t0=$(now_ms)
	# tests are neither compiled nor run: this is a run command, ./mvnw verify is the test command
	start_detached "$RUN_DIR/build.log" env JAVA_HOME="$JDK_HOME" ./mvnw -q -B -Dmaven.test.skip=true package
	local bpid=$LAST_PID
	HELPER_PIDS+=("$bpid")
	wait "$bpid" || rc=$?
	HELPER_PIDS=()
	if [ "$rc" -ne 0 ]; then
		say "build failed (exit $rc); last lines of $RUN_DIR/build.log:"
		tail -n 30 "$RUN_DIR/build.log" | sed 's/^/    /'
		exit 1
	fi
	for m in ${stale[@]+"${stale[@]}"}; do
		[ -f "$(jar_of "$m" "$(artifact_of "$m")")" ] || die "the build succeeded but $(jar_of "$m" "$(artifact_of "$m")") is missing"
	done
	say "built in $(secs $(($(now_ms) - t0)))"
}

# ---------------------------------------------------------------------------------------------
# JVM layout and class-data archive, cached under data/jvm-cache/<module>/<jar checksum>/

sha_of() {
	if have sha256sum; then
		sha256sum "$1" | cut -c1-16
	elif have shasum; then
		shasum -a 256 "$1" | cut -c1-16
	else
		cksum "$1" | awk '{print $1 "-" $2}'
	fi
}

jvm_flags() {
	if [ -n "${JAVA_OPTS+x}" ]; then echo "$JAVA_OPTS"; else echo "$DEFAULT_JVM_FLAGS"; fi
}

archive_kind() {
	local wanted=${RUN_LOCAL_JVM_CACHE:-auto}
	case "$wanted" in
	off) echo off ;;
	cds) if [ "$JDK_MAJOR" -ge 19 ]; then echo cds-auto; else echo cds-static; fi ;;
	auto) if [ "$JDK_MAJOR" -ge 25 ]; then echo aot; elif [ "$JDK_MAJOR" -ge 19 ]; then echo cds-auto; else echo cds-static; fi ;;
	*) die "RUN_LOCAL_JVM_CACHE must be auto, cds or off (is '$wanted')" ;;
	esac
}

# sets APP_JAR[i], ARCHIVE[i] (file, may not exist yet) for every process
APP_JAR=()
ARCHIVE=()
prepare_layouts() {
	local i m a jar sha dir old flags_key kind ext t0 pids=() todo=0
	t0=$(now_ms)
	kind=$ARCHIVE_KIND
	flags_key=$(printf '%s' "$(jvm_flags)" | cksum | awk '{print $1}')
	case "$kind" in aot) ext=aot ;; *) ext=jsa ;; esac
	for i in $INDEXES; do
		m=${MODULES[$i]}
		a=$(artifact_of "$m")
		jar=$(jar_of "$m" "$a")
		sha=$(sha_of "$jar")
		dir="data/jvm-cache/${NAMES[$i]}/$sha"
		APP_JAR[i]="$dir/app/$a-$VERSION.jar"
		ARCHIVE[i]="$dir/jdk-$JDK_VERSION-$kind-$flags_key.$ext"
		[ "$kind" = off ] && ARCHIVE[i]=""
		if [ ! -f "${APP_JAR[$i]}" ]; then
			todo=$((todo + 1))
			# other checksums of this module are older builds
			for old in "data/jvm-cache/${NAMES[$i]}"/*; do
				[ -d "$old" ] && [ "$old" != "$dir" ] && rm -rf -- "$old"
			done
			mkdir -p "$dir"
			rm -rf -- "$dir/app.tmp"
			# the extracted layout (lib/ + a thin jar) starts faster than the fat jar and is what CDS/AOT need
			start_detached "$RUN_DIR/extract.log" "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app.tmp"
			pids+=("$LAST_PID")
			HELPER_PIDS+=("$LAST_PID")
		fi
	done
	local p rc=0
	for p in ${pids[@]+"${pids[@]}"}; do wait "$p" || rc=$?; done
	HELPER_PIDS=()
	[ "$rc" -eq 0 ] || die "extracting a jar failed; see $RUN_DIR/extract.log"
	for i in $INDEXES; do
		dir=$(dirname "$(dirname "${APP_JAR[$i]}")")
		if [ -d "$dir/app.tmp" ]; then mv "$dir/app.tmp" "$dir/app"; fi
	done
	if [ "$todo" -gt 0 ]; then say "extracted $todo jar(s) to data/jvm-cache/ in $(secs $(($(now_ms) - t0)))"; fi
}

# the archive flags for a normal start of process i
archive_run_flags() {
	local f=${ARCHIVE[$1]}
	[ -n "$f" ] || return 0
	case "$ARCHIVE_KIND" in
	aot) [ -f "$f" ] && echo "-XX:AOTCache=$f" ;;
	cds-auto) echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$f" ;;
	cds-static) [ -f "$f" ] && echo "-XX:SharedArchiveFile=$f" ;;
	esac
	return 0
}

# A training run starts the application up to the refreshed context and exits
# (-Dspring.context.exit=onRefresh: no port is bound, so it can run beside the real process), with
# a throwaway embedded database, so it never touches ./data/<service>, a throwaway search index
# (article-service: the running process holds the real one's lock) and a throwaway identity data
# folder (the client secrets and keys identity makes during refresh are not the real ones); the
# JVM writes the archive as it exits. These -D settings win over the config server's values. cds-auto needs none: -XX:+AutoCreateSharedArchive writes the archive when the
# real process exits.
needs_training() {
	case "$ARCHIVE_KIND" in aot | cds-static) ;; *) return 1 ;; esac
	[ -n "${ARCHIVE[$1]}" ] && [ ! -f "${ARCHIVE[$1]}" ]
}

# start_training <index> [nice]: sets LAST_PID
start_training() {
	local i=$1 f=${ARCHIVE[$1]} flags tdb prefix=""
	[ "${2:-}" = nice ] && prefix="nice -n 10"
	rm -f -- "$f.tmp" "$f.tmp.config"
	case "$ARCHIVE_KIND" in
	aot) flags="-XX:AOTCacheOutput=$f.tmp" ;;
	*) flags="-XX:ArchiveClassesAtExit=$f.tmp" ;;
	esac
	tdb="$(dirname "$f")/training-db"
	rm -rf -- "$tdb"
	# shellcheck disable=SC2046,SC2086 # word splitting of the flags is intended
	start_detached "$RUN_DIR/${NAMES[$i]}.training.log" $prefix "$JAVA" $(jvm_flags) $flags \
		-Dspring.context.exit=onRefresh "-Dplatform.mongodb.embedded.path=$tdb/mongodb.mv.db" \
		"-Dplatform.search.index-path=$tdb/search-index" "-Dplatform.identity.data-directory=$tdb/identity" \
		-jar "${APP_JAR[$i]}"
	printf 'training-%s %s\n' "${NAMES[$i]}" "$LAST_PID" >>"$RUN_DIR/pids"
}

# finish_training <index> <exit code>: moves the archive into place
finish_training() {
	local i=$1 rc=$2 f=${ARCHIVE[$1]}
	rm -rf -- "$(dirname "$f")/training-db" "$f.tmp.config"
	if [ -f "$f.tmp" ] && [ "$rc" -eq 0 ]; then
		mv "$f.tmp" "$f"
		return 0
	fi
	rm -f -- "$f.tmp"
	say "warning: no class-data archive for ${NAMES[$i]} (training exit $rc, see $RUN_DIR/${NAMES[$i]}.training.log)"
	return 1
}

# RUN_LOCAL_TRAIN=before: train the given processes now, all at once, and wait (the first start
# then takes longer but is already fast)
train_now() {
	local i pids=() idx=() names="" t0 k rc
	for i in "$@"; do
		needs_training "$i" || continue
		start_training "$i"
		pids+=("$LAST_PID")
		idx+=("$i")
		HELPER_PIDS+=("$LAST_PID")
		names="$names ${NAMES[$i]}"
	done
	[ ${#pids[@]} -gt 0 ] || return 0
	say "training the class-data archive ($ARCHIVE_KIND) for$names (once per jar and JDK)"
	t0=$(now_ms)
	for k in "${!pids[@]}"; do
		rc=0
		wait_pid_max "${pids[$k]}" 240 || rc=$?
		finish_training "${idx[$k]}" "$rc" || ARCHIVE[${idx[$k]}]=""
	done
	HELPER_PIDS=()
	say "trained in $(secs $(($(now_ms) - t0)))"
}

# RUN_LOCAL_TRAIN=background (default): once everything is healthy, train what is missing one at
# a time at low priority while the platform runs; the next start uses the archives
TRAIN_QUEUE=""
TRAIN_PID=""
TRAIN_IDX=""
TRAIN_T0=0
queue_training() {
	local i names=""
	for i in $INDEXES; do
		if needs_training "$i"; then
			TRAIN_QUEUE="$TRAIN_QUEUE $i"
			names="$names ${NAMES[$i]}"
		fi
	done
	[ -n "$TRAIN_QUEUE" ] || return 0
	say "first start of these jars: training class-data archives ($ARCHIVE_KIND) for$names in the background (one at a time, nice 10); the next start uses them"
	TRAIN_T0=$(now_ms)
}

training_step() {
	local rc=0
	if [ -n "$TRAIN_PID" ]; then
		if kill -0 "$TRAIN_PID" 2>/dev/null; then return 0; fi
		wait "$TRAIN_PID" || rc=$?
		HELPER_PIDS=()
		TRAIN_PID=""
		finish_training "$TRAIN_IDX" "$rc" || true
		if [ -z "${TRAIN_QUEUE// /}" ]; then
			say "class-data archives ready (trained in $(secs $(($(now_ms) - TRAIN_T0)))); they take effect at the next start"
		fi
	fi
	[ -n "${TRAIN_QUEUE// /}" ] || return 0
	# shellcheck disable=SC2086 # a list of numbers
	set -- $TRAIN_QUEUE
	TRAIN_IDX=$1
	shift
	TRAIN_QUEUE="$*"
	start_training "$TRAIN_IDX" nice
	TRAIN_PID=$LAST_PID
	HELPER_PIDS=("$TRAIN_PID")
}

# waits for a child pid at most $2 seconds; kills it after that; returns its exit code
wait_pid_max() {
	local pid=$1 max=$2 waited=0
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$waited" -ge $((max * 5)) ]; then
			kill_tree KILL "$pid"
			break
		fi
		sleep 0.2
		waited=$((waited + 1))
	done
	wait "$pid"
}

# ---------------------------------------------------------------------------------------------
# Processes: each in its own session, so the terminal's Ctrl-C reaches only this script, which
# then stops them in order; a whole process group can be signalled

detect_setsid() {
	if have setsid; then
		USE_SETSID=setsid
	elif have perl; then
		USE_SETSID=perl
	else USE_SETSID=none; fi
}

# start_detached <log> <command...>: runs it in the background in its own session, output to log;
# sets LAST_PID. setsid(1) does not fork here (a background child is no group leader), so the pid
# is the command's own.
LAST_PID=""
start_detached() {
	local log=$1
	shift
	case "$USE_SETSID" in
	setsid) setsid "$@" >>"$log" 2>&1 </dev/null & ;;
	perl) perl -MPOSIX -e 'POSIX::setsid(); exec @ARGV or die "exec: $!"' "$@" >>"$log" 2>&1 </dev/null & ;;
	*) "$@" >>"$log" 2>&1 </dev/null & ;;
	esac
	LAST_PID=$!
}

# kill_tree <signal> <pid>: the process group when the pid leads one, else the pid
kill_tree() {
	local sig=$1 pid=$2
	if [ "$USE_SETSID" != none ] && kill -0 -- "-$pid" 2>/dev/null; then
		kill "-$sig" -- "-$pid" 2>/dev/null || true
	else
		kill "-$sig" "$pid" 2>/dev/null || true
	fi
}

# prints the client secret process $1 gets as SERVICE_CLIENT_SECRET ("" if identity has none for
# it): <NAME>_CLIENT_SECRET (article-service: ARTICLE_SERVICE_CLIENT_SECRET) from this script's
# environment when set there (identity then takes it from there too, identity.yml, and keeps no
# copy in its file), else from identity's client-secrets.env. Never printed.
client_secret_of() {
	local var value line
	var="$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_CLIENT_SECRET"
	value=$(printenv "$var" 2>/dev/null || true)
	if [ -n "$value" ]; then
		printf '%s' "$value"
		return 0
	fi
	[ -f "$IDENTITY_DATA/client-secrets.env" ] || return 0
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in "$var="*)
			printf '%s' "${line#*=}"
			return 0
			;;
		esac
	done <"$IDENTITY_DATA/client-secrets.env"
}

start_process() {
	local i=$1 log secret secret_note=""
	log="$RUN_DIR/${NAMES[$i]}.log"
	secret=$(client_secret_of "${NAMES[$i]}")
	# through the environment of this one process (a command line would show it in ps); the shared
	# configuration reads it as platform.service-tokens.client-secret
	if [ -n "$secret" ]; then
		export SERVICE_CLIENT_SECRET="$secret"
		secret_note=", its client secret from identity"
	fi
	# MALLOC_ARENA_MAX=2: glibc's per-thread malloc arenas cost media-service ≈ 80 MiB of RSS while
	# images are decoded (docs/media-performance.md); two arenas are plenty for these processes
	# shellcheck disable=SC2046 # word splitting of the flags is intended
	start_detached "$log" env CONFIG_REPO="$CONFIG_REPO" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
		"$JAVA" $(jvm_flags) $(archive_run_flags "$i") -jar "${APP_JAR[$i]}"
	unset SERVICE_CLIENT_SECRET
	secret=""
	PIDS[i]=$LAST_PID
	printf '%s %s\n' "${NAMES[$i]}" "$LAST_PID" >>"$RUN_DIR/pids"
	STARTED_MS[i]=$(now_ms)
	say "${NAMES[$i]} starting (pid $LAST_PID, ports ${PORTS[$i]}/${MGMT_PORTS[$i]}$secret_note)"
}
STARTED_MS=()

# prints the HTTP status of a GET (000 when nothing answers); curl, else wget, else bash /dev/tcp
http_code() {
	local url=$1
	if have curl; then
		curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" 2>/dev/null || true
	elif have wget; then
		wget -q -S -T 3 -t 1 -O /dev/null "$url" 2>&1 | awk '/^ *HTTP\//{c=$2} END{printf "%s", (c ? c : "000")}' || true
	else
		local rest=${url#http://} hostport path line
		hostport=${rest%%/*}
		path=/${rest#*/}
		(
			exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" || exit 1
			printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
			IFS=' ' read -r _ line _ <&3
			printf '%s' "$line"
		) 2>/dev/null || printf '000'
	fi
}

# report a process that ended and stop the rest
report_exit() {
	local i=$1 rc=0 log reason
	wait "${PIDS[$i]}" 2>/dev/null || rc=$?
	PIDS[i]=""
	log="$RUN_DIR/${NAMES[$i]}.log"
	reason=$(failure_reason "$log")
	# 129, 130, 137, 143: a signal this script did not send (it reports before it stops anything)
	case "$rc" in 143 | 137 | 130 | 129) [ -n "$reason" ] || reason="stopped by signal $((rc - 128)) from another process" ;; esac
	if [ -n "$reason" ]; then
		say "${NAMES[$i]} exited with code $rc: $reason (log: $log)"
	else
		say "${NAMES[$i]} exited with code $rc; last 20 lines of $log:"
		tail -n 20 "$log" | sed 's/^/    /'
	fi
}

# prints, in one line, why a process ended, from its log ("" when the log does not say): Spring
# Boot's failure analysis (the line after "Description:"), else the JVM's own complaint (a bad
# flag, a missing jar), else the root cause of the last stack trace, else the last ERROR line
failure_reason() {
	local log=$1 line=""
	[ -f "$log" ] || return 0
	line=$(awk '/^Description:/ { while ((getline) > 0) if ($0 !~ /^[ \t]*$/) { print; exit } }' "$log")
	[ -n "$line" ] || line=$(grep -E '^(Unrecognized VM option|Error: |Error occurred during initialization|Invalid )' "$log" | head -n 1 || true)
	[ -n "$line" ] || line=$(grep -E '^Caused by: ' "$log" | tail -n 1 | sed 's/^Caused by: //' || true)
	[ -n "$line" ] || line=$(grep -E '(^| )ERROR ' "$log" | tail -n 1 | sed 's/^.* ERROR [0-9]* --- //' || true)
	printf '%s' "$line" | tr -d '\r' | cut -c1-300
}

# wait_healthy <indexes...>: every given process answers 200 on /actuator/health of its management
# port, within HEALTH_TIMEOUT seconds; stops everything if one exits or times out
wait_healthy() {
	local deadline i pending code t
	deadline=$(($(now_ms) + HEALTH_TIMEOUT * 1000))
	pending=" $* "
	while [ -n "${pending// /}" ]; do
		for i in $pending; do
			if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
				report_exit "$i"
				stop_all
				exit 1
			fi
			code=$(http_code "http://127.0.0.1:${MGMT_PORTS[$i]}/actuator/health")
			if [ "$code" = 200 ]; then
				t=$(now_ms)
				say "${NAMES[$i]} UP in $(secs $((t - STARTED_MS[i])))"
				pending=${pending/ $i / }
			fi
		done
		[ -n "${pending// /}" ] || break
		if [ "$(now_ms)" -gt "$deadline" ]; then
			for i in $pending; do
				say "${NAMES[$i]} is not healthy after ${HEALTH_TIMEOUT} s (http://localhost:${MGMT_PORTS[$i]}/actuator/health answers $(http_code "http://127.0.0.1:${MGMT_PORTS[$i]}/actuator/health")); last 20 lines of $RUN_DIR/${NAMES[$i]}.log:"
				tail -n 20 "$RUN_DIR/${NAMES[$i]}.log" | sed 's/^/    /'
			done
			stop_all
			exit 1
		fi
		sleep 0.2
	done
}

# stops every process this script started: TERM (gateway first, config server last), up to
# STOP_GRACE seconds for a graceful shutdown, then KILL; checks that none is left
stop_all() {
	[ "$STOPPING" = 0 ] || return 0
	STOPPING=1
	local i p any=0 waited=0 left
	for p in ${HELPER_PIDS[@]+"${HELPER_PIDS[@]}"}; do
		if kill -0 "$p" 2>/dev/null; then kill_tree TERM "$p"; fi
	done
	for i in $REVERSE_INDEXES; do
		p=${PIDS[$i]:-}
		[ -n "$p" ] || continue
		if kill -0 "$p" 2>/dev/null; then
			any=1
			kill_tree TERM "$p"
		fi
	done
	[ "$any" = 1 ] && say "stopping (TERM, up to $STOP_GRACE s for a graceful shutdown)"
	while :; do
		left=""
		for i in $INDEXES; do
			p=${PIDS[$i]:-}
			if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then left="$left ${NAMES[$i]}"; fi
		done
		for p in ${HELPER_PIDS[@]+"${HELPER_PIDS[@]}"}; do
			if kill -0 "$p" 2>/dev/null; then left="$left helper:$p"; fi
		done
		[ -n "$left" ] || break
		if [ "$waited" -ge $((STOP_GRACE * 5)) ]; then
			say "still running after $STOP_GRACE s:$left; sending KILL"
			for i in $INDEXES; do
				p=${PIDS[$i]:-}
				if [ -n "$p" ]; then kill_tree KILL "$p"; fi
			done
			for p in ${HELPER_PIDS[@]+"${HELPER_PIDS[@]}"}; do kill_tree KILL "$p"; done
			sleep 1
			break
		fi
		sleep 0.2
		waited=$((waited + 1))
	done
	# reap, then check with ps that nothing we started is left
	left=""
	for i in $INDEXES; do
		p=${PIDS[$i]:-}
		[ -n "$p" ] || continue
		wait "$p" 2>/dev/null || true
		if ps -p "$p" >/dev/null 2>&1; then left="$left ${NAMES[$i]}(pid $p)"; fi
	done
	if [ -n "$left" ]; then
		say "WARNING: still running:$left"
	elif [ "$any" = 1 ]; then
		say "stopped; no process of this run is left"
	fi
	if [ -n "$RUN_DIR" ] && [ -f "$RUN_DIR/pids" ]; then mv -f "$RUN_DIR/pids" "$RUN_DIR/pids.stopped"; fi
}

# keeps the newest 20 run folders
prune_runs() {
	local d n=0
	# shellcheck disable=SC2012 # names are run/<yyyyMMdd-HHmmss>[-pid], no odd characters
	for d in $(ls -1d run/[0-9]*-[0-9]* 2>/dev/null | sort -r); do
		n=$((n + 1))
		if [ "$n" -gt 20 ] && [ -d "$d" ]; then rm -rf -- "$d"; fi
	done
}

on_signal() {
	trap - INT TERM HUP
	echo
	say "got SIG$1"
	stop_all
	trap - EXIT
	case "$1" in INT) exit 130 ;; HUP) exit 129 ;; *) exit 143 ;; esac
}

on_exit() {
	local rc=$?
	stop_all
	if [ "$rc" -ne 0 ] && [ -n "$RUN_DIR" ]; then say "exit $rc (the shell's own messages, if any, are in $RUN_DIR/run-local.log)"; fi
	exit "$rc"
}

# ---------------------------------------------------------------------------------------------
# 7. Once everything is healthy: where to sign in, the seeded accounts, access tokens for curl
# (run/latest/tokens.env) and the demo article (which needs the editor's token).

# the seeded accounts: identity made their passwords on first start (local only; the user name is
# the role's name). Printing them is the point: they exist on this machine alone.
print_accounts() {
	local file=$IDENTITY_DATA/accounts.env line user
	printf 'Sign in at %s/login (identity; readers can sign up at %s/signup).\n' "$IDENTITY_URL" "$IDENTITY_URL"
	if [ ! -f "$file" ]; then
		printf '  no seeded accounts: %s is missing (identity writes it when it seeds a new database)\n' "$file"
		return 0
	fi
	printf 'Seeded accounts (local only; passwords made on first start, kept in %s):\n' "$file"
	printf '  %-11s %s\n' "user name" "password"
	while IFS= read -r line || [ -n "$line" ]; do
		case "$line" in PASSWORD_*=*)
			user=$(printf '%s' "${line%%=*}" | sed 's/^PASSWORD_//' | tr '[:upper:]' '[:lower:]')
			printf '  %-11s %s\n' "$user" "${line#*=}"
			;;
		esac
	done <"$file"
}

TOKENS_FILE="" # this run's tokens.env, once written

# signs every seeded account in at identity the way a browser application does (authorization code
# with PKCE, tools/tokens/Tokens.java) and gets a service token by client credentials; writes the
# export lines to run/<ts>/tokens.env (owner-only from its first byte: bearer tokens) and prints them
write_tokens() {
	local out="$RUN_DIR/tokens.env" err="$RUN_DIR/tokens.err" rc=0
	rm -f -- "$out" "$out.tmp"
	(umask 077 && "$JAVA" tools/tokens/Tokens.java env "$IDENTITY_URL" "./$IDENTITY_DATA" >"$out.tmp" 2>"$err") || rc=$?
	if [ "$rc" -ne 0 ] || ! grep -q '^export TOKEN_' "$out.tmp" 2>/dev/null; then
		rm -f -- "$out.tmp"
		say "tokens: none written ($(head -n 1 "$err" 2>/dev/null | cut -c1-200)); again by hand: java tools/tokens/Tokens.java env $IDENTITY_URL ./$IDENTITY_DATA"
		return 0
	fi
	chmod 600 "$out.tmp"
	mv -f "$out.tmp" "$out"
	rm -f -- "$err"
	TOKENS_FILE=$out
	printf '\nAccess tokens from identity (valid 12 hours), ready to paste, also in run/latest/tokens.env (mode 600):\n'
	sed 's/^/  /' "$out"
	# shellcheck disable=SC2016 # printed for the user's shell to expand
	printf '  e.g. . run/latest/tokens.env && curl -H "Authorization: Bearer $TOKEN_EDITOR" http://localhost:8080/api/v1/articles\n\n'
}

# the value of TOKEN_<ROLE> in this run's tokens file ("" if none)
token_of() {
	[ -n "$TOKENS_FILE" ] || return 0
	sed -n "s/^export TOKEN_$1='\\(.*\\)'\$/\\1/p" "$TOKENS_FILE" | head -n 1
}

# Imports and publishes demo/articles/sample-hr.txt when the article store is empty and the
# import endpoint exists. Assumed API (adjust here when the article service settles it):
#   GET  /api/v1/articles                 200, an empty list: [] or {"items":[],...}
#   POST /api/v1/articles/import          text/plain body (the file as it is), answers 2xx with
#                                         either the saved article (with its "id") or a proposed
#                                         draft (no "id"), which is then created with
#   POST /api/v1/articles                 application/json, answers 2xx with the article's "id"
#   POST /api/v1/articles/{id}/publish    2xx (on 409, /submit first, then /publish again)
# with the seeded editor's token from identity (TOKEN_EDITOR of run/latest/tokens.env; the admin's
# if there is none).
import_demo_article() {
	local base=http://localhost:8081/api/v1/articles file=demo/articles/sample-hr.txt
	[ -f "$file" ] || return 0
	if ! have curl; then
		say "demo article: skipped (needs curl)"
		return 0
	fi
	local flat token id marker=data/article-service/.demo-imported
	# the reader list may lag a publish by a few seconds (cache, projection): a marker beside the
	# service's database keeps a quick restart from importing twice; it goes with the database
	if [ -f "$marker" ]; then
		say "demo article: already imported ($(cat "$marker"))"
		return 0
	fi
	demo_call GET "$base"
	if [ "$CODE" != 200 ]; then
		say "demo article: skipped (GET /api/v1/articles answers $CODE: the article API is not there yet)"
		return 0
	fi
	flat=$(printf '%s' "$BODY" | tr -d ' \n\r\t')
	case "$flat" in
	'[]' | *'"items":[]'* | *'"content":[]'* | *'"articles":[]'* | *'"data":[]'*) ;;
	*)
		say "demo article: not imported (the article store already has articles)"
		return 0
		;;
	esac
	token=$(token_of EDITOR)
	[ -n "$token" ] || token=$(token_of ADMIN)
	DEMO_TOKEN=$token
	demo_call POST "$base/import" 'text/plain; charset=UTF-8' "@$file"
	case "$CODE" in
	2??) ;;
	404 | 405)
		say "demo article: skipped (POST /api/v1/articles/import is not there yet)"
		return 0
		;;
	401 | 403)
		if [ -n "$token" ]; then
			say "demo article: skipped (import answered $CODE: identity's editor token was refused)"
		else
			say "demo article: skipped (import answered $CODE: no token from identity to send, see the tokens line above)"
		fi
		return 0
		;;
	*)
		say "demo article: import answered $CODE: $(printf '%s' "$BODY" | head -c 300)"
		return 0
		;;
	esac
	id=$(json_id "$BODY")
	if [ -z "$id" ]; then
		# a proposed draft: save it
		demo_call POST "$base" application/json "$BODY"
		case "$CODE" in 2??) ;; *)
			say "demo article: the imported draft was not saved (POST /api/v1/articles answered $CODE: $(printf '%s' "$BODY" | head -c 300))"
			return 0
			;;
		esac
		id=$(json_id "$BODY")
	fi
	if [ -z "$id" ]; then
		say "demo article: imported, but no id in the answer to publish it: $(printf '%s' "$BODY" | head -c 200)"
		return 0
	fi
	demo_call POST "$base/$id/publish"
	if [ "$CODE" = 409 ]; then
		demo_call POST "$base/$id/submit"
		demo_call POST "$base/$id/publish"
	fi
	if [ -d data/article-service ]; then printf '%s\n' "article $id, $(date '+%Y-%m-%d %H:%M')" >"$marker"; fi
	case "$CODE" in
	2??) say "demo article: imported and published (http://localhost:8080/api/v1/articles/$id)" ;;
	404 | 405) say "demo article: imported as $id; publishing skipped (POST .../$id/publish is not there yet)" ;;
	*) say "demo article: imported as $id; publish answered $CODE: $(printf '%s' "$BODY" | head -c 200)" ;;
	esac
}

# demo_call <method> <url> [content type] [body, or @file]: sets CODE and BODY
DEMO_TOKEN=""
CODE=""
BODY=""
demo_call() {
	local out args=(-s -m 30 -w "${NL}%{http_code}" -X "$1")
	[ -z "$DEMO_TOKEN" ] || args+=(-H "Authorization: Bearer $DEMO_TOKEN")
	if [ $# -ge 4 ]; then args+=(-H "Content-Type: $3" --data-binary "$4"); fi
	out=$(curl "${args[@]}" "$2" 2>/dev/null || true)
	CODE=${out##*"$NL"}
	BODY=${out%"$NL"*}
	case "$CODE" in [0-9][0-9][0-9]) ;; *) CODE=000 ;; esac
}

# the first "id" of a JSON object ("" if none)
json_id() {
	printf '%s' "$1" | tr -d '\n' | grep -o '"id" *: *"[^"]*"' | head -n 1 | sed 's/.*: *"\(.*\)"/\1/' || true
}

print_summary() {
	local total=$1 i docs="" u
	printf '\nNews platform is up (%s from the command to all healthy, JDK %s).\n' "$(secs "$total")" "$JDK_VERSION"
	printf '  gateway           http://localhost:8080\n'
	# the public reader website, through the gateway (the site itself answers on 8085)
	printf '  site (home page)  http://localhost:8080/\n'
	# the newsroom's web application, through the gateway's /desk/** route (the desk answers on 8084)
	printf '  desk (newsroom)   http://localhost:8080/desk/ — sign in as journalist/editor with the passwords in ./%s/accounts.env\n' "$IDENTITY_DATA"
	for u in http://localhost:8080/swagger-ui.html http://localhost:8080/v3/api-docs \
		http://localhost:8081/swagger-ui.html http://localhost:8081/v3/api-docs; do
		case "$(http_code "$u")" in 200 | 301 | 302)
			docs=$u
			break
			;;
		esac
	done
	printf '  API docs          %s\n' "${docs:-none served yet (expected at http://localhost:8080/swagger-ui.html)}"
	for i in $INDEXES; do
		printf '  %-17s http://localhost:%s/actuator/health  (app port %s, pid %s)\n' "${NAMES[$i]}" "${MGMT_PORTS[$i]}" "${PORTS[$i]}" "${PIDS[$i]}"
	done
	printf '  logs              %s/<process>.log  (run/latest -> %s)\n' "$RUN_DIR" "$(basename "$RUN_DIR")"
	printf '  config repo       %s  (edit, then POST http://localhost:<mgmt port>/actuator/refresh)\n\n' "${CONFIG_REPO#file:}"
}

# 8. Supervision: the first process that ends stops the rest
supervise() {
	local i
	while :; do
		for i in $INDEXES; do
			if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
				report_exit "$i"
				stop_all
				exit 1
			fi
		done
		training_step
		sleep 1
	done
}

# --stop: what a previous run (killed without a chance to clean up) left running
stop_leftovers() {
	local f=run/latest/pids name pid n=0
	detect_setsid
	if [ ! -f "$f" ]; then
		say "nothing to stop (no run/latest/pids)"
		return 0
	fi
	while read -r name pid; do
		if kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" 2>/dev/null | grep -q 'java'; then
			say "stopping $name (pid $pid)"
			kill -TERM "$pid" 2>/dev/null || true
			PIDS+=("$pid")
			n=$((n + 1))
		fi
	done <"$f"
	local waited=0 alive
	while [ "$n" -gt 0 ]; do
		alive=0
		for pid in "${PIDS[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive=1; fi; done
		[ "$alive" = 1 ] || break
		if [ "$waited" -ge $((STOP_GRACE * 5)) ]; then
			for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
			break
		fi
		sleep 0.2
		waited=$((waited + 1))
	done
	mv -f "$f" "$f.stopped"
	say "stopped $n process(es)"
}

# ---------------------------------------------------------------------------------------------
main() {
	local rebuild=0 arg
	for arg in "$@"; do
		case "$arg" in
		--rebuild) rebuild=1 ;;
		--stop)
			stop_leftovers
			exit 0
			;;
		-h | --help)
			usage
			exit 0
			;;
		*)
			usage >&2
			exit 2
			;;
		esac
	done
	START_MS=$(now_ms)
	# a signal ignored when the shell started cannot be trapped (a background job of another script
	# starts with SIGINT ignored): then only TERM stops this run cleanly
	case "$(trap -p INT)" in *"''"*) say "note: started with SIGINT ignored; stop this run with: kill -TERM $$" ;; esac
	trap on_exit EXIT
	trap 'on_signal INT' INT
	trap 'on_signal TERM' TERM
	trap 'on_signal HUP' HUP

	check_ports
	local ts
	ts=$(date +%Y%m%d-%H%M%S)
	RUN_DIR="run/$ts" # the working directory is always the repository root
	[ ! -e "$RUN_DIR" ] || RUN_DIR="$RUN_DIR-$$"
	mkdir -p "$RUN_DIR"
	ln -sfn "$(basename "$RUN_DIR")" run/latest
	prune_runs
	: >"$RUN_DIR/pids"

	detect_setsid
	pick_jdk
	ARCHIVE_KIND=$(archive_kind)
	case "$TRAIN_MODE" in background | before) ;; *) die "RUN_LOCAL_TRAIN must be background or before (is '$TRAIN_MODE')" ;; esac
	build_if_needed "$rebuild"
	check_ports # again: a build can take minutes
	CONFIG_REPO="file:$ROOT/config/src/main/resources/config-repo/"
	export CONFIG_REPO
	local flags
	flags=$(jvm_flags)
	say "JVM flags: ${flags:-(JVM defaults)}${JAVA_OPTS+ (from JAVA_OPTS)}; class-data archive: $ARCHIVE_KIND"
	prepare_layouts

	# from here on, the shell's own messages (bash reports a child killed by a signal as
	# "line N: PID Killed ...") go to the run log; the console keeps the progress lines
	exec 2>>"$RUN_DIR/run-local.log"

	# 4. stage by stage (STAGES): the config server, then identity, then the others together
	local stage=0 last=0 i members
	for i in $INDEXES; do
		if [ "${STAGES[$i]}" -gt "$last" ]; then last=${STAGES[$i]}; fi
	done
	while [ "$stage" -le "$last" ]; do
		members=""
		for i in $INDEXES; do
			if [ "${STAGES[$i]}" = "$stage" ]; then members="$members $i"; fi
		done
		stage=$((stage + 1))
		[ -n "$members" ] || continue
		# shellcheck disable=SC2086 # a list of indexes
		[ "$TRAIN_MODE" != before ] || train_now $members
		for i in $members; do start_process "$i"; done
		# shellcheck disable=SC2086 # a list of indexes
		wait_healthy $members
		for i in $members; do
			if [ "${NAMES[$i]}" = identity ] && [ ! -f "$IDENTITY_DATA/client-secrets.env" ]; then
				say "warning: identity wrote no $IDENTITY_DATA/client-secrets.env: the services start without client secrets and cannot get service tokens"
			fi
		done
	done

	local total
	total=$(($(now_ms) - START_MS))
	say "all healthy $(secs "$total") after the command"
	print_summary "$total"
	print_accounts
	write_tokens
	import_demo_article
	printf 'Ctrl-C stops everything.\n\n'
	queue_training
	supervise
}

main "$@"

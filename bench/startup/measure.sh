#!/usr/bin/env bash
# Start-up time and memory of ./run-local.sh, in a scratch copy of this working tree (so the
# measurement never touches your ./data or ./run):
#
#   bench/startup/measure.sh                 all scenarios: fresh cold warm demo seeded
#   bench/startup/measure.sh warm seeded     only these
#
# Scenarios (each one a real ./run-local.sh, started in the background and stopped with SIGINT,
# exactly as Ctrl-C would):
#   fresh   no jars, no data: build + extract + train + start (Maven cache as it is)
#   cold    jars built, no data/ at all: extract + train the class-data archives + start
#   warm    jars built, caches present (repeated REPEAT times)
#   demo    a run that may import the demo article, then a measured run after it
#   seeded  10,000 article-like documents (~5 KB each) inserted with insertMany per 1,000 into the
#           article service's embedded MongoDB (H2 file), then REPEAT measured restarts
# Each measured run: time from the command to all six /actuator/health = 200 (this script's own
# clock, and the run command's own figure), VmRSS of every JVM right then and after LOAD_SECONDS
# of load (wrk -t1 -c4 on the gateway if wrk is installed, plus a curl loop on every service's
# API, health and prometheus endpoints once a second), the time SIGINT takes to stop everything,
# and a ps check that no JVM is left.
#
# Environment: REPEAT (default 3), LOAD_SECONDS (default 60; 0 = no load), BENCH_DIR (default
# ${TMPDIR:-/tmp}/news-platform-startup-bench), KEEP=1 keeps BENCH_DIR afterwards, SEED_COUNT
# (default 10000), BENCH_SOURCE=worktree|HEAD (what to measure: the working tree as it is, or the
# last commit with this working tree's run command laid over it). JAVA_HOME and JAVA_OPTS are
# passed on to ./run-local.sh.
# Results: printed, and appended to bench/startup/results/<yyyyMMdd-HHmmss>.md.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd -P)
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/news-platform-startup-bench}
REPEAT=${REPEAT:-3}
LOAD_SECONDS=${LOAD_SECONDS:-60}
SEED_COUNT=${SEED_COUNT:-10000}
BENCH_SOURCE=${BENCH_SOURCE:-worktree}
# the run command's processes in its start order: config server, identity, article, media, comment, gateway
MGMT_PORTS=(9888 9086 9081 9082 9083 9080)
APP_PORTS=(8888 8086 8081 8082 8083 8080)
RESULTS="$REPO/bench/startup/results/$(date +%Y%m%d-%H%M%S).md"
SCRIPT_PID=""
TREE="" # what was measured: @<commit> or @<commit>+worktree, shown with each run

log() { printf 'measure: %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
now_ms() {
	local n
	n=$(date +%s%N 2>/dev/null || true)
	case "$n" in
	*N | "") perl -MTime::HiRes=time -e 'printf "%d\n", time * 1000' ;;
	*) echo $((n / 1000000)) ;;
	esac
}
secs() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }
rss_mib() { awk '/^VmRSS:/{printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || printf '-'; }

cleanup() {
	if [ -n "$SCRIPT_PID" ] && kill -0 "$SCRIPT_PID" 2>/dev/null; then
		kill -INT "$SCRIPT_PID" 2>/dev/null || true
		wait "$SCRIPT_PID" 2>/dev/null || true
	fi
	if [ "${KEEP:-0}" != 1 ]; then rm -rf -- "$BENCH_DIR" "$BENCH_DIR.build.log"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# the tree to measure: BENCH_SOURCE=worktree (default) copies tracked and untracked files, not
# what .gitignore ignores (target/, data/, run/); BENCH_SOURCE=HEAD takes the last commit and lays
# this working tree's run command, key tool and bench scripts over it. with_jars=1 then builds the
# jars in the copy (not timed; for HEAD cached per commit beside BENCH_DIR)
make_copy() {
	local with_jars=$1 commit jars_cache=""
	rm -rf -- "$BENCH_DIR"
	mkdir -p "$BENCH_DIR"
	if [ "$BENCH_SOURCE" = HEAD ]; then
		commit=$(cd "$REPO" && git rev-parse HEAD)
		(cd "$REPO" && git archive HEAD) | (cd "$BENCH_DIR" && tar -xf -)
		(cd "$REPO" && tar -cf - run-local.sh tools/tokens bench/startup/measure.sh bench/startup/SeedArticles.java) |
			(cd "$BENCH_DIR" && tar -xpf -)
		jars_cache="$BENCH_DIR.jars/$commit"
		TREE="@$(git -C "$REPO" rev-parse --short "$commit")"
	else
		# tracked files deleted in the working tree are listed too: leave them out (tar would fail)
		(cd "$REPO" && git ls-files -co --exclude-standard -z |
			while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done |
			tar --null -T - -cf -) | (cd "$BENCH_DIR" && tar -xpf -)
		TREE="@$(git -C "$REPO" rev-parse --short HEAD)+worktree"
	fi
	[ "$with_jars" = 1 ] || return 0
	local m
	if [ -n "$jars_cache" ] && [ -d "$jars_cache" ]; then
		for m in config identity gateway article-service media-service comment-service; do
			mkdir -p "$BENCH_DIR/$m/target"
			cp -p "$jars_cache/$m/"*.jar "$BENCH_DIR/$m/target/"
		done
		return 0
	fi
	log "building the jars in the copy (not timed)"
	if ! (cd "$BENCH_DIR" && ./mvnw -q -B -Dmaven.test.skip=true package) >"$BENCH_DIR.build.log" 2>&1; then
		tail -n 30 "$BENCH_DIR.build.log" >&2
		exit 1
	fi
	if [ -n "$jars_cache" ]; then
		for m in config identity gateway article-service media-service comment-service; do
			mkdir -p "$jars_cache/$m"
			cp -p "$BENCH_DIR/$m/target/"*-0.1.0-SNAPSHOT.jar "$jars_cache/$m/"
		done
	fi
}

code_of() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true; }

all_healthy() {
	local p
	for p in "${MGMT_PORTS[@]}"; do
		[ "$(code_of "http://127.0.0.1:$p/actuator/health")" = 200 ] || return 1
	done
}

# UP_CHECK=live: each process healthy or at least live (/actuator/health/liveness 200). Used with
# seeded data: the article service's health is DOWN while its database exists (Boot's Mongo
# health indicator sends 'hello', which mongo-java-server 1.47 does not know), so run-local.sh
# never sees it healthy; the start-up time is then the time to live.
all_up() {
	[ "${UP_CHECK:-health}" = live ] || {
		all_healthy
		return
	}
	local p
	for p in "${MGMT_PORTS[@]}"; do
		[ "$(code_of "http://127.0.0.1:$p/actuator/health")" = 200 ] ||
			[ "$(code_of "http://127.0.0.1:$p/actuator/health/liveness")" = 200 ] || return 1
	done
}

health_codes() {
	local p out=""
	for p in "${MGMT_PORTS[@]}"; do out="$out $(code_of "http://127.0.0.1:$p/actuator/health")"; done
	printf '%s' "${out# }"
}

# starts ./run-local.sh in the background with SIGINT at its default disposition: a shell starts
# background jobs with SIGINT ignored, and a signal ignored on entry cannot be trapped, so without
# this reset the run command would not see the SIGINT this script sends (Ctrl-C semantics)
start_platform() {
	local out=$1
	(cd "$BENCH_DIR" && exec perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "exec: $!\n"' ./run-local.sh) >"$out" 2>&1 &
	SCRIPT_PID=$!
}

# SIGINT, as Ctrl-C would send; TERM after 60 s if the run command is still there
stop_platform() {
	local t0 rc=0 n=0
	t0=$(now_ms)
	kill -INT "$SCRIPT_PID"
	while kill -0 "$SCRIPT_PID" 2>/dev/null && [ "$n" -lt 600 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	if kill -0 "$SCRIPT_PID" 2>/dev/null; then
		log "run-local.sh still running 60 s after SIGINT; sending TERM"
		kill -TERM "$SCRIPT_PID"
	fi
	wait "$SCRIPT_PID" || rc=$?
	SCRIPT_PID=""
	STOP_MS=$(($(now_ms) - t0))
	STOP_RC=$rc
}

# prints the JVMs of the run that are still alive ("" if none)
leftovers() {
	local f name pid left=""
	for f in "$BENCH_DIR/run/latest/pids" "$BENCH_DIR/run/latest/pids.stopped"; do
		[ -f "$f" ] || continue
		while read -r name pid; do
			if ps -p "$pid" >/dev/null 2>&1; then left="$left $name:$pid"; fi
		done <"$f"
	done
	# any JVM started from the bench copy's cache, whoever its parent
	local stray
	stray=$(pgrep -f 'java.*data/jvm-cache' | wc -l | tr -d ' ')
	[ "$stray" = 0 ] || left="$left (ps: $stray java processes with data/jvm-cache in their command line)"
	printf '%s' "$left"
}

load() {
	local seconds=$1 end wrk_pid="" p
	[ "$seconds" -gt 0 ] || return 0
	WRK=""
	if have wrk; then
		wrk -t1 -c4 -d"${seconds}s" --latency http://127.0.0.1:8080/api/v1/articles >"$BENCH_DIR/wrk.out" 2>&1 &
		wrk_pid=$!
	fi
	end=$(($(date +%s) + seconds))
	while [ "$(date +%s)" -lt "$end" ]; do
		for p in "${MGMT_PORTS[@]}"; do
			curl -s -o /dev/null -m 5 "http://127.0.0.1:$p/actuator/prometheus" || true
			curl -s -o /dev/null -m 5 "http://127.0.0.1:$p/actuator/health" || true
		done
		for p in 8081/api/v1/articles 8082/api/v1/media 8083/api/v1/comments 8080/api/v1/media 8080/api/v1/comments \
			8086/oauth2/jwks 8086/.well-known/openid-configuration; do
			curl -s -o /dev/null -m 5 "http://127.0.0.1:$p" || true
		done
		sleep 1
	done
	if [ -n "$wrk_pid" ]; then
		wait "$wrk_pid" || true
		WRK=$(awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} END{printf "wrk %.0f req/s, p50 %s, p99 %s", r, p50, p99}' "$BENCH_DIR/wrk.out")
	fi
}

data_size() {
	local d=$BENCH_DIR/data/article-service/mongodb.mv.db
	if [ -f "$d" ]; then du -h "$d" | awk '{print $1}'; else echo "none"; fi
}

# on a shared machine another benchmark may hold one of the ports for a while: wait for it
# (at most PORT_WAIT seconds, default 1800) rather than fail the run
wait_ports_free() {
	local p busy waited=0 said=""
	while :; do
		busy=""
		for p in "${APP_PORTS[@]}" "${MGMT_PORTS[@]}"; do
			if [ "$(code_of "http://127.0.0.1:$p/")" != 000 ]; then busy="$busy $p"; fi
		done
		[ -n "$busy" ] || return 0
		if [ "$said" != "$busy" ]; then
			log "waiting for port(s)$busy to be free (another process uses them)"
			said=$busy
		fi
		[ "$waited" -lt "${PORT_WAIT:-1800}" ] || {
			log "ports still taken after ${PORT_WAIT:-1800} s"
			return 1
		}
		sleep 5
		waited=$((waited + 5))
	done
}

# one measured run; appends a row to the results
measure_run() {
	local label=$1 out t0 t_own reported i pid rss0="" rss1="" jdk
	out="$BENCH_DIR/run-local.$(date +%H%M%S).out"
	wait_ports_free
	log "run: $label"
	local load1
	load1=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load averages*: *\([0-9.]*\).*/\1/')
	t0=$(now_ms)
	start_platform "$out"
	while ! all_up; do
		if ! kill -0 "$SCRIPT_PID" 2>/dev/null; then
			log "run-local.sh ended before everything was healthy:"
			tail -n 30 "$out" >&2
			wait "$SCRIPT_PID" || true
			SCRIPT_PID=""
			return 1
		fi
		if [ $(($(now_ms) - t0)) -gt 900000 ]; then
			log "not healthy after 900 s"
			return 1
		fi
		sleep 0.1
	done
	t_own=$(($(now_ms) - t0))
	local codes
	codes=$(health_codes)
	# wait for the run command's own summary line (written right after its last health check)
	for i in $(seq 1 50); do grep -q 'all healthy' "$out" && break; sleep 0.1; done
	reported=$(sed -n 's/.*all healthy \([0-9.]*\) s after the command.*/\1/p' "$out" | head -n 1)
	jdk=$(sed -n 's/^run-local: JDK \([^ ]*\) at.*/\1/p' "$out" | head -n 1)
	JDK_HOME_USED=$(sed -n 's/^run-local: JDK [^ ]* at \(.*\) (.*/\1/p' "$out" | head -n 1)
	PIDS=()
	local name
	while read -r name pid; do
		case "$name" in training-*) ;; *) PIDS+=("$pid") ;; esac
	done <"$BENCH_DIR/run/latest/pids"
	for pid in "${PIDS[@]}"; do rss0="$rss0 $(rss_mib "$pid")"; done
	WRK=""
	load "$LOAD_SECONDS"
	for pid in "${PIDS[@]}"; do rss1="$rss1 $(rss_mib "$pid")"; done
	local ups
	ups=$(sed -n 's/^run-local: \([a-z-]*\) UP in \([0-9.]*\) s/\1 \2/p' "$out" | awk '{printf "%s%s", (NR>1?" ":""), $2}')
	stop_platform
	local left
	left=$(leftovers)
	local h2open
	h2open=$(sed -n 's/.*Embedded MongoDB.*started in \([0-9]*\) ms.*/\1/p' "$BENCH_DIR/run/latest/article-service.log" | tail -n 1)
	local demo
	demo=$(sed -n 's/^run-local: demo article: //p' "$out" | head -n 1)
	printf '| %s | %s | %s | %s (open %s ms) | %s | %s | %s | %s |%s |%s | %s | %s s (rc %s) | %s |\n' \
		"$label $TREE" "$load1" "JDK $jdk" "$(data_size)" "${h2open:-?}" "$(secs "$t_own")" "$codes" "${reported:-?}" "$ups" "$rss0" "$rss1" \
		"${WRK:-curl loop}" "$(secs "$STOP_MS")" "$STOP_RC" "${left:-none}" | tee -a "$RESULTS"
	[ -z "$demo" ] || log "demo article: $demo"
}

seed() {
	local out=$BENCH_DIR/seed.out uri lib
	wait_ports_free
	log "seeding $SEED_COUNT documents"
	start_platform "$out"
	local t0
	t0=$(now_ms)
	until all_healthy; do
		kill -0 "$SCRIPT_PID" 2>/dev/null || {
			tail -n 30 "$out" >&2
			return 1
		}
		sleep 0.2
	done
	uri=$(grep -o 'Embedded MongoDB.*listening on mongodb://[0-9.:]*' "$BENCH_DIR/run/latest/article-service.log" | sed 's/.*listening on //' | tail -n 1)
	[ -n "$uri" ] || {
		log "no 'Embedded MongoDB ... listening on' line in the article service's log"
		return 1
	}
	for lib in "$BENCH_DIR"/data/jvm-cache/article-service/*/app/lib; do break; done
	local java=java
	[ -z "${JDK_HOME_USED:-}" ] || java="$JDK_HOME_USED/bin/java"
	if ! "$java" -cp "$lib/*" "$REPO/bench/startup/SeedArticles.java" "$uri" articles bench_articles "$SEED_COUNT" 1000 >"$BENCH_DIR/seed.log" 2>&1; then
		tail -n 30 "$BENCH_DIR/seed.log" >&2
		return 1
	fi
	grep '^seeded' "$BENCH_DIR/seed.log" | tee -a "$RESULTS"
	stop_platform
	printf '\n' >>"$RESULTS"
	log "H2 file of the article service after seeding: $(data_size)"
}

header() {
	local tree_note="the working tree with its uncommitted changes"
	[ "$BENCH_SOURCE" != HEAD ] || tree_note="the last commit, with the working tree's run-local.sh laid over it"
	mkdir -p "$(dirname "$RESULTS")"
	{
		printf '# Start-up measurements, %s\n\n' "$(date '+%Y-%m-%d %H:%M %Z')"
		printf 'Machine: %s cores, %s MiB RAM, %s. MongoDB: embedded (mongo-java-server, H2 file backend). ' \
			"$(nproc 2>/dev/null || sysctl -n hw.ncpu)" "$(awk '/MemTotal/{printf "%d", $2/1024}' /proc/meminfo 2>/dev/null || echo '?')" "$(uname -sr)"
		printf 'JVM flags: %s. Load: %s s. JAVA_HOME: %s.\n' "${JAVA_OPTS-run-local.sh defaults}" "$LOAD_SECONDS" "${JAVA_HOME:-not set (run-local.sh picks)}"
		# shellcheck disable=SC2016 # backquotes are Markdown here
		printf 'Command: `%s`. Measured tree: a copy in %s of %s (the commit is shown with each run).\n\n' "bench/startup/measure.sh $*" "$BENCH_DIR" "$tree_note"
		printf 'Columns: load1 = the 1-minute load average just before the run (other work on the machine); to healthy = from the command to all six /actuator/health 200 (measure.sh clock | run-local.sh clock; seeded runs: to all live, see health codes); UP = each process from its own start (config, identity, article, media, comment, gateway); RSS (MiB, VmRSS) in the same order, right after start and after the load.\n\n'
		printf '| run | load1 before | JDK | article H2 file | to healthy (s) | health codes then | reported (s) | UP (s) | RSS start | RSS after load | load (gateway) | stop | left running |\n'
		printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
	} | tee "$RESULTS"
}

main() {
	local scenarios=("$@") s i
	[ ${#scenarios[@]} -gt 0 ] || scenarios=(fresh cold warm demo seeded)
	have curl || {
		log "needs curl"
		exit 1
	}
	header "$@"
	for s in "${scenarios[@]}"; do
		case "$s" in
		fresh)
			make_copy 0
			measure_run "fresh (build+train)"
			;;
		cold)
			for i in $(seq 1 "$REPEAT"); do
				if [ "$i" = 1 ] || [ ! -d "$BENCH_DIR/config" ]; then make_copy 1; fi
				rm -rf -- "$BENCH_DIR/data" "$BENCH_DIR/run"
				measure_run "cold $i (train)"
			done
			;;
		warm)
			[ -d "$BENCH_DIR/data/jvm-cache" ] || {
				make_copy 1
				measure_run "cold (makes caches)"
			}
			for i in $(seq 1 "$REPEAT"); do measure_run "warm $i"; done
			;;
		demo)
			[ -d "$BENCH_DIR/data/jvm-cache" ] || {
				make_copy 1
				measure_run "cold (makes caches)"
			}
			rm -rf -- "$BENCH_DIR/data/article-service"
			measure_run "demo import run"
			measure_run "after demo import"
			;;
		seeded)
			[ -d "$BENCH_DIR/data/jvm-cache" ] || {
				make_copy 1
				measure_run "cold (makes caches)"
			}
			seed
			for i in $(seq 1 "$REPEAT"); do UP_CHECK=live measure_run "seeded $SEED_COUNT docs $i"; done
			;;
		*)
			log "unknown scenario '$s' (fresh cold warm demo seeded)"
			exit 2
			;;
		esac
	done
	log "results: $RESULTS"
}

main "$@"

#!/usr/bin/env bash
# Gateway benchmark: the same 5 KB article fetched directly from the backend, through the gateway
# and through nginx proxy_pass, in the same run, at 32 connections (wrk -t2 -c32), for
#   pass  - a response the gateway may not cache (Cache-Control: no-cache): every request proxied
#   cached - a published article (Cache-Control: public, max-age=1, stale-if-error=60): the
#            gateway answers from its response cache (nginx here has no cache: pure proxy)
#
#   ./bench/gateway/run.sh            (from the repository root; DURATION=10s ROUNDS=3 by default)
#
# Needs: a JDK (Temurin 25 if present, as the run command picks), wrk and nginx (installed with
# apt-get when missing and allowed), the gateway jar (built with `./mvnw -pl gateway -am package
# -DskipTests` when missing). The backend is a stub (bench/gateway/StubArticleBackend.java) so the
# figures measure the proxies, not MongoDB. Results: printed, and written to bench/gateway/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
cd "$ROOT"
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-20s}
BACKEND_PORT=${BACKEND_PORT:-18081}
GATEWAY_PORT=${GATEWAY_PORT:-18080}
GATEWAY_MGMT_PORT=${GATEWAY_MGMT_PORT:-19080}
NGINX_PORT=${NGINX_PORT:-18090}

say() { printf 'bench-gateway: %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

install_if_missing() { # command package
	have "$1" && return 0
	if have apt-get && [ "$(id -u)" = 0 ]; then
		say "installing $2 with apt-get"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
	else
		say "ERROR: $1 is missing (install the $2 package)"
		exit 1
	fi
}
install_if_missing wrk wrk
install_if_missing nginx nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

JAVA_HOME_BENCH=${BENCH_JAVA_HOME:-}
if [ -z "$JAVA_HOME_BENCH" ]; then
	for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 "${JAVA_HOME:-}"; do
		if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then JAVA_HOME_BENCH=$candidate; break; fi
	done
fi
JAVA=${JAVA_HOME_BENCH:+$JAVA_HOME_BENCH/bin/}java
JDK_VERSION=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2}')

JAR=$(ls -t gateway/target*/gateway-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ]; then
	say "building the gateway jar"
	./mvnw -B -q -pl gateway -am package -DskipTests
	JAR=$(ls -t gateway/target/gateway-*.jar | head -1)
fi

WORK=$(mktemp -d /tmp/bench-gateway.XXXXXX)
PIDS=()
cleanup() {
	for pid in ${PIDS[@]+"${PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url
	for _ in $(seq 1 240); do
		curl -fs -o /dev/null "$1" && return 0
		sleep 0.5
	done
	say "ERROR: $1 did not answer; logs in $WORK"
	exit 1
}

LOAD_AT_START=$(cut -d" " -f1-3 /proc/loadavg)
say "JDK $JDK_VERSION, jar $JAR, work dir $WORK"
# a copy, so that a rebuild during the run does not change the jar under the running JVM
cp "$JAR" "$WORK/gateway.jar"
"$JAVA" bench/gateway/StubArticleBackend.java "$BACKEND_PORT" >"$WORK/backend.log" 2>&1 &
PIDS+=($!)

# the bench profile raises the rate limits. Every request here is anonymous, so the gateway never
# validates a token and needs no identity: its JWKS URI (the local profile's, identity on 8086) is
# only fetched for the first bearer token, and none comes.
(cd "$WORK" && exec "$JAVA" -Xms256m -Xmx512m -jar "$WORK/gateway.jar" \
	--spring.profiles.active=local,bench \
	--spring.cloud.config.enabled=false \
	--spring.config.name=application,gateway \
	--spring.config.additional-location="file:$ROOT/config/src/main/resources/config-repo/" \
	--server.port="$GATEWAY_PORT" --management.server.port="$GATEWAY_MGMT_PORT" \
	--platform.upstreams.article-service="http://127.0.0.1:$BACKEND_PORT" \
	>"$WORK/gateway.log" 2>&1) &
PIDS+=($!)

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx/body;
	proxy_temp_path $WORK/nginx/proxy;
	fastcgi_temp_path $WORK/nginx/fastcgi;
	uwsgi_temp_path $WORK/nginx/uwsgi;
	scgi_temp_path $WORK/nginx/scgi;
	upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
	server {
		listen 127.0.0.1:$NGINX_PORT;
		location / {
			proxy_pass http://backend;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
		}
	}
}
NGINX
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)

wait_for "http://127.0.0.1:$BACKEND_PORT/api/v1/articles/pass"
wait_for "http://127.0.0.1:$NGINX_PORT/api/v1/articles/pass"
wait_for "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/pass"
say "all up; cache check: $(curl -s -o /dev/null -D - "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/cached" >/dev/null; curl -s -o /dev/null -D - "http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/cached" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache"{print $2}')"

declare -A URLS=(
	[direct-pass]="http://127.0.0.1:$BACKEND_PORT/api/v1/articles/pass"
	[nginx-pass]="http://127.0.0.1:$NGINX_PORT/api/v1/articles/pass"
	[gateway-pass]="http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/pass"
	[direct-cached]="http://127.0.0.1:$BACKEND_PORT/api/v1/articles/cached"
	[nginx-cached]="http://127.0.0.1:$NGINX_PORT/api/v1/articles/cached"
	[gateway-cached]="http://127.0.0.1:$GATEWAY_PORT/api/v1/articles/cached"
)
ORDER=(direct-pass nginx-pass gateway-pass direct-cached nginx-cached gateway-cached)

say "warm-up (JIT, connection pools): $WARMUP per target"
for target in "${ORDER[@]}"; do wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${URLS[$target]}" >/dev/null; done

RESULTS="$WORK/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
	for target in "${ORDER[@]}"; do
		out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${URLS[$target]}")
		rps=$(printf '%s\n' "$out" | awk '/Requests\/sec/{print $2}')
		p50=$(printf '%s\n' "$out" | awk '$1=="50%"{print $2}')
		p99=$(printf '%s\n' "$out" | awk '$1=="99%"{print $2}')
		errors=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/{print}' | tr '\n' ' ')
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$target" "$rps" "$p50" "$p99" "$errors" >>"$RESULTS"
		say "round $round $target: $rps req/s, p50 $p50, p99 $p99 $errors"
	done
done

mkdir -p bench/gateway/results
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
REPORT="bench/gateway/results/$STAMP.md"
{
	echo "# Gateway benchmark, $STAMP"
	echo
	echo "JDK $JDK_VERSION (gateway and stub backend; gateway -Xms256m -Xmx512m, profiles local,bench, access log on);"
	echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), proxy_pass with upstream keepalive 64, access_log off;"
	echo "MongoDB: none (stub backend, one 5 KB JSON article from memory); $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
	echo "load generator on the same machine: wrk -t2 -c$CONNECTIONS -d$DURATION --latency, $ROUNDS rounds after a $WARMUP warm-up per target; machine load average at start: $LOAD_AT_START."
	echo
	echo "| round | target | req/s | p50 | p99 | errors |"
	echo "|---|---|---|---|---|---|"
	awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$RESULTS"
} >"$REPORT"
cat "$REPORT"
say "written to $REPORT"

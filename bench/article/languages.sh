#!/usr/bin/env bash
# Issue 16's language targets, on the article search index alone (Lucene, no HTTP, no MongoDB):
#
#   bench/article/languages.sh [articles] [rounds]      (default 100000 and 3)
#
# Builds article-service's test classes (LanguageBenchmark, test sources) and runs it on the JDK the
# run command picks: the same generated articles (80 % Croatian, 15 % English, 5 % German, one in
# ten unpublished) indexed twice in one process, with each article's own language (what the service
# runs) and with every article analysed as Croatian (the analysis before issue 16); then, alternating
# between the two, 3,000 two-word queries of the same language mix (20 hits with snippets) and
# related stories (MoreLikeThis, limit 5, never cached here) of 2,000 random published articles,
# single-threaded. Goals: related stories p99 < 20 ms uncached; search with the language analyzers no
# slower than the Croatian-only analysis in the same run.
# PROFILE=1 records the run with JFR (settings=profile) and prints the top frames of the samples.
# Writes bench/article/results/<date>T<hhmm>-languages-<N>.md and prints it.
set -euo pipefail

N="${1:-100000}"
ROUNDS="${2:-3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/article"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC -Xmx1g}"
. "$ROOT/bench/common.sh"
bench_tmp article-languages

log "compiling article-service's test classes and writing their class path"
(cd "$ROOT" && ./mvnw -B -q -pl article-service -am test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test) >&2
CP="$ROOT/article-service/target/test-classes:$ROOT/article-service/target/classes:$(cat "$ROOT/article-service/target/test-classpath.txt")"
JFR_OPTS=()
if [[ "${PROFILE:-0}" == 1 ]]; then
	JFR_OPTS=("-XX:+FlightRecorder" "-XX:StartFlightRecording=settings=profile,filename=$TMP/languages.jfr")
fi
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
STARTED="$(date -u +%H:%M)"
log "running LanguageBenchmark $N $ROUNDS ($JDK_LABEL, $JAVA_OPTS), load $LOAD_START"
# shellcheck disable=SC2086
(cd "$ROOT/article-service" && "$JAVA" $JAVA_OPTS "${JFR_OPTS[@]}" -cp "$CP" \
	news.platform.article.search.LanguageBenchmark "$N" "$ROUNDS") | tee "$TMP/out.txt" >&2
PROFILE_TXT=""
if [[ -s "$TMP/languages.jfr" ]]; then
	PROFILE_TXT="$(jfr_summary "$TMP/languages.jfr" '(news\.platform|lucene\.search|mlt)')"
fi
DATE="$(date -u +%Y-%m-%dT%H%M)"
mkdir -p "$HERE/results"
OUT="$HERE/results/$DATE-languages-$N.md"
{
	echo "# article search: languages (issue 16), $N articles, $DATE"
	echo
	echo "- command: \`bench/article/languages.sh $N $ROUNDS\`; started $STARTED UTC, written $(date -u +%H:%M) UTC"
	echo "- JDK: $JDK_LABEL; JVM flags: \`$JAVA_OPTS\`"
	echo "- what: the Lucene index alone (\`LanguageBenchmark\`, test sources), single-threaded, no HTTP and no MongoDB; both analyses built and measured in this one process, alternating"
	echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), shared with other builds and benchmarks; load average before $LOAD_START, after $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min); \`uptime\`: $(uptime)"
	echo "- commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- article-service || echo ' (with uncommitted article-service changes)')"
	echo
	echo '```'
	cat "$TMP/out.txt"
	echo '```'
	if [[ -n "$PROFILE_TXT" ]]; then
		echo
		echo "## JFR profile of the whole run (settings=profile, jdk.ExecutionSample)"
		echo
		echo '```'
		echo "$PROFILE_TXT"
		echo '```'
	fi
} >"$OUT"
cat "$OUT"
log "written $OUT"

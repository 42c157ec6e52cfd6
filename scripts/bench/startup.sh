#!/usr/bin/env bash
# Start-up time with the embedded database: scripts/bench/startup.sh
#
# Extracts the jar (java -Djarmode=tools), then prints "Started Steadfast in X seconds" for:
# the very first start (creates and migrates the H2 database), a plain restart, and a
# restart with class data sharing (CDS): a training run with -Dspring.context.exit=onRefresh
# writes target/startup/steadfast.jsa, and -XX:SharedArchiveFile uses it. Run the app the same
# way in production to get the CDS figure:
#   java -XX:SharedArchiveFile=steadfast.jsa -jar steadfast-0.1.0-SNAPSHOT.jar
# The archive must be made with the same JDK and the same jar (make it again after a build).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/steadfast-*.jar >/dev/null 2>&1; then
	mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi
JAR=$(ls target/steadfast-*.jar | grep -v plain | head -1)
DIR=target/startup
rm -rf "$DIR" && mkdir -p "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null
APP=$(ls "$DIR"/app/*.jar | head -1)
cd "$DIR"

RUN=0
start() { # label, java options...
	local label=$1
	shift
	RUN=$((RUN + 1))
	local log=start-$RUN.log
	: > "$log"
	java "$@" -jar "$(basename "$(dirname "$APP")")/$(basename "$APP")" --server.port=0 > "$log" 2>&1 &
	local pid=$!
	for i in $(seq 1 240); do
		grep -q "Started Steadfast in" "$log" && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.5
	done
	printf '%-34s %s\n' "$label" "$(grep -o 'Started Steadfast in [0-9.]* seconds' "$log" || echo "did not start, see target/startup/$log")"
	kill $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	# Let the database file go before the next start.
	sleep 3
}

read -r LOAD1 _ < /proc/loadavg
echo "Start-up with the embedded H2 database ($(nproc) cores, load average $LOAD1):"
start "first start (creates the database)"
start "restart"
java -XX:ArchiveClassesAtExit=steadfast.jsa -Dspring.context.exit=onRefresh \
	-jar "$(basename "$(dirname "$APP")")/$(basename "$APP")" > training.log 2>&1 || true
start "restart with CDS" -XX:SharedArchiveFile=steadfast.jsa
start "restart with CDS, lazy beans" -XX:SharedArchiveFile=steadfast.jsa -Dspring.main.lazy-initialization=true

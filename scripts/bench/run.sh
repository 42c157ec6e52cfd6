#!/usr/bin/env bash
# Load benchmark of Steadfast at practice scale, in one command: scripts/bench/run.sh
#
# Generates a practice (seed 42, 1,000 clients, two years; scripts/bench/generate.sh, from the
# test tree) into the PostgreSQL database steadfast_bench on 127.0.0.1:5432 (user postgres,
# trust) unless it is already there,
# starts the app jar with -Xmx256m on port 8181 against it, checks the machine is idle,
# warms up, signs many users in (curl: session cookie and CSRF token per user), and drives
# each page at 32 connections with wrk. Prints requests/s, p50 and p99 per page, the app's
# CPU time per request and its RSS, and a small static file as the machine's ceiling.
#
# The practice's text is sealed with target/bench/keyset.json: keep it with the database (a
# database generated with another keyset cannot be read; drop it and run again).
#
# Settings (environment): BENCH_DB (steadfast_bench), BENCH_PORT (8181), BENCH_DURATION
# (20s per page), BENCH_WARMUP (60 seconds), BENCH_USERS (48 clients and 48 partners),
# BENCH_SEED (42), BENCH_SCALE (1.0), SKIP_BUILD=1 to use the jar already in target/ (generating
# a practice compiles the tests all the same: the generator is not in the jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DB=${BENCH_DB:-steadfast_bench}
PORT=${BENCH_PORT:-8181}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-60}
USERS=${BENCH_USERS:-48}
SEED=${BENCH_SEED:-42}
SCALE=${BENCH_SCALE:-1.0}
CONNECTIONS=32
WORK=$ROOT/target/bench
BASE=http://127.0.0.1:$PORT
PASSWORD=steady-practice-load-2026
mkdir -p "$WORK"

say() { printf '[bench] %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null; then
	say "installing wrk (Debian package)"
	SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
	$SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/steadfast-*.jar >/dev/null 2>&1; then
	say "building the jar"
	mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
fi
JAR=$(ls target/steadfast-*.jar | grep -v plain | head -1)

if ! psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
	say "creating database $DB"
	psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
fi

APP_ARGS=(--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres
	--spring.datasource.password= --steadfast.encryption.keyset-file=$WORK/keyset.json
	--steadfast.encryption.generate-if-missing=true --steadfast.mail.outbox=$WORK/outbox
	--steadfast.sign-in.max-failures-per-address=1000)

if ! psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT 1 FROM account WHERE email = 'admin.s$SEED@generated.test'" 2>/dev/null | grep -q 1; then
	say "generating the practice of seed $SEED at scale $SCALE (progress below)"
	JAVA_OPTS=-Xmx1g scripts/bench/generate.sh "${APP_ARGS[@]}" --server.port=0 \
		--steadfast.generate.seed=$SEED --steadfast.generate.scale=$SCALE 2>&1 \
		| grep -E "GeneratorConfiguration|ERROR" | sed 's/^.*GeneratorConfiguration *: /[generate] /'
	psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM ANALYZE"
else
	say "the practice of seed $SEED is already in $DB"
	if [ ! -f "$WORK/keyset.json" ]; then
		say "but $WORK/keyset.json, the keyset its text was sealed with, is missing: drop $DB and run again"
		exit 1
	fi
fi

say "starting the app with -Xmx256m on port $PORT"
java -Xmx256m -XX:+UseSerialGC -jar "$JAR" "${APP_ARGS[@]}" --server.port=$PORT > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
	curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
	kill -0 $APP 2>/dev/null || { say "the app stopped; see $WORK/app.log"; exit 1; }
	sleep 1
done
grep -o "Started Steadfast in [0-9.]* seconds" "$WORK/app.log" | sed 's/^/[bench] /' >&2 || true

read -r LOAD1 _ < /proc/loadavg
CORES=$(nproc)
if awk -v l="$LOAD1" -v c="$CORES" 'BEGIN { exit !(l > c * 0.25) }'; then
	say "WARNING: the machine is not idle (load average $LOAD1 on $CORES cores): figures are lower than on a quiet machine"
else
	say "machine idle enough (load average $LOAD1 on $CORES cores)"
fi

# Signs one person in; prints "cookie<TAB>csrf" for the sessions file.
sign_in() {
	local email=$1 jar
	jar=$(mktemp)
	local token
	token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$email" --data-urlencode "password=$PASSWORD" \
		--data-urlencode "_csrf=$token" "$BASE/login"
	token=$(curl -s -c "$jar" -b "$jar" "$BASE/checkins/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
	local session
	session=$(awk '$6 == "STEADFAST_SESSION" { print $7 }' "$jar" | tail -1)
	rm -f "$jar"
	[ -n "$session" ] && [ -n "$token" ] && printf 'STEADFAST_SESSION=%s\t%s\n' "$session" "$token"
}

say "signing in $USERS clients and $USERS partners"
: > "$WORK/clients.tsv"
: > "$WORK/partners.tsv"
n=1; count=0
while [ $count -lt "$USERS" ]; do
	# Clients whose number leaves 0 or 1 modulo 3 have two full years; modulo 5 below 3 have a partner.
	if [ $((n % 3)) -ne 2 ] && [ $((n % 5)) -lt 3 ]; then
		sign_in "$(printf 'client%04d.s%s@generated.test' $n "$SEED")" >> "$WORK/clients.tsv" || true
		sign_in "$(printf 'partner%04d.s%s@generated.test' $n "$SEED")" >> "$WORK/partners.tsv" || true
		count=$((count + 1))
	fi
	n=$((n + 1))
done
say "$(wc -l < "$WORK/clients.tsv") clients and $(wc -l < "$WORK/partners.tsv") partners signed in"
[ -s "$WORK/clients.tsv" ] || { say "nobody could sign in; see $WORK/app.log"; exit 1; }

# A used practice has its completed weeks kept: each user's first view of the progress page
# computes and keeps them (insight_week), which the measured views then read.
say "first view of the progress page for each client (keeps his completed weeks)"
while IFS=$'\t' read -r cookie csrf; do
	curl -s -o /dev/null -m 120 -H "Cookie: $cookie" "$BASE/insights" || true
done < "$WORK/clients.tsv"

ARTICLE=/articles/consistency
CHECKIN_BODY="step=details&words=shame&primary=shame&intensity=6&body=CHEST&trigger=&response=BREATHED&responseNote=&when="

# name|method|path|sessions
PAGES=(
	"static file (231 B)|GET|/images/favicon.svg|"
	"home|GET|/|$WORK/clients.tsv"
	"check-in save (POST)|POST|/checkins/new|$WORK/clients.tsv"
	"progress|GET|/insights|$WORK/clients.tsv"
	"commitments|GET|/commitments|$WORK/clients.tsv"
	"partner's pulse|GET|/couple/pulse|$WORK/partners.tsv"
	"article|GET|$ARTICLE|"
	"consultation form|GET|/consultation|"
)

# Every page must answer before it is timed: a table of fast error pages would be a lie.
for page in "${PAGES[@]}"; do
	IFS='|' read -r name method path sessions <<< "$page"
	cookie=""; csrf=""
	[ -n "$sessions" ] && IFS=$'\t' read -r cookie csrf < "$sessions"
	if [ "$method" = POST ]; then
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" --data "$CHECKIN_BODY&_csrf=$csrf" "$BASE$path")
		want=302
	else
		code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
		want=200
	fi
	if [ "$code" != "$want" ]; then
		say "$name ($method $path) answered $code instead of $want: fix that first (see $WORK/app.log)"
		exit 1
	fi
done
say "every page answers as it should"

drive() { # seconds-or-duration method path sessions -> wrk output
	BENCH_PATH=$3 BENCH_METHOD=$2 BENCH_BODY=$CHECKIN_BODY BENCH_SESSIONS=$4 \
		wrk -t2 -c$CONNECTIONS -d"$1" --latency -s "$ROOT/scripts/bench/bench.lua" "$BASE"
}

say "warming up for ${WARMUP}s over every page"
per=$(( (WARMUP + ${#PAGES[@]} - 1) / ${#PAGES[@]} ))
for page in "${PAGES[@]}"; do
	IFS='|' read -r name method path sessions <<< "$page"
	drive "${per}s" "$method" "$path" "$sessions" > /dev/null
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }
TICK=$(getconf CLK_TCK)
to_ms() { # wrk latency (e.g. 812.00us, 3.40ms, 1.20s) -> ms
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

RESULT=$WORK/result.md
{
	printf '| page | requests/s | p50 ms | p99 ms | errors | CPU ms/request | RSS MB after |\n'
	printf '|---|---:|---:|---:|---:|---:|---:|\n'
} > "$RESULT"
for page in "${PAGES[@]}"; do
	IFS='|' read -r name method path sessions <<< "$page"
	before=$(cpu_ticks)
	out=$(drive "$DURATION" "$method" "$path" "$sessions")
	after=$(cpu_ticks)
	rps=$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")
	total=$(awk '/requests in/ { print $1 }' <<< "$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")
	errors=$(awk '/Non-2xx or 3xx/ { print $5 } /Socket errors/ { print "socket:" $0 }' <<< "$out" | tr '\n' ' ')
	rss=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status")
	cpu=$(awk -v t=$((after - before)) -v k="$TICK" -v n="$total" 'BEGIN { printf "%.2f", (n > 0) ? t * 1000 / k / n : 0 }')
	printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "$cpu" "$rss" >> "$RESULT"
done
read -r LOAD1 _ < /proc/loadavg
echo
echo "Steadfast at practice scale (seed $SEED, scale $SCALE), $CONNECTIONS connections, $DURATION per page, -Xmx256m, $(nproc) cores, load average at the end $LOAD1"
cat "$RESULT"

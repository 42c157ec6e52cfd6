#!/usr/bin/env bash
# SQL injection scan (issue 11, suite 11): starts the built application on 127.0.0.1:8282
# against a fresh database, runs sqlmap with bounded time against the public forms, search and
# a signed-in form, stops the application, prints a summary and fails if sqlmap reports an
# injectable parameter. A target not scanned to the end within its time is reported as a gap
# (and fails the script only with SQLMAP_STRICT=1).
#
#   scripts/security/sqlmap.sh            # reuses target/steadfast-*.jar, builds it if missing
#
# Database: a fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres, as in
# .ci/run) when it answers, else an H2 file database in a temporary folder.
# Environment: SQLMAP_TARGET_SECONDS (default 230) bounds each target; the targets run side by
# side, so it bounds the scan too. The summary is also written to target/sqlmap/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."

PORT=8282
BASE="http://127.0.0.1:${PORT}"
TARGET_SECONDS=${SQLMAP_TARGET_SECONDS:-230}
OUT=target/sqlmap
rm -rf "$OUT" && mkdir -p "$OUT"
WORK=$(mktemp -d)
APP_PID=""
PG_DB=""

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

cleanup() {
	if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID" 2>/dev/null
		for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -9 "$APP_PID" 2>/dev/null
	fi
	if [ -n "$PG_DB" ]; then
		psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)" >/dev/null 2>&1
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

# sqlmap from Debian, never a download.
if ! command -v sqlmap >/dev/null 2>&1; then
	echo "Installing sqlmap"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap >/dev/null
fi

JAR=$(ls target/steadfast-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1)
if [ -z "$JAR" ]; then
	echo "No built jar; building it (tests skipped)"
	mvn -B -q -DskipTests package || exit 2
	JAR=$(ls target/steadfast-*.jar | grep -v -- '-plain\.jar$' | head -n 1)
fi

if curl -s -o /dev/null "$BASE/" 2>/dev/null; then
	echo "Something already answers on $BASE; stop it first." >&2
	exit 2
fi

DB_ARGS=()
if command -v pg_isready >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 -q \
	&& psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE steadfast_sqlmap_$$" >/dev/null 2>&1; then
	PG_DB="steadfast_sqlmap_$$"
	DATABASE="PostgreSQL 127.0.0.1:5432/${PG_DB}"
	DBMS=PostgreSQL
	DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${PG_DB}"
		--spring.datasource.username=postgres --spring.datasource.password=)
else
	DATABASE="H2 file database in ${WORK}"
	DBMS=H2
	DB_ARGS=(--spring.datasource.url="jdbc:h2:file:${WORK}/steadfast;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
fi

echo "Starting $JAR on $BASE ($DATABASE)"
# Throttles are raised so sqlmap sees the real answers, not the "too many tries" one; no mail
# leaves the machine (no SMTP host: messages wait in the temporary outbox).
java -Xmx512m -jar "$JAR" \
	--server.address=127.0.0.1 --server.port="$PORT" \
	"${DB_ARGS[@]}" \
	--steadfast.encryption.keyset-file="${WORK}/keyset.json" --steadfast.encryption.generate-if-missing=true \
	--steadfast.mail.outbox="${WORK}/outbox" \
	--steadfast.sign-in.max-failures-per-account=1000000 --steadfast.sign-in.max-failures-per-address=1000000 \
	--steadfast.consultations.max-per-address=1000000 \
	--db-scheduler.enabled=false \
	>"$OUT/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
	curl -s -o /dev/null -w '%{http_code}' "$BASE/login" 2>/dev/null | grep -q 200 && break
	kill -0 "$APP_PID" 2>/dev/null || break
	sleep 1
done
if ! curl -s -o /dev/null "$BASE/login"; then
	echo "The application did not start; the end of its log:" >&2
	tail -n 40 "$OUT/app.log" >&2
	exit 2
fi

# A signed-in client: sign up through the form, follow the link the application mails (it waits
# in the temporary outbox, as no mail server is set), choose the password there (that signs him
# in) and keep his session cookie.
JAR_FILE="$WORK/cookies.txt"
csrf_of() {
	curl -s -b "$JAR_FILE" -c "$JAR_FILE" "$1" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'
}
SCAN_EMAIL="sqlmap-client@example.org"
SCAN_PASSWORD="steady-oak-river-42"
TOKEN=$(csrf_of "$BASE/signup")
curl -s -o /dev/null -b "$JAR_FILE" -c "$JAR_FILE" --data-urlencode "email=${SCAN_EMAIL}" \
	--data-urlencode "displayName=Scan client" --data-urlencode "password=${SCAN_PASSWORD}" \
	--data-urlencode "path=DOING_THE_WORK" --data-urlencode "_csrf=${TOKEN}" "$BASE/signup"
link_token() {
	python3 - "$WORK/outbox" "$SCAN_EMAIL" <<'PY'
import email, pathlib, re, sys
folder, address = pathlib.Path(sys.argv[1]), sys.argv[2].lower()
for f in sorted(folder.glob("*.eml")) if folder.is_dir() else []:
    message = email.message_from_bytes(f.read_bytes())
    if address not in str(message.get("To", "")).lower():
        continue
    for part in message.walk():
        if part.get_content_maintype() == "text":
            found = re.search(r"/signup/confirm\?token=([A-Za-z0-9_-]+)", part.get_payload(decode=True).decode("utf-8", "replace"))
            if found:
                print(found.group(1))
                sys.exit(0)
PY
}
LINK=""
for _ in $(seq 1 30); do
	LINK=$(link_token)
	[ -n "$LINK" ] && break
	sleep 1
done
if [ -n "$LINK" ]; then
	TOKEN=$(csrf_of "$BASE/signup/confirm?token=${LINK}")
	curl -s -o /dev/null -b "$JAR_FILE" -c "$JAR_FILE" --data-urlencode "token=${LINK}" \
		--data-urlencode "password=${SCAN_PASSWORD}" --data-urlencode "_csrf=${TOKEN}" "$BASE/signup/confirm"
fi
SESSION=$(awk '$6 == "STEADFAST_SESSION" { print $7 }' "$JAR_FILE" | tail -n 1)
if [ -z "$SESSION" ] || [ "$(curl -s -o /dev/null -w '%{http_code}' -b "STEADFAST_SESSION=${SESSION}" "$BASE/checkins/new")" != 200 ]; then
	echo "Could not sign in the scan's client account (sign-up link found: $([ -n "$LINK" ] && echo yes || echo no))" >&2
	tail -n 20 "$OUT/app.log" >&2
	exit 2
fi

# name|method|url|data|csrf page|cookie
TARGETS=(
	"sign-in|POST|$BASE/login|email=him%40example.org&password=secret-words&_csrf=x|$BASE/login|"
	# Sign-up answers "check your email" for any address and stays signed out, so the form can
	# be fetched again for each request's CSRF token.
	"sign-up|POST|$BASE/signup|email=sqlmap-client%40example.org&displayName=Sam&password=steady-oak-river-43&path=DOING_THE_WORK&_csrf=x|$BASE/signup|"
	"forgot password|POST|$BASE/accounts/forgot|email=him%40example.org&_csrf=x|$BASE/accounts/forgot|"
	"consultation request|POST|$BASE/consultation|name=Sam&email=sam%40example.org&phone=5550100&contactBy=EMAIL&message=I+would+like+to+talk&consent=yes&website=&_csrf=x|$BASE/consultation|"
	"search|GET|$BASE/search?q=trust|||"
	"check-in (signed in)|POST|$BASE/checkins/new|step=details&words=calm&primary=calm&intensity=4&body=CHEST&trigger=a+talk&response=BREATHED&responseNote=it+helped&when=2026-11-01T07%3A15&_csrf=x|$BASE/checkins/new|STEADFAST_SESSION=${SESSION}"
)

scan() {
	local index=$1 name=$2 method=$3 url=$4 data=$5 csrf_url=$6 cookie=$7
	local args=(-u "$url" --batch --level=1 --risk=1 --technique=BEU --timeout=15 --retries=1
		--output-dir="$OUT/sqlmap-${index}" --disable-coloring --dbms="$DBMS")
	if [ "$method" = POST ]; then args+=(--data="$data"); fi
	if [ -n "$csrf_url" ]; then args+=(--csrf-token=_csrf --csrf-url="$csrf_url"); fi
	# The signed-in target never tests its session cookie (it would sign the client out);
	# the consultation form's "website" is a honeypot field (filled in, the request is dropped).
	if [ -n "$cookie" ]; then
		args+=(--cookie="$cookie" --skip="_csrf,website,STEADFAST_SESSION")
	else
		args+=(--skip="_csrf,website")
	fi
	timeout --kill-after=5 "$TARGET_SECONDS" sqlmap "${args[@]}" >"$OUT/target-${index}.log" 2>&1
	echo $? >"$OUT/target-${index}.rc"
}

# The targets run side by side, each within its own time limit.
started=$(date +%s)
scans=()
index=0
for target in "${TARGETS[@]}"; do
	index=$((index + 1))
	IFS='|' read -r name method url data csrf_url cookie <<<"$target"
	echo "sqlmap: ${name} (${method} ${url})"
	scan "$index" "$name" "$method" "$url" "$data" "$csrf_url" "$cookie" &
	scans+=($!)
done
wait "${scans[@]}"
echo "sqlmap took $(($(date +%s) - started)) s for ${#TARGETS[@]} targets side by side"

findings=0
incomplete=0
summary="$OUT/summary.txt"
: >"$summary"
tested_total=0
index=0
for target in "${TARGETS[@]}"; do
	index=$((index + 1))
	IFS='|' read -r name method url data csrf_url cookie <<<"$target"
	log="$OUT/target-${index}.log"
	rc=$(cat "$OUT/target-${index}.rc")
	params=$(grep -aoE "testing for SQL injection on (GET|POST|Cookie|User-Agent|Referer) parameter '[^']+'" "$log" \
		| sed -E "s/.* on ([A-Za-z-]+) parameter '([^']+)'/\1:\2/" | sort -u)
	tested=$(printf '%s\n' "$params" | grep -c . || true)
	tested_total=$((tested_total + tested))
	if grep -aq "identified the following injection point" "$log"; then
		findings=$((findings + 1))
		verdict="INJECTABLE"
		grep -aE "^Parameter: |Type: " "$log" | sed 's/^/      /' >>"$OUT/findings.txt"
	elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		incomplete=$((incomplete + 1))
		verdict="TIMED OUT after ${TARGET_SECONDS} s (no injection found before the limit)"
	elif grep -aq "do not appear to be injectable" "$log"; then
		verdict="no injectable parameter"
	else
		incomplete=$((incomplete + 1))
		verdict="UNCLEAR (sqlmap exit ${rc}; see ${log})"
	fi
	echo "  ${name} (${method} ${url%%\?*}): ${tested} parameters tested [$(printf '%s' "$params" | tr '\n' ' ' | sed 's/ $//')]: ${verdict}" >>"$summary"
done

echo
echo "sqlmap summary (${DATABASE}, level 1, risk 1, techniques B, E, U):"
cat "$summary"
[ -f "$OUT/findings.txt" ] && cat "$OUT/findings.txt"
echo "  ${#TARGETS[@]} targets, ${tested_total} parameters tested, ${findings} injectable, ${incomplete} not scanned to the end"
{
	echo "  ${#TARGETS[@]} targets, ${tested_total} parameters tested, ${findings} injectable, ${incomplete} not scanned to the end"
} >>"$summary"
if [ "$findings" -gt 0 ]; then
	echo "FAILED: sqlmap reports an injectable parameter" | tee -a "$summary"
	exit 1
fi
if [ "$incomplete" -gt 0 ] && [ "${SQLMAP_STRICT:-0}" = 1 ]; then
	echo "FAILED: a target was not scanned to the end (SQLMAP_STRICT=1)" | tee -a "$summary"
	exit 1
fi
if [ "$incomplete" -gt 0 ]; then
	echo "PASSED WITH GAPS: no injectable parameter found, but ${incomplete} target(s) not scanned to the end" \
		"(a slow machine; SQLMAP_STRICT=1 makes that a failure)" | tee -a "$summary"
	exit 0
fi
echo "PASSED: no injectable parameter" | tee -a "$summary"

#!/usr/bin/env bash
# Runs one benchmark main class from the test sources: bench/run.sh app.steadfast.checkins.CheckInSummaryBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$1"

#!/usr/bin/env bash
# Benchmark: two years of five daily commitments for one client, then the time of the 12-week
# reliability view and its page. Prints median, p95 and max over 200 runs after 50 warm-up runs.
# Budget: 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
	app.steadfast.commitments.CommitmentReliabilityBenchmark

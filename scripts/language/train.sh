#!/usr/bin/env bash
# Rebuilds the sentence classifiers that ship in src/main/resources/content/language from
# the labelled training rows in src/test/resources/language (never from the evaluation
# files). Deterministic for the same rows. Usage: scripts/language/train.sh [risk] [excuse]
set -euo pipefail
JAVA_OPTS=${JAVA_OPTS:-}
cd "$(dirname "$0")/../.."
mvn -q -Dspring-javaformat.skip=true test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" app.steadfast.shared.SentenceTraining "$@"

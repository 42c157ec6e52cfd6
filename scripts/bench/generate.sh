#!/usr/bin/env bash
# Writes a generated practice into the database the application is configured for, in one
# command. The generator lives in the test tree (app.steadfast.generator, never in the jar):
# this compiles the tests and runs GeneratePractice on the test class path from the project
# folder, so ./data is the project's embedded database, as with the jar.
#
#   scripts/bench/generate.sh --steadfast.generate.seed=42 --steadfast.generate.scale=1 \
#     [--spring.profiles.active=postgres, --spring.datasource.url=..., any other setting]
#
# Arguments are the application's own, as for java -jar. JAVA_OPTS: options for the JVM
# (default -Xmx1g).
set -euo pipefail
JAVA_OPTS=${JAVA_OPTS:--Xmx1g}
cd "$(dirname "$0")/../.."
mvn -q -Dspring-javaformat.skip=true test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# shellcheck disable=SC2086
exec java $JAVA_OPTS -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
	app.steadfast.generator.GeneratePractice "$@"

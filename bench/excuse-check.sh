#!/usr/bin/env bash
# JMH: the excuse check on a 2,000-word statement; prints the mean in ms (target under 2 ms).
exec "$(dirname "$0")/run.sh" app.steadfast.repair.ExcuseCheckBenchmark

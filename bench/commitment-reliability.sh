#!/usr/bin/env bash
# Two years of five daily commitments; prints the 12-week reliability view and its page (budget 50 ms).
exec "$(dirname "$0")/run.sh" app.steadfast.commitments.CommitmentReliabilityBenchmark

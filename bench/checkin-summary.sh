#!/usr/bin/env bash
# Three years of daily check-ins for one client; prints the 12-week summary and its page (budget 50 ms).
exec "$(dirname "$0")/run.sh" app.steadfast.checkins.CheckInSummaryBenchmark

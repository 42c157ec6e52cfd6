#!/usr/bin/env bash
# One week and three years of daily check-ins and commitments; prints the 12-week progress view and page for each (budget 50 ms, 3 years within 1.2x of 1 week).
exec "$(dirname "$0")/run.sh" app.steadfast.insights.InsightsProgressBenchmark

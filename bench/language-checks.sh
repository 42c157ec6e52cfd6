#!/usr/bin/env bash
# JMH: the language checks with their sentence models; prints each mean in ms against its target:
# the excuse check on a 2,000-word statement (first check: no target; after a one-sentence
# edit: under 50 ms), the risk check on a 600-word entry (under 30 ms, with no sentence read
# before and with all read before), and the load time of the shipped sentence model and of all-MiniLM-L6-v2 (shipped before).
exec "$(dirname "$0")/run.sh" app.steadfast.shared.LanguageChecksBenchmark

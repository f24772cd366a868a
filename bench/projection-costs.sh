#!/usr/bin/env bash
# What each read model costs (issue 16): M1 (person creations over HTTP, 8 clients, 20 s) and M4 (replay of every
# projection of a 200,000-event store) with every projection, then with each processing group left out in turn
# (unifiedcrm.projections.disabled), a fresh application and database per variant; "all" runs first and last.
# Writes benchmarks/target/projection-costs.md and the projection-costs section of docs/benchmarks.md.
# About 25–30 minutes on 2 cores. Settings: BENCH_COST_M1_SECONDS, BENCH_COST_EVENTS, BENCH_COST_GROUPS.
exec "$(dirname "$0")/run.sh" --projection-costs

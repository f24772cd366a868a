#!/usr/bin/env bash
# Where the time of a person creation goes (issue 16): 60 s of person creations (8 HTTP clients) on PostgreSQL with
# pg_stat_statements, with JFR in the application; statements, transactions, round trips and CPU per created person
# (JVM by thread group and activity, PostgreSQL by process kind, the machine). Writes
# benchmarks/target/profile-report.md and the profile section of docs/benchmarks.md. About 4 minutes.
# Setting: BENCH_PROFILE_SECONDS (60).
exec "$(dirname "$0")/run.sh" --profile

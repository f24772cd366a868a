#!/usr/bin/env bash
# Runs the benchmark harness: builds the standalone application and the harness, starts the application on a
# fresh embedded PostgreSQL 17, measures the raw-PostgreSQL baselines and the product in one run, and writes
# benchmarks/target/benchmark-report.{md,json} and docs/benchmarks.md. Takes about 13 minutes on 2 cores.
# Other modes: ./bench/run.sh --projection-costs (bench/projection-costs.sh), ./bench/run.sh --profile
# (bench/profile.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=()
if [[ $# -gt 0 ]]; then
  case "$1" in
    --projection-costs|--profile) mode=("$1") ;;
    *) echo "usage: $0 [--projection-costs | --profile]" >&2; exit 2 ;;
  esac
fi
# clean: without it the standalone jar may keep the libraries of an earlier build when only a module it depends on changed
./mvnw -B -q -Pbench -DskipTests clean package
BENCH_COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with uncommitted changes)')"
export BENCH_COMMIT
java -Xmx1g -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar "${mode[@]}" \
  standalone/target/standalone-0.1.0-SNAPSHOT.jar benchmarks/target docs/benchmarks.md

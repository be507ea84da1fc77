#!/usr/bin/env bash
# The whole test suite: type checks, lint (module boundaries included), unit tests, integration
# tests against real PostgreSQL, Redis and Kafka, then the end-to-end suite on the running stack.
# Starts the tools/kafka broker unless KAFKA_BROKERS points at one.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

started_kafka=false
if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  tools/kafka/kafka.sh start
  export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"
  started_kafka=true
fi
cleanup() { if [[ $started_kafka == true ]]; then tools/kafka/kafka.sh stop || true; fi; }
trap cleanup EXIT

step() { printf '\n=== %s\n' "$*"; }

step "type check"
npx tsc -p tsconfig.json --noEmit
step "lint"
npx nx run-many -t lint --parallel=2 --output-style=static
step "unit tests"
npx nx run-many -t test --parallel=2 --output-style=static
step "integration tests"
npx nx run-many -t int-test --parallel=1 --output-style=static
step "end-to-end tests"
npx nx run e2e:e2e --output-style=static

#!/usr/bin/env bash
# The whole test suite: type checks, lint (module boundaries included), unit tests, integration
# tests against real PostgreSQL, Redis and Kafka, then the end-to-end suite on the running stack.
# Unless KAFKA_BROKERS points at a broker, it runs a broker of its own (tools/kafka on ports
# 9192/9193, data in .data/kafka-test), reset before the integration tests and again before the
# end-to-end suite, so each starts from empty topics: new consumer groups read from the beginning,
# and only the suite's own events are there to read.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

started_kafka=false
fresh_kafka() { :; }
if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  export KAFKA_PORT="${AINS_TEST_KAFKA_PORT:-9192}" KAFKA_CONTROLLER_PORT="${AINS_TEST_KAFKA_CONTROLLER_PORT:-9193}"
  export KAFKA_DATA_DIR="$PWD/.data/kafka-test" KAFKA_BROKERS="127.0.0.1:${AINS_TEST_KAFKA_PORT:-9192}"
  fresh_kafka() { tools/kafka/kafka.sh reset && tools/kafka/kafka.sh start; }
  started_kafka=true
fi
step() { printf '\n=== %s\n' "$*"; }

# Every Jest run's output is kept so the totals can be added up at the end.
results="$(mktemp)"
jest() { "$@" 2>&1 | tee -a "$results"; }
summarise() {
  # Jest prints e.g. "Tests:       1 failed, 12 passed, 13 total"; strip colours, add up.
  sed -e 's/\x1b\[[0-9;]*m//g' "$results" | grep -E '^Tests:' | awk '
    { for (i = 2; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1); if ($(i) ~ /^skipped/) s += $(i-1) } }
    END { printf "\n%d passed, %d failed", p, f; if (s) printf ", %d skipped", s; printf "\n" }'
}
cleanup() {
  summarise || true
  rm -f "$results"
  if [[ $started_kafka == true ]]; then tools/kafka/kafka.sh stop || true; fi
}
trap cleanup EXIT

step "type check"
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console/tsconfig.json --noEmit
step "lint"
npx nx run-many -t lint --parallel=2 --output-style=static
step "OpenAPI document (committed copy; a unit test fails when it is stale)"
node tools/openapi/validate.mjs
step "unit tests"
jest npx nx run-many -t test --parallel=2 --output-style=static
step "integration tests"
fresh_kafka
jest npx nx run-many -t int-test --parallel=1 --output-style=static
step "end-to-end tests: distributed mode"
fresh_kafka
jest npx nx run e2e:e2e --output-style=static
step "end-to-end tests: single-process mode"
jest npx nx run e2e:e2e-standalone --output-style=static
step "browser tests of the operator console: single-process mode (Chromium at \${CHROMIUM_PATH:-/usr/bin/chromium})"
jest npx nx run e2e:e2e-console --output-style=static

#!/usr/bin/env bash
# Validates every deployment artefact; exits non-zero if any check fails. CI runs it.
#   Kubernetes: renders deploy/k8s/base and each overlay with kustomize, validates every object
#     against the Kubernetes schemas (npm kubernetes-models, or kubeconform) and the AINS rules,
#     and proves the validator fails on a broken rendering.
#   Compose:    `docker compose config` (or docker-compose) checks docker-compose.yml against the
#     Compose schema; validate-compose.mjs checks it against the services' needs.
#   Dockerfile: the properties the issue asks for (production deps only, non-root, HEALTHCHECK).
#   Observability: promtool checks and unit-tests the alert rules, checks the Prometheus example
#     configuration and every Grafana dashboard query.
# Needs: node, kubectl (or kustomize), promtool (Debian: prometheus), docker compose or
# docker-compose (Debian: docker-compose), and the npm devDependency kubernetes-models.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

step() {
  local name="$1"
  shift
  echo "── $name"
  if "$@"; then passed=$((passed + 1)); else echo "   FAILED: $name" >&2; failed=$((failed + 1)); fi
}

need() {
  command -v "$1" > /dev/null 2>&1 || { echo "missing tool: $1 ($2)" >&2; return 1; }
}

render() { # <kustomization dir> <output file>
  if command -v kustomize > /dev/null 2>&1; then kustomize build "$1" > "$2"; else kubectl kustomize "$1" > "$2"; fi
}

render_all() {
  command -v kustomize > /dev/null 2>&1 || need kubectl "kubectl kustomize renders the manifests" || return 1
  render deploy/k8s/base "$WORK/base.yaml" || return 1
  for overlay in deploy/k8s/overlays/*/; do
    render "$overlay" "$WORK/overlay-$(basename "$overlay").yaml" || return 1
  done
}

validate_k8s() {
  node tools/deploy/validate-k8s.mjs "$WORK/base.yaml" &&
    node tools/deploy/validate-k8s.mjs --pinned-images "$WORK"/overlay-*.yaml
}

# A checker that cannot fail proves nothing: break a rendering in four ways and expect each caught.
validator_catches_errors() {
  local broken="$WORK/broken.yaml" report="$WORK/broken.txt"
  sed -e '0,/containerPort: 8080/s//containerPort: "8080"/' \
      -e '0,/readOnlyRootFilesystem: true/s//readOnlyRootFilesystem: false/' \
      -e '0,/terminationGracePeriodSeconds: 40/s//terminationGracePeriodSeconds: 10/' \
      -e '0,/maxSkew: 1/s//maxSkew: 1\n        maxSkw: 1/' \
      "$WORK/base.yaml" > "$broken"
  if node tools/deploy/validate-k8s.mjs "$broken" > "$report" 2>&1; then
    echo "the validator accepted a broken rendering" >&2
    return 1
  fi
  local expected
  # Schema errors are matched by field name, as kubernetes-models and kubeconform word them differently.
  for expected in containerPort maxSkw 'readOnlyRootFilesystem must be true' 'terminationGracePeriodSeconds 10 must exceed'; do
    grep -q "$expected" "$report" || { echo "not reported: $expected" >&2; cat "$report" >&2; return 1; }
  done
}

compose_validator_catches_errors() {
  local broken="$WORK/docker-compose.broken.yml" report="$WORK/compose-broken.txt"
  # shellcheck disable=SC2016 # the $ is the literal one of ${INTERNAL_AUTH_SECRET:?...}
  sed -e '/task-service-migrate: { condition: service_completed_successfully }/d' \
      -e 's/INTERNAL_AUTH_SECRET: \${INTERNAL_AUTH_SECRET:?[^}]*}/INTERNAL_AUTH_SECRET: written-into-the-file-written-into-the-file/' \
      docker-compose.yml > "$broken"
  if node tools/deploy/validate-compose.mjs "$broken" > "$report" 2>&1; then
    echo "the Compose checks accepted a broken file" >&2
    return 1
  fi
  local expected
  for expected in 'task-service: must depend on task-service-migrate' 'INTERNAL_AUTH_SECRET must be required'; do
    grep -q "$expected" "$report" || { echo "not reported: $expected" >&2; cat "$report" >&2; return 1; }
  done
}

compose_schema() {
  # A placeholder secret: the file requires one and must not contain one.
  local env=(env INTERNAL_AUTH_SECRET=placeholder-placeholder-placeholder-0000)
  if docker compose version > /dev/null 2>&1; then
    "${env[@]}" docker compose -f docker-compose.yml config --quiet
  else
    need docker-compose "Debian package docker-compose" && "${env[@]}" docker-compose -f docker-compose.yml config --quiet
  fi
}

dockerfile() {
  local file=deploy/docker/Dockerfile ok=0
  grep -Eq '^RUN .*npm ci --omit=dev' "$file" || { echo "$file: production dependencies must be installed with npm ci --omit=dev" >&2; ok=1; }
  grep -Eq '^USER [1-9][0-9]*(:[0-9]+)?$' "$file" || { echo "$file: must end as a numeric non-root USER" >&2; ok=1; }
  grep -Eq '^HEALTHCHECK ' "$file" || { echo "$file: HEALTHCHECK missing" >&2; ok=1; }
  if ! grep -Eq '^FROM .* AS runtime$' "$file" || [ "$(grep -c '^FROM ' "$file")" -lt 2 ]; then
    echo "$file: must be multi-stage with a runtime stage" >&2
    ok=1
  fi
  return $ok
}

alert_rules() {
  need promtool "Debian package prometheus" || return 1
  promtool check rules deploy/observability/alerts.yml && promtool test rules deploy/observability/tests/alerts.test.yml
}

prometheus_config() {
  need promtool "Debian package prometheus" || return 1
  cp deploy/observability/alerts.yml "$WORK/alerts.yml" &&
    node tools/deploy/prometheus-config-for-promtool.mjs deploy/observability/prometheus.yml > "$WORK/prometheus.yml" &&
    promtool check config "$WORK/prometheus.yml"
}

dashboard() {
  need promtool "Debian package prometheus" || return 1
  node tools/deploy/validate-observability.mjs "$WORK/dashboard-queries.yml" && promtool check rules "$WORK/dashboard-queries.yml"
}

step "render kustomizations" render_all
step "validate Kubernetes manifests" validate_k8s
step "the Kubernetes validator rejects a broken rendering" validator_catches_errors
step "docker-compose.yml against the Compose schema" compose_schema
step "docker-compose.yml against the services' needs" node tools/deploy/validate-compose.mjs docker-compose.yml
step "the Compose checks reject a broken file" compose_validator_catches_errors
step "Dockerfile" dockerfile
step "Prometheus alert rules (check + unit tests)" alert_rules
step "Prometheus example configuration" prometheus_config
step "Grafana dashboard" dashboard

echo "deploy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

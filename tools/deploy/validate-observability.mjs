#!/usr/bin/env node
// Checks deploy/observability beyond promtool's own checks (run by check.sh):
//  - the Grafana dashboard is well-formed (unique panel ids, a grid position and a query per panel),
//  - every `ains_*` metric that the alert rules or the dashboard read is documented in
//    docs/operations.md, so services know the exact names to export,
//  - it writes every dashboard query, with Grafana's variables filled in, as a recording rule to
//    the file given, so that `promtool check rules` parses each PromQL expression.
// Usage: node tools/deploy/validate-observability.mjs <dashboard-queries-rules.yml>
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as yaml from 'js-yaml';
import { readYamlDocuments } from './lib/yaml.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const observability = join(repoRoot, 'deploy', 'observability');
const rulesOut = process.argv[2];
if (!rulesOut) {
  console.error('usage: validate-observability.mjs <dashboard-queries-rules.yml>');
  process.exit(2);
}
const errors = [];

const dashboard = JSON.parse(readFileSync(join(observability, 'grafana-dashboard.json'), 'utf8'));
if (!dashboard.uid || !dashboard.title || !Number.isInteger(dashboard.schemaVersion)) errors.push('dashboard: uid, title and schemaVersion are required');
const seenIds = new Set();
const queries = [];
for (const panel of dashboard.panels ?? []) {
  const where = `dashboard panel ${panel.id} "${panel.title}"`;
  if (seenIds.has(panel.id)) errors.push(`${where}: duplicate panel id`);
  seenIds.add(panel.id);
  if (!panel.gridPos) errors.push(`${where}: no gridPos`);
  if (panel.type === 'row') continue;
  if (!panel.targets?.length) errors.push(`${where}: no query`);
  for (const target of panel.targets ?? []) queries.push({ where, record: `dashboard:panel_${panel.id}_${target.refId}`, expr: target.expr });
}

// Grafana's variables, replaced by values of the same type so the query parses as PromQL.
const withVariables = (expr) => expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m').replaceAll('$service', '.*');
writeFileSync(rulesOut, yaml.dump({ groups: [{ name: 'dashboard-queries', rules: queries.map(({ record, expr }) => ({ record, expr: withVariables(expr) })) }] }));

const alertExprs = readYamlDocuments(join(observability, 'alerts.yml'))[0].groups.flatMap((group) => group.rules.map((rule) => rule.expr));
const used = new Set([...alertExprs, ...queries.map((query) => query.expr)].flatMap((expr) => expr.match(/\bains_[a-z0-9_]+/g) ?? []));
const documented = readFileSync(join(repoRoot, 'docs', 'operations.md'), 'utf8');
for (const metric of used) {
  const base = metric.replace(/_(bucket|count|sum)$/, '');
  if (!documented.includes(`\`${base}`)) errors.push(`metric ${base} is read by an alert or panel but not documented in docs/operations.md`);
}

for (const error of errors) console.error(`  ✗ ${error}`);
console.log(`deploy/observability: ${queries.length} dashboard queries, ${used.size} AINS metrics, checks ${errors.length === 0 ? 'ok' : 'FAILED'}`);
process.exit(errors.length === 0 ? 0 : 1);

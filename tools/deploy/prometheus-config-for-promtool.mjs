#!/usr/bin/env node
// Debian's promtool is built without Kubernetes service discovery, so `promtool check config`
// rejects `kubernetes_sd_configs`. This prints the example configuration with each of those
// replaced by a static target, leaving everything else (relabelling, rule files, alerting) for
// promtool to check. Usage: node prometheus-config-for-promtool.mjs <prometheus.yml> > <copy.yml>
import * as yaml from 'js-yaml';
import { readYamlDocuments } from './lib/yaml.mjs';

const [config] = readYamlDocuments(process.argv[2]);
for (const job of config.scrape_configs ?? []) {
  if (!job.kubernetes_sd_configs) continue;
  delete job.kubernetes_sd_configs;
  job.static_configs = [{ targets: ['pod.example:8080'] }];
}
process.stdout.write(yaml.dump(config));

/**
 * Rules the AINS manifests must follow beyond what the Kubernetes schemas say: the operational
 * contract of issue 9 (probes, non-root, read-only root filesystem, graceful termination longer than
 * the drain, HPA/PDB/Service per service) and agreement with the code (every app deployed, Kafka and
 * Redis settings where the service's definition uses them, consumers scaled within the partitions).
 */

const COMPONENT = 'app.kubernetes.io/component';
const KNOWN_SECRETS = new Set(['ains-database', 'ains-database-owner', 'ains-internal-auth', 'ains-redis', 'ains-gateway', 'ains-webhook']);

export function checkPolicies(objects, services, { pinnedImages }) {
  const errors = [];
  const fail = (where, message) => errors.push(`${where}: ${message}`);
  const of = (kind) => objects.filter(({ object }) => object.kind === kind);
  const configMaps = new Map(of('ConfigMap').map(({ object }) => [object.metadata.name, object.data ?? {}]));
  const setupConfigMaps = new Set(of('ConfigMap').filter(({ object }) => object.metadata.labels?.[COMPONENT] === 'config').map(({ object }) => object.metadata.name));
  const deployments = new Map(of('Deployment').map((entry) => [entry.object.metadata.name, entry]));

  for (const service of services) {
    const entry = deployments.get(service.name);
    if (!entry) {
      fail(service.name, 'no Deployment for this app');
      continue;
    }
    checkDeployment(entry, service, configMaps, fail);
    checkCompanions(service, entry.object, objects, configMaps, fail);
  }
  for (const { object, where } of objects) {
    checkReferences(object, where, configMaps, fail);
    if (object.kind === 'Job') checkJobRunsFirst(object, where, setupConfigMaps, fail);
    if (pinnedImages) checkImagesPinned(object, where, fail);
  }
  return errors;
}

function checkDeployment({ object, where }, service, configMaps, fail) {
  const pod = object.spec.template.spec;
  const container = pod.containers[0];
  const env = environmentOf(container, configMaps);

  if (container.livenessProbe?.httpGet?.path !== '/health') fail(where, 'liveness probe must be GET /health');
  if (container.readinessProbe?.httpGet?.path !== '/ready') fail(where, 'readiness probe must be GET /ready');
  if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) fail(where, 'CPU and memory requests are required');
  if (!container.resources?.limits?.memory) fail(where, 'a memory limit is required');
  checkHardening(pod, where, fail);

  const drainSeconds = Number(env.SHUTDOWN_TIMEOUT_MS ?? 25_000) / 1000;
  const preStopSeconds = Number(container.lifecycle?.preStop?.exec?.command?.at(-1) ?? NaN);
  if (!Number.isFinite(preStopSeconds)) fail(where, 'a preStop sleep is required (endpoint deregistration before SIGTERM)');
  const grace = pod.terminationGracePeriodSeconds ?? 30;
  if (!(grace > drainSeconds + (preStopSeconds || 0))) {
    fail(where, `terminationGracePeriodSeconds ${grace} must exceed preStop ${preStopSeconds}s + SHUTDOWN_TIMEOUT_MS ${drainSeconds}s`);
  }

  const database = container.env?.find((variable) => variable.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
  if (database?.name !== 'ains-database' || database.key !== service.name) {
    fail(where, `DATABASE_URL must come from key "${service.name}" of Secret ains-database (the runtime role)`);
  }
  if (!('INTERNAL_AUTH_SECRET' in env)) fail(where, 'INTERNAL_AUTH_SECRET is required');
  if (service.usesKafka && !env.KAFKA_BROKERS) fail(where, 'uses Kafka: KAFKA_BROKERS must be set');
  if (service.usesRedis && !('REDIS_URL' in env)) fail(where, 'uses Redis: REDIS_URL must be set');
  if (env.MIGRATIONS_RUN !== 'false') fail(where, 'MIGRATIONS_RUN must be "false": migrations run as a Job with the owner role');
}

function checkHardening(pod, where, fail) {
  if (pod.securityContext?.runAsNonRoot !== true) fail(where, 'pod securityContext.runAsNonRoot must be true');
  for (const container of pod.containers) {
    const context = container.securityContext ?? {};
    if (context.readOnlyRootFilesystem !== true) fail(where, `container ${container.name}: readOnlyRootFilesystem must be true`);
    if (context.allowPrivilegeEscalation !== false) fail(where, `container ${container.name}: allowPrivilegeEscalation must be false`);
    if (!context.capabilities?.drop?.includes('ALL')) fail(where, `container ${container.name}: must drop ALL capabilities`);
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    const volume = tmp && pod.volumes?.find((candidate) => candidate.name === tmp.name);
    if (!volume?.emptyDir) fail(where, `container ${container.name}: /tmp must be an emptyDir (the root filesystem is read-only)`);
  }
}

function checkCompanions(service, deployment, objects, configMaps, fail) {
  const podLabels = deployment.spec.template.metadata.labels ?? {};
  const find = (kind, predicate) => objects.find(({ object }) => object.kind === kind && predicate(object));
  const where = service.name;

  const svc = find('Service', (object) => object.metadata.name === service.name);
  if (!svc) fail(where, 'no Service');
  else if (!selects(svc.object.spec.selector, podLabels)) fail(svc.where, 'selector does not match the Deployment\'s pods');

  const pdb = find('PodDisruptionBudget', (object) => selects(object.spec.selector?.matchLabels, podLabels));
  if (!pdb) fail(where, 'no PodDisruptionBudget selecting its pods');

  const hpa = find('HorizontalPodAutoscaler', (object) => object.spec.scaleTargetRef?.kind === 'Deployment' && object.spec.scaleTargetRef.name === service.name);
  if (!hpa) fail(where, 'no HorizontalPodAutoscaler');
  else if (service.consumes) {
    const partitions = Number(environmentOf(deployment.spec.template.spec.containers[0], configMaps).KAFKA_TOPIC_PARTITIONS ?? 3);
    if (hpa.object.spec.maxReplicas > partitions) {
      fail(hpa.where, `maxReplicas ${hpa.object.spec.maxReplicas} exceeds KAFKA_TOPIC_PARTITIONS ${partitions}: extra consumers would sit idle`);
    }
  }

  const image = deployment.spec.template.spec.containers[0].image;
  const job = find('Job', (object) => object.spec.template.spec.containers.some((container) => container.image === image && container.args?.[0] === 'migrate'));
  if (!job) fail(where, `no migration Job running "${image}" with args ["migrate"]`);
  else {
    checkHardening(job.object.spec.template.spec, job.where, fail);
    const key = job.object.spec.template.spec.containers[0].env?.find((variable) => variable.name === 'DATABASE_URL')?.valueFrom?.secretKeyRef;
    if (key?.name !== 'ains-database-owner' || key.key !== service.name) fail(job.where, `DATABASE_URL must come from key "${service.name}" of ains-database-owner`);
  }
  for (const { object, where: podWhere } of objects) {
    if (object.kind === 'Job' && svc && selects(svc.object.spec.selector, object.spec.template.metadata?.labels ?? {})) {
      fail(podWhere, `its pods would receive ${service.name}'s traffic: the Service selector matches them`);
    }
  }
}

function checkReferences(object, where, configMaps, fail) {
  const pod = object.kind === 'Deployment' || object.kind === 'Job' ? object.spec.template.spec : undefined;
  if (!pod) return;
  for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef && !configMaps.has(source.configMapRef.name)) fail(where, `ConfigMap ${source.configMapRef.name} is not in the manifests`);
    }
    for (const variable of container.env ?? []) {
      const secret = variable.valueFrom?.secretKeyRef?.name;
      if (secret && !KNOWN_SECRETS.has(secret)) fail(where, `Secret ${secret} is not one of the documented Secrets (docs/operations.md)`);
    }
  }
  for (const volume of pod.volumes ?? []) {
    if (volume.configMap && !configMaps.has(volume.configMap.name)) fail(where, `ConfigMap ${volume.configMap.name} is not in the manifests`);
  }
}

/**
 * The Jobs are applied before everything else (`kubectl apply -l 'app.kubernetes.io/component in
 * (config,topics,migrations)'`), so what they need must come with them: ConfigMaps labelled
 * `config`, and no ServiceAccount of their own.
 */
function checkJobRunsFirst(job, where, setupConfigMaps, fail) {
  const pod = job.spec.template.spec;
  if (!['topics', 'migrations'].includes(job.metadata.labels?.[COMPONENT])) fail(where, `must be labelled ${COMPONENT}=topics or migrations`);
  if (pod.serviceAccountName) fail(where, `uses ServiceAccount ${pod.serviceAccountName}, which is not applied before the Jobs`);
  const needed = [
    ...pod.containers.flatMap((container) => (container.envFrom ?? []).map((source) => source.configMapRef?.name)),
    ...(pod.volumes ?? []).map((volume) => volume.configMap?.name),
  ].filter(Boolean);
  for (const name of needed) {
    if (!setupConfigMaps.has(name)) fail(where, `ConfigMap ${name} needs the label ${COMPONENT}=config to be applied before the Jobs`);
  }
}

function checkImagesPinned(object, where, fail) {
  const pod = object.kind === 'Deployment' || object.kind === 'Job' ? object.spec.template.spec : undefined;
  for (const container of pod?.containers ?? []) {
    const tag = container.image.includes('@') ? 'digest' : container.image.split('/').at(-1).split(':')[1];
    if (!tag || tag === 'latest') fail(where, `image ${container.image} must carry a version tag or digest`);
  }
}

/** The container's environment as the kubelet builds it; Secret values are marked, not read. */
function environmentOf(container, configMaps) {
  const env = {};
  for (const source of container.envFrom ?? []) Object.assign(env, configMaps.get(source.configMapRef?.name) ?? {});
  for (const variable of container.env ?? []) env[variable.name] = variable.value ?? (variable.valueFrom ? '<from reference>' : '');
  return env;
}

function selects(selector, labels) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

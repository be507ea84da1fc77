// The seven AINS services, their default ports and start order (the gateway last).
export const SERVICES = [
  { name: 'task-service', port: 8081 },
  { name: 'agent-service', port: 8082 },
  { name: 'trust-service', port: 8083 },
  { name: 'routing-service', port: 8084 },
  { name: 'scheduler-service', port: 8085 },
  { name: 'webhook-service', port: 8086 },
  { name: 'api-gateway', port: 8080 },
];

/** Ports shift together with AINS_PORT_BASE (default 8080), so two stacks can run side by side. */
export function portOf(service, env = process.env) {
  const base = Number(env.AINS_PORT_BASE ?? 8080);
  return base + (service.port - 8080);
}

export function upstreamEnv(env = process.env) {
  const url = (name) => `http://127.0.0.1:${portOf(SERVICES.find((s) => s.name === name), env)}`;
  return {
    TASK_SERVICE_URL: url('task-service'),
    AGENT_SERVICE_URL: url('agent-service'),
    TRUST_SERVICE_URL: url('trust-service'),
    ROUTING_SERVICE_URL: url('routing-service'),
    SCHEDULER_SERVICE_URL: url('scheduler-service'),
    WEBHOOK_SERVICE_URL: url('webhook-service'),
  };
}

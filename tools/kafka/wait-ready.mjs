#!/usr/bin/env node
// Waits until a Kafka broker really serves clients. An open port is not enough:
// the broker binds its listener early but only processes requests once it has
// caught up with the KRaft metadata log and been unfenced, which after an
// unclean stop can take a further ~10 s (broker.session.timeout.ms).
//
// Usage: node tools/kafka/wait-ready.mjs [--broker host:port] [--timeout-ms N] [--pid N]
// Exit codes: 0 ready, 2 the --pid process died, 3 kafkajs cannot be loaded
// from the repo's node_modules, 4 deadline passed. (1 is left to node itself,
// e.g. an uncaught exception, which kafka.sh treats as "helper unusable".)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const { values } = parseArgs({
  options: {
    broker: { type: 'string', default: `127.0.0.1:${process.env.KAFKA_PORT || '9092'}` },
    'timeout-ms': { type: 'string', default: '90000' },
    pid: { type: 'string' },
  },
});

let kafkajs;
try {
  kafkajs = createRequire(path.join(repoRoot, 'package.json'))('kafkajs');
} catch (err) {
  console.error(`wait-ready: cannot load kafkajs from ${repoRoot}/node_modules: ${err.message}`);
  process.exit(3);
}
const { Kafka, logLevel } = kafkajs;

const broker = values.broker;
const [host, portText] = [broker.slice(0, broker.lastIndexOf(':')), broker.slice(broker.lastIndexOf(':') + 1)];
const port = Number(portText);
const deadline = Date.now() + Number(values['timeout-ms']);
const pid = values.pid ? Number(values.pid) : undefined;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive() {
  if (pid === undefined) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  // A broker that died while kafka.sh (its parent) is still waiting stays a
  // zombie, which kill(pid, 0) still reports as alive.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no procfs (macOS): kill(pid, 0) is all we have
  }
}

function tcpOpen(timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function kafkaAnswers() {
  const kafka = new Kafka({
    clientId: 'ains-kafka-wait-ready',
    brokers: [broker],
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    return cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller !== -1;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

let lastError = 'no attempt made';
for (;;) {
  if (!pidAlive()) {
    console.error(`wait-ready: broker process ${pid} exited`);
    process.exit(2);
  }
  if (await tcpOpen(1000)) {
    try {
      if (await kafkaAnswers()) process.exit(0);
      lastError = 'cluster metadata has no broker or controller yet';
    } catch (err) {
      lastError = err.message;
    }
  } else {
    lastError = `nothing accepts connections on ${broker}`;
  }
  if (Date.now() >= deadline) {
    console.error(`wait-ready: ${broker} not ready before the deadline (${lastError})`);
    process.exit(4);
  }
  await sleep(250);
}

#!/usr/bin/env node
// Compares the API versions a running broker accepts with the versions the
// repo's kafkajs would send. kafkajs picks min(its newest version, broker max)
// and never looks at the broker's minimum, so an API whose kafkajs versions
// all lie below the broker's minimum fails only when it is first used.
// Run this before moving tools/kafka/pom.xml to another Kafka version.
//
// Usage: node tools/kafka/api-compat.mjs [--broker host:port]
// Exit code 1 if any API kafkajs implements would be sent at a version the
// broker rejects.
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys');
const { requests } = require('kafkajs/src/protocol/requests');

const { values } = parseArgs({
  options: { broker: { type: 'string', default: `127.0.0.1:${process.env.KAFKA_PORT || '9092'}` } },
});
const host = values.broker.slice(0, values.broker.lastIndexOf(':'));
const port = Number(values.broker.slice(values.broker.lastIndexOf(':') + 1));

// ApiVersions v0 by hand: every broker version answers it, and the response
// lists [apiKey, minVersion, maxVersion] for each API.
function brokerApiVersions() {
  return new Promise((resolve, reject) => {
    const clientId = Buffer.from('ains-api-compat');
    const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
    body.writeInt16BE(18, 0); // ApiVersions
    body.writeInt16BE(0, 2);
    body.writeInt32BE(1, 4);
    body.writeInt16BE(clientId.length, 8);
    clientId.copy(body, 10);
    const size = Buffer.alloc(4);
    size.writeInt32BE(body.length);
    const socket = net.connect({ host, port }, () => socket.write(Buffer.concat([size, body])));
    let buf = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length < 4 || buf.length < 4 + buf.readInt32BE(0)) return;
      socket.end();
      const errorCode = buf.readInt16BE(8);
      if (errorCode !== 0) return reject(new Error(`ApiVersions error code ${errorCode}`));
      const count = buf.readInt32BE(10);
      const versions = new Map();
      for (let i = 0, o = 14; i < count; i++, o += 6) {
        versions.set(buf.readInt16BE(o), { min: buf.readInt16BE(o + 2), max: buf.readInt16BE(o + 4) });
      }
      resolve(versions);
    });
  });
}

const broker = await brokerApiVersions();
let broken = 0;
const rows = [];
for (const [name, key] of Object.entries(apiKeys)) {
  const def = requests[name];
  if (!def || def.versions.length === 0) continue; // not implemented by kafkajs
  const impl = def.versions.map(Number);
  const b = broker.get(key);
  let verdict;
  let sent = '-';
  if (!b) {
    verdict = 'broker does not offer this API';
    broken++;
  } else {
    sent = Math.min(Math.max(...impl), b.max);
    if (sent < b.min) {
      verdict = `REJECTED: kafkajs would send v${sent}, broker accepts v${b.min}-v${b.max}`;
      broken++;
    } else {
      verdict = 'ok';
    }
  }
  const brokerRange = b ? `v${b.min}-v${b.max}` : '-';
  rows.push(`${name.padEnd(28)} kafkajs v${Math.min(...impl)}-v${Math.max(...impl)}  broker ${brokerRange.padEnd(8)} sent v${sent}  ${verdict}`);
}
console.log(rows.join('\n'));
console.log(`api-compat: ${broken === 0 ? 'all kafkajs APIs usable' : `${broken} kafkajs API(s) unusable`} against ${values.broker}`);
process.exitCode = broken === 0 ? 0 : 1;

import { Writable } from 'node:stream';
import pino from 'pino';
import { JsonQueryLogger } from './json-query-logger';

describe('JsonQueryLogger', () => {
  it('writes JSON lines that hold the statement but none of its parameters', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => { lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)); done(); } });
    const logger = new JsonQueryLogger(pino({ level: 'debug' }, sink));
    const error = Object.assign(new Error('duplicate key'), { code: '23505' });
    logger.logQueryError(error, 'INSERT INTO "gateway"."api_keys" ("key_salt", "key_hash") VALUES ($1, $2)');
    logger.logQuerySlow(1_500, 'SELECT 1');
    logger.log('warn', 'something odd');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ msg: 'query failed', code: '23505' });
    expect(lines.join('\n')).not.toContain('PARAMETERS');
  });
});

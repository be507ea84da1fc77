import { serializeError } from './error-serializer';

describe('serializeError', () => {
  it('keeps what explains a failed query and drops its values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_key_hash"'), { code: '23505', detail: 'Key (key_hash)=(abc123) already exists.' });
    const error = Object.assign(new Error(driverError.message), { query: 'INSERT INTO "api_keys" VALUES ($1, $2)', parameters: ['salt-value', 'abc123'], driverError, code: '23505', detail: driverError.detail, constraint: 'uq_key_hash' });
    const serialized = JSON.stringify(serializeError(error));
    expect(serialized).toContain('uq_key_hash');
    expect(serialized).toContain('INSERT INTO');
    expect(serialized).not.toContain('abc123');
    expect(serialized).not.toContain('salt-value');
  });

  it('drops values carried by a cause too', () => {
    const cause = Object.assign(new Error('insert failed'), { parameters: ['sealed-secret'] });
    expect(JSON.stringify(serializeError(new Error('outer', { cause })))).not.toContain('sealed-secret');
  });
});

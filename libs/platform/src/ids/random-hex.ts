import { randomFillSync } from 'node:crypto';

/** Refilled from the CSPRNG once per POOL_BYTES handed out, instead of one call per id. */
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

/**
 * `bytes` random bytes (at most 64) as hex, from a pool the operating system's CSPRNG refills: the
 * same randomness as `randomBytes(bytes).toString('hex')`, without a native call per id (trace and
 * span ids are made for every request). Each byte is handed out once.
 */
export function randomHex(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 64) throw new RangeError(`randomHex: bytes must be an integer in 1..64, got ${bytes}`);
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}

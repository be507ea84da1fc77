/**
 * Opaque keyset-pagination cursors. A cursor encodes the sort key of the last row of a page
 * (e.g. its creation time and id); the next page starts strictly after it, so pages stay stable
 * while rows are inserted.
 */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; returns undefined for anything malformed. */
export function decodeCursor(cursor: string, arity: number): (string | number)[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== arity) return undefined;
    if (!parts.every((part) => typeof part === 'string' || typeof part === 'number')) return undefined;
    return parts as (string | number)[];
  } catch {
    return undefined;
  }
}

import { CLOUD_EVENTS_SPEC_VERSION, type CloudEvent } from '@ains/contracts';

/** Kafka header names of the CloudEvents binary content mode (Kafka protocol binding 1.0). */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  traceparent: 'traceparent',
} as const;

export type KafkaHeaderValues = Record<string, string>;

export function toKafkaHeaders(event: Omit<CloudEvent, 'data'>): KafkaHeaderValues {
  const headers: KafkaHeaderValues = {
    [CE_HEADERS.specversion]: event.specversion,
    [CE_HEADERS.id]: event.id,
    [CE_HEADERS.source]: event.source,
    [CE_HEADERS.type]: event.type,
    [CE_HEADERS.time]: event.time,
    [CE_HEADERS.subject]: event.subject,
    [CE_HEADERS.contentType]: event.datacontenttype,
  };
  if (event.traceparent) headers[CE_HEADERS.traceparent] = event.traceparent;
  return headers;
}

export interface DecodedMessage {
  readonly attributes: {
    id: string;
    source: string;
    type: string;
    time: string;
    subject: string;
    traceparent?: string;
  };
  readonly data: unknown;
}

export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

/** Reads a binary-mode CloudEvent from Kafka headers and value. Throws MalformedMessageError. */
export function fromKafkaMessage(headers: Record<string, unknown> | undefined, value: unknown): DecodedMessage {
  const header = (name: string): string | undefined => {
    const raw = headers?.[name];
    if (raw === undefined || raw === null) return undefined;
    return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  };
  const required = (name: string): string => {
    const found = header(name);
    if (!found) throw new MalformedMessageError(`missing header ${name}`);
    return found;
  };
  if (required(CE_HEADERS.specversion) !== CLOUD_EVENTS_SPEC_VERSION) {
    throw new MalformedMessageError(`unsupported CloudEvents specversion ${header(CE_HEADERS.specversion)}`);
  }
  return {
    attributes: {
      id: required(CE_HEADERS.id),
      source: required(CE_HEADERS.source),
      type: required(CE_HEADERS.type),
      time: required(CE_HEADERS.time),
      subject: required(CE_HEADERS.subject),
      traceparent: header(CE_HEADERS.traceparent),
    },
    data: decodeValue(value),
  };
}

function decodeValue(value: unknown): unknown {
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new MalformedMessageError('message value is not JSON');
  }
}

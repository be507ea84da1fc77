export type BroadcastListener = (message: string) => void;

/**
 * Messages to every instance of a service, this one included: Redis pub/sub with REDIS_URL,
 * otherwise within this process (where this instance is the only one). Delivery is at most once:
 * listeners must tolerate a lost message.
 */
export abstract class Broadcast {
  abstract publish(channel: string, message: string): Promise<void>;
  /** Calls `listener` with each message published on `channel` once the subscription stands. */
  abstract subscribe(channel: string, listener: BroadcastListener): Promise<void>;
}

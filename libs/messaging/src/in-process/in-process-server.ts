import { KafkaContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { OutgoingMessage } from '../event-publisher';
import type { InProcessEventBus } from './in-process-event-bus';

/**
 * A Nest transport that feeds the service's `@EventPattern(topic)` handlers from the in-process
 * bus. Handlers receive a KafkaContext shaped exactly like the Kafka transport's, so consumers
 * are the same code in both modes.
 */
export class InProcessServer extends Server implements CustomTransportStrategy {
  private unsubscribe: (() => void) | undefined;
  private offset = 0;

  constructor(
    private readonly bus: InProcessEventBus,
    private readonly group: string,
  ) {
    super();
  }

  listen(callback: () => void): void {
    this.unsubscribe = this.bus.subscribe(this.group, this.messageHandlers.keys(), (message) => this.deliver(message));
    callback();
  }

  close(): void {
    this.unsubscribe?.();
  }

  on(): void {
    throw new Error('InProcessServer has no transport events');
  }

  unwrap<T>(): T {
    return this.bus as T;
  }

  private async deliver(message: OutgoingMessage): Promise<void> {
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) return;
    const offset = String(this.offset++);
    const kafkaMessage = { key: Buffer.from(message.key), value: Buffer.from(message.value), headers: message.headers, offset, timestamp: String(Date.now()), attributes: 0 };
    const context = new KafkaContext([kafkaMessage, 0, message.topic, undefined as never, async () => undefined, undefined as never]);
    const result: unknown = await handler(message.value, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}

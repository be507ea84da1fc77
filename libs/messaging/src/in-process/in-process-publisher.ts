import { EventPublisher, type OutgoingMessage } from '../event-publisher';
import type { InProcessEventBus } from './in-process-event-bus';

export class InProcessPublisher extends EventPublisher {
  constructor(private readonly bus: InProcessEventBus) {
    super();
  }

  send(messages: readonly OutgoingMessage[]): Promise<void> {
    return this.bus.publish(messages);
  }

  async ping(): Promise<void> {
    // The bus lives in this process: it is available whenever the process is.
  }

  async disconnect(): Promise<void> {
    // Nothing to release.
  }
}

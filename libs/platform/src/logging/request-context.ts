import { AsyncLocalStorage } from 'node:async_hooks';

/** What identifies the unit of work in progress: an HTTP request or a consumed event. */
export interface RequestContext {
  readonly requestId: string;
  readonly traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const RequestContextStore = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};

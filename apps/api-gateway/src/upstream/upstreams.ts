/** The services behind the gateway. */
export const UPSTREAMS = ['task', 'agent', 'trust', 'routing', 'scheduler', 'webhook'] as const;
export type Upstream = (typeof UPSTREAMS)[number];

export type UpstreamUrls = Record<Upstream, string>;

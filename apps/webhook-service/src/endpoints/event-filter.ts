/**
 * Whether an event type matches an endpoint's filters. A filter is `*` (everything the endpoint
 * may receive), an exact type (`ains.task.completed.v1`) or an aggregate wildcard (`ains.task.*`).
 */
export function matchesEventFilters(eventType: string, filters: readonly string[]): boolean {
  return filters.some((filter) => {
    if (filter === '*' || filter === eventType) return true;
    return filter.endsWith('.*') && eventType.startsWith(filter.slice(0, -1));
  });
}

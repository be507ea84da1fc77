import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads `load()` when `key` changes and again every `intervalMs` (0: once), keeping the last
 * answer on screen while the next one is on its way. Answers that arrive after a newer request
 * was made are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, intervalMs = 0): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: string | null; loading: boolean }>({ data: undefined, error: null, loading: true });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    loadRef.current().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) => mine === generation.current && setState((previous) => ({ data: previous.data, error: messageOf(error), loading: false })),
    );
  }, []);

  useEffect(() => {
    setState({ data: undefined, error: null, loading: true });
    run();
    if (!intervalMs) return () => void generation.current++;
    const timer = setInterval(() => {
      // A hidden tab does not poll.
      if (document.visibilityState === 'visible') run();
    }, intervalMs);
    return () => {
      clearInterval(timer);
      generation.current++;
    };
  }, [key, intervalMs, run]);

  return { ...state, reload: run };
}

export interface PageOf<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Paged<T> extends Loaded<PageOf<T>> {
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: () => void;
  next: () => void;
}

/**
 * Server-side cursor pagination: the page is fetched with the cursor of the one before it; going
 * back reuses the cursors already seen. Changing `filterKey` starts again at the first page.
 */
export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<PageOf<T>>, filterKey: string, intervalMs = 0): Paged<T> {
  // The cursors belong to the filters they were read with: new filters start from the first page.
  const [trail, setTrail] = useState<{ filterKey: string; cursors: (string | undefined)[] }>({ filterKey, cursors: [undefined] });
  const cursors = trail.filterKey === filterKey ? trail.cursors : [undefined];
  const setCursors = (update: (stack: (string | undefined)[]) => (string | undefined)[]) => setTrail({ filterKey, cursors: update(cursors) });
  const cursor = cursors[cursors.length - 1];
  const loaded = useLoad(() => loadPage(cursor), `${filterKey}|${cursor ?? ''}`, intervalMs);
  const nextCursor = loaded.data?.next_cursor ?? null;
  return {
    ...loaded,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: nextCursor !== null,
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    next: () => nextCursor !== null && setCursors((stack) => [...stack, nextCursor]),
  };
}

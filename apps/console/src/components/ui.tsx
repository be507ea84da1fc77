import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { prettyJson } from '../logic/format';

export function StatusBadge({ status }: { status: string | null | undefined }) {
  const value = status ?? 'unknown';
  return <span class={`badge badge-${value.replace(/[^a-z_]/g, '')}`}>{value.replace(/_/g, ' ')}</span>;
}

/** Errors are announced to screen readers as they appear. */
export function ErrorNote({ error }: { error: string | null | undefined }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Loading({ loading }: { loading: boolean }) {
  return loading ? (
    <p class="muted" role="status">
      Loading…
    </p>
  ) : null;
}

export function Pager(props: { label: string; pageNumber: number; hasPrevious: boolean; hasNext: boolean; previous: () => void; next: () => void }) {
  return (
    <nav class="pager" aria-label={`${props.label} pages`}>
      <button type="button" onClick={props.previous} disabled={!props.hasPrevious}>
        ← Previous
      </button>
      <span aria-live="polite">Page {props.pageNumber}</span>
      <button type="button" onClick={props.next} disabled={!props.hasNext}>
        Next →
      </button>
    </nav>
  );
}

/**
 * JSON as text, pretty-printed and cut at a size a page can hold. Preact writes it as a text
 * node, so markup inside (a `<script>` in a task's input, say) is shown, never run.
 */
export function JsonView({ label, value, maxChars = 20_000 }: { label: string; value: unknown; maxChars?: number }) {
  const pretty = prettyJson(value, maxChars);
  return (
    <figure class="json">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0} aria-label={label}>
        {pretty.text}
      </pre>
      {pretty.truncated ? <p class="muted">Shown: the first {maxChars.toLocaleString('en')} of {pretty.length.toLocaleString('en')} characters.</p> : null}
    </figure>
  );
}

export function Facts({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A button that runs an API action once, then tells what happened. */
export function ActionButton({ label, confirm, run, onDone }: { label: string; confirm?: string; run: () => Promise<unknown>; onDone?: () => void }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const click = () => {
    if (confirm && !window.confirm(confirm)) return;
    setState({ busy: true, message: null, failed: false });
    run().then(
      () => {
        setState({ busy: false, message: `${label}: done`, failed: false });
        onDone?.();
      },
      (error: unknown) => setState({ busy: false, message: error instanceof Error ? error.message : String(error), failed: true }),
    );
  };
  return (
    <span class="action">
      <button type="button" onClick={click} disabled={state.busy}>
        {label}
      </button>
      {state.message ? (
        <span class={state.failed ? 'error' : 'muted'} role={state.failed ? 'alert' : 'status'}>
          {state.message}
        </span>
      ) : null}
    </span>
  );
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class="card" aria-labelledby={id}>
      <header class="card-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

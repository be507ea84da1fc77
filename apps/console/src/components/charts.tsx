/**
 * Small SVG charts. Each is an image with a text alternative that states the numbers, so the
 * values are there for screen readers and for anyone who prefers reading to squinting.
 */

const PALETTE = ['#6cb6ff', '#8ddb8c', '#f69d50', '#dcbdfb', '#f47067', '#96d0ff', '#eac55f', '#b083f0', '#56d4dd', '#adbac7'];

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit = '' }: { title: string; bars: Bar[]; unit?: string }) {
  const width = 480;
  const height = 180;
  const bottom = 22;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = width / Math.max(1, bars.length);
  const summary = `${title}: ${bars.map((bar) => `${bar.label} ${bar.value}${unit}`).join(', ')}`;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      <title>{summary}</title>
      {bars.map((bar, index) => {
        const barHeight = ((height - bottom - 14) * bar.value) / max;
        const x = index * slot + slot * 0.15;
        return (
          <g key={bar.label}>
            <rect x={x} y={height - bottom - barHeight} width={slot * 0.7} height={barHeight} fill={PALETTE[0]} rx={2} />
            <text x={x + slot * 0.35} y={height - bottom - barHeight - 3} text-anchor="middle" class="chart-value">
              {bar.value}
            </text>
            <text x={x + slot * 0.35} y={height - 6} text-anchor="middle" class={bars.length > 8 ? 'chart-label chart-label-small' : 'chart-label'}>
              {bar.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  points: { at: number; value: number }[];
}

function clock(at: number): string {
  return new Date(at).toISOString().slice(11, 16);
}

export function LineChart({ title, series, yMax, format = (value: number) => String(value) }: { title: string; series: Series[]; yMax?: number; format?: (value: number) => string }) {
  const width = 480;
  const height = 200;
  const pad = { left: 40, right: 10, top: 10, bottom: 22 };
  const all = series.flatMap((line) => line.points);
  const from = Math.min(...all.map((point) => point.at));
  const to = Math.max(...all.map((point) => point.at));
  const top = yMax ?? Math.max(1, ...all.map((point) => point.value));
  const x = (at: number) => pad.left + (to === from ? 0 : ((at - from) / (to - from)) * (width - pad.left - pad.right));
  const y = (value: number) => height - pad.bottom - (value / top) * (height - pad.top - pad.bottom);
  const latest = series.map((line) => `${line.name} ${(() => { const last = line.points.at(-1); return last ? format(last.value) : 'no data'; })()}`).join(', ');
  const summary = all.length ? `${title}, latest: ${latest}` : `${title}: no data yet`;
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={pad.left - 4} y={y(top) + 4} text-anchor="end" class="chart-label">
          {format(top)}
        </text>
        <text x={pad.left - 4} y={y(0)} text-anchor="end" class="chart-label">
          {format(0)}
        </text>
        {all.length ? (
          <>
            <text x={pad.left} y={height - 6} class="chart-label">
              {clock(from)}
            </text>
            <text x={width - pad.right} y={height - 6} text-anchor="end" class="chart-label">
              {clock(to)}
            </text>
          </>
        ) : null}
        {series.map((line, index) => (
          <polyline key={line.name} fill="none" stroke={PALETTE[index % PALETTE.length]} stroke-width={2} points={line.points.map((point) => `${x(point.at)},${y(point.value)}`).join(' ')} />
        ))}
      </svg>
      {series.length > 1 ? (
        <figcaption class="legend">
          {series.map((line, index) => (
            <span key={line.name}>
              <span class="swatch" data-color={index % PALETTE.length} aria-hidden="true" />
              {line.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

export function Donut({ title, parts }: { title: string; parts: Bar[] }) {
  const total = parts.reduce((sum, part) => sum + part.value, 0);
  const radius = 60;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  const summary = `${title}: ${parts.map((part) => `${part.label} ${part.value}`).join(', ')}`;
  return (
    <figure class="chart-figure donut">
      <svg viewBox="0 0 160 160" role="img" aria-label={summary} class="chart chart-small">
        <title>{summary}</title>
        <circle cx={80} cy={80} r={radius} fill="none" class="donut-track" stroke-width={22} />
        {parts.map((part, index) => {
          const length = total ? (part.value / total) * circumference : 0;
          const arc = (
            <circle key={part.label} cx={80} cy={80} r={radius} fill="none" stroke={PALETTE[(index + 1) % PALETTE.length]} stroke-width={22} stroke-dasharray={`${length} ${circumference - length}`} stroke-dashoffset={-offset} transform="rotate(-90 80 80)" />
          );
          offset += length;
          return arc;
        })}
        <text x={80} y={86} text-anchor="middle" class="donut-total">
          {total}
        </text>
      </svg>
      <figcaption class="legend">
        {parts.map((part, index) => (
          <span key={part.label}>
            <span class="swatch" data-color={(index + 1) % PALETTE.length} aria-hidden="true" />
            {part.label}: {part.value}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

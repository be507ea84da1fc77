import { candidateRows, scoreMeaning, type RoutingCandidate } from '../logic/candidates';
import { shortId } from '../logic/format';
import { hrefOf } from '../logic/route';

const BAR_WIDTH = 120;

/**
 * The candidates routing ranked for one attempt: a table (rank, agent, score with a bar, the
 * figures behind it), the chosen agent marked in words and not only by colour.
 */
export function RoutingCandidates({ attempt, routing }: { attempt: number; routing: { strategy: string; candidate_count: number; candidates: RoutingCandidate[] } }) {
  const rows = candidateRows(routing.candidates);
  const shown = rows.length < routing.candidate_count ? `the best ${rows.length} of ${routing.candidate_count} capable agents` : `all ${rows.length} capable agent${rows.length === 1 ? '' : 's'}`;
  return (
    <div class="table-wrap candidates">
      <table>
        <caption>
          Attempt {attempt}: strategy <strong>{routing.strategy}</strong>, {shown}. Score: {scoreMeaning(routing.strategy)}; higher is preferred.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Agent</th>
            <th scope="col">Score</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rank} class={row.chosen ? 'chosen' : undefined}>
              <td>{row.rank}</td>
              <td>
                {row.agentId ? (
                  <a href={hrefOf({ page: 'agent', id: row.agentId })} class="mono">
                    {shortId(row.agentId)}
                  </a>
                ) : (
                  <span class="muted">another agent</span>
                )}
                {row.chosen ? <span class="badge badge-completed">chosen</span> : null}
              </td>
              <td class="score">
                <svg width={BAR_WIDTH} height={10} aria-hidden="true" class="score-bar">
                  <rect width={BAR_WIDTH} height={10} rx={2} class="score-track" />
                  <rect width={Math.max(1, row.share * BAR_WIDTH)} height={10} rx={2} class={row.chosen ? 'score-fill score-fill-chosen' : 'score-fill'} />
                </svg>{' '}
                {row.score}
              </td>
              <td>{row.factors || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

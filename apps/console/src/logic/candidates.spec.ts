import { candidateRows, scoreMeaning } from './candidates';

describe('candidateRows', () => {
  it('ranks as routing sent them, marks the chosen one and scales bars to the best score', () => {
    const rows = candidateRows([
      { agent_id: 'a', score: 0.5, factors: { trust: 0.9 }, chosen: false },
      { agent_id: null, score: 0.25, factors: { trust: 0.45 }, chosen: false },
      { agent_id: 'c', score: 0.125, factors: { trust: 0.225 }, chosen: true },
    ]);
    expect(rows.map((row) => [row.rank, row.agentId, row.chosen, row.share])).toEqual([
      [1, 'a', false, 1],
      [2, null, false, 0.5],
      [3, 'c', true, 0.25],
    ]);
    expect(rows[0].factors).toBe('trust 0.9');
  });

  it('spells factors out', () => {
    const [row] = candidateRows([{ agent_id: 'a', score: 0.5, factors: { active_tasks: 1, utilisation: 0.25, avg_completion_ms: 1234.56 }, chosen: true }]);
    expect(row.factors).toBe('active tasks 1, utilisation 25 %, avg completion ms 1235');
  });

  it('gives no bar when every score is 0', () => {
    expect(candidateRows([{ agent_id: 'a', score: 0, factors: {}, chosen: true }])[0].share).toBe(0);
  });
});

describe('scoreMeaning', () => {
  it('explains the built-in strategies and falls back for others', () => {
    expect(scoreMeaning('least_loaded')).toBe('1 / (1 + active tasks)');
    expect(scoreMeaning('most_trusted')).toBe('the strategy’s own score');
  });
});

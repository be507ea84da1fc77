/** One agent's completions of a batch, folded so one update gives what applying each in turn would. */
export interface CompletionFold {
  agentId: string;
  /** The new average is `factor × old + offset` … */
  factor: number;
  offset: number;
  /** … or this, when the agent had no average yet (its first completion starts it). */
  ifNoAverage: number;
}

/**
 * Exponential moving averages of completion times, batched: each completion moves the average by
 * `avg ← alpha × d + (1 − alpha) × avg` (the first one sets it). A run of completions is an affine
 * map of the old average, so it is kept as one (factor, offset) pair per agent.
 */
export class CompletionTimes {
  private readonly folds_ = new Map<string, CompletionFold>();

  constructor(private readonly alpha: number) {}

  add(agentId: string, durationMs: number): void {
    const keep = 1 - this.alpha;
    const fold = this.folds_.get(agentId);
    if (!fold) {
      this.folds_.set(agentId, { agentId, factor: keep, offset: this.alpha * durationMs, ifNoAverage: durationMs });
      return;
    }
    fold.factor *= keep;
    fold.offset = keep * fold.offset + this.alpha * durationMs;
    fold.ifNoAverage = keep * fold.ifNoAverage + this.alpha * durationMs;
  }

  folds(): CompletionFold[] {
    return [...this.folds_.values()];
  }
}

/** The average after applying one completion to `average` (null: none yet), for reference and tests. */
export function nextAverage(average: number | null, durationMs: number, alpha: number): number {
  return average === null ? durationMs : alpha * durationMs + (1 - alpha) * average;
}

export interface SummarizeInput {
  text: string;
  /** Sentences to keep (default 2). */
  max_sentences: number;
}

export interface SummarizeOutput {
  summary: string;
  sentences: number;
}

/** Checks a task's input: the agent fails the task without retry when this throws. */
export function parseSummarizeInput(input: Record<string, unknown>): SummarizeInput {
  const { text, max_sentences: maxSentences = 2 } = input;
  if (typeof text !== 'string' || text.trim() === '') throw new Error('`text` must be a non-empty string');
  if (typeof maxSentences !== 'number' || !Number.isInteger(maxSentences) || maxSentences < 1) throw new Error('`max_sentences` must be a positive integer');
  return { text, max_sentences: maxSentences };
}

/**
 * An extractive summary: the sentences whose words are most frequent in the whole text, in their
 * original order. Small enough for an example, real enough to see what comes back.
 */
export function summarize({ text, max_sentences: maxSentences }: SummarizeInput): SummarizeOutput {
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((sentence) => sentence.trim()).filter(Boolean) ?? [];
  const words = (sentence: string) => sentence.toLowerCase().match(/[\p{L}\p{N}']{4,}/gu) ?? [];
  const frequency = new Map<string, number>();
  for (const word of words(text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const score = (sentence: string) => words(sentence).reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.max(1, words(sentence).length);
  const kept = sentences
    .map((sentence, index) => ({ sentence, index, score: score(sentence) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, maxSentences)
    .sort((a, b) => a.index - b.index);
  return { summary: kept.map((entry) => entry.sentence).join(' '), sentences: kept.length };
}

import { AinsAgent, consoleLogger } from '@ains/agent-sdk';
import { parseSummarizeInput, summarize, type SummarizeInput, type SummarizeOutput } from './summarize';

// An agent that summarises text. The first run registers it with a key that may register agents
// (AINS_API_KEY, e.g. the admin key `npm start` printed) and prints the agent's own id and key;
// later runs pass those (AINS_AGENT_ID and its AINS_API_KEY) to run as the same agent.
const url = process.env.AINS_URL ?? 'http://127.0.0.1:8080';
const apiKey = process.env.AINS_API_KEY;
const agentId = process.env.AINS_AGENT_ID;
if (!apiKey) {
  console.error('Set AINS_API_KEY: a key with agents:write to register a new agent, or with AINS_AGENT_ID that agent’s own key.');
  process.exit(2);
}

const agent = new AinsAgent({
  url,
  apiKey,
  ...(agentId ? { agentId } : { registration: { display_name: 'example-summarizer', tags: ['summarizer'], max_concurrency: 4 } }),
  onRegistered: (registered) =>
    console.log(`Registered agent ${registered.id}. To run as this agent next time:\n  AINS_AGENT_ID=${registered.id} AINS_API_KEY=${registered.api_key} node dist/examples/agent/main.js`),
  logger: consoleLogger(process.env.AINS_LOG_LEVEL === 'debug' ? 'debug' : 'info'),
});

agent.handle<SummarizeInput, SummarizeOutput>(
  'summarize',
  async (input, ctx) => {
    await ctx.progress({ stage: 'summarizing', characters: input.text.length });
    return summarize(input);
  },
  { parseInput: parseSummarizeInput },
);

agent.start().then(
  () => console.log(`Agent ${agent.id} is taking "summarize" tasks from ${url}; Ctrl-C stops it after the running tasks.`),
  (error: unknown) => {
    console.error(`The agent could not start: ${String(error)}`);
    process.exit(1);
  },
);

// Stops what the suite started, newest first, once: at the end, on an error, or on Ctrl-C / SIGTERM.

export function createCleanup(say) {
  const steps = [];
  let running;
  const run = () =>
    (running ??= (async () => {
      for (const { name, stop } of steps.reverse()) {
        try {
          say(`stopping ${name}`);
          await stop();
        } catch (error) {
          say(`stopping ${name} failed: ${error.message}`);
        }
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      say(`${signal}: cleaning up`);
      void run().finally(() => process.exit(130));
    });
  }
  return {
    /** Registers `stop` under `name`; returns a function that runs it now instead of at the end. */
    add(name, stop) {
      const step = { name, stop };
      steps.push(step);
      return async () => {
        steps.splice(steps.indexOf(step), 1);
        say(`stopping ${name}`);
        await stop();
      };
    },
    run,
  };
}

import { ConfigValidationError } from '../config/load-config';

/**
 * Runs a service's entry point. Configuration errors end the process with their message and
 * nothing else; other start-up failures print the error and exit non-zero.
 */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  });
}

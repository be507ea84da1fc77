/** Where the agent says what it does. Silent unless one is given. */
export interface AgentLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = keyof AgentLogger;

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

const ignore = (): void => undefined;

export const silentLogger: AgentLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/** Lines on the console from `level` up: `<time> <level> <message> <fields as JSON>`. */
export function consoleLogger(level: LogLevel = 'info'): AgentLogger {
  const write = (at: LogLevel) =>
    LEVELS.indexOf(at) < LEVELS.indexOf(level)
      ? ignore
      : (message: string, fields?: Record<string, unknown>) => console[at](`${new Date().toISOString()} ${at} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

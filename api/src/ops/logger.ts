/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), so a log shipper can
 * parse them without patterns. Bindings (service, requestId, ...) are repeated on every line.
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every line, e.g. per HTTP request. */
  child(bindings: LogFields): Logger;
}

/** Where lines go; injected in tests, stdout/stderr in production. */
export type LogSink = (level: LogLevel, line: string) => void;

const defaultSink: LogSink = (level, line) => {
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
};

/** Creates a JSON-lines logger with `bindings` on every line (time, level and msg come first). */
export function createLogger(bindings: LogFields = {}, sink: LogSink = defaultSink): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields) => {
    const entry = { time: new Date().toISOString(), level, msg, ...bindings, ...serialise(fields) };
    sink(level, JSON.stringify(entry));
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger({ ...bindings, ...more }, sink),
  };
}

/** Errors do not survive JSON.stringify (their fields are not enumerable); keep name, message and stack. */
function serialise(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

import { pino, type Logger } from 'pino';

/** Structured JSON logs on stdout. Tokens and keys are never logged. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'plenary' },
    redact: { paths: ['token', 'key', 'facilitatorKey', '*.token', '*.key'], remove: true },
  });
}

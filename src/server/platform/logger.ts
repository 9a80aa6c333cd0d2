import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs (pino). Personal data never goes into a log line: log ids, not names. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'password', '*.password'], remove: true },
  });
}

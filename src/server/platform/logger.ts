import pino from 'pino';

export type Logger = pino.Logger;

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
  ip?: string;
}

/**
 * The request as it appears in logs: method and path only. Query strings can carry personal
 * data (a child's identification number in a status lookup, Decree 13/2023/NĐ-CP), so they
 * are never logged; ids, not names, go into log lines.
 */
export function serializeRequest(req: LoggedRequest) {
  return { method: req.method, url: (req.url ?? '').split('?')[0], reqId: req.id };
}

/** JSON logs (pino), with secrets redacted and query strings dropped. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-otp-token"]',
        'req.headers["x-child-id"]',
        'req.headers["x-child-dob"]',
        'password',
        '*.password',
      ],
      remove: true,
    },
    serializers: { req: serializeRequest },
  };
  return destination ? pino(options, destination) : pino(options);
}

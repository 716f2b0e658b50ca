/**
 * One JSON line as pino writes it, with the fields the log tests read; anything else a line
 * carries is there as `unknown`.
 */
export interface LogLine {
  level?: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  auth?: { token?: string };
  req?: { headers?: { authorization?: string } };
  [key: string]: unknown;
}

/** Parses one line pino wrote. */
export const parseLogLine = (line: string): LogLine => JSON.parse(line) as LogLine;

// A failing WAL checkpoint is logged once when it starts failing and once when it recovers, not
// every 250 ms: while it fails the WAL grows on disk, which an operator must hear of, once.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { logCheckpointFaults } from '../../server/store/sqlite-durability.js';

function capturedLogger() {
  const lines: Array<{ level: number; msg: string; fault?: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('logCheckpointFaults', () => {
  it('logs a fault when it starts and when checkpoints succeed again, and stays quiet in between', () => {
    const { logger, lines } = capturedLogger();
    const report = logCheckpointFaults(logger);
    report({ log: 10, checkpointed: 10 });
    for (let i = 0; i < 5; i += 1) report({ error: 'SqliteError: disk I/O error' });
    report({ error: 'the checkpoint thread stopped (exit code 1)' });
    report({ log: 0, checkpointed: 0 });
    report({ log: 5, checkpointed: 5 });

    expect(lines.map((line) => [line.level, line.fault ?? line.msg])).toEqual([
      [50, 'SqliteError: disk I/O error'],
      [50, 'the checkpoint thread stopped (exit code 1)'],
      [30, 'WAL checkpoints succeed again'],
    ]);
  });
});

// The relaydesk command as a user runs it: a real child process, real files, stdout and exit codes.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { INTENTS_DIR } from '../support/intents.js';

const BIN = fileURLToPath(new URL('../../bin/relaydesk.js', import.meta.url));
const run = promisify(execFile);
const temporary: string[] = [];

async function relaydesk(args: string[], cwd = process.cwd()): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, INTENTS_DIR: '' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('relaydesk CLI', () => {
  it('classify prints the triage JSON as one line', async () => {
    const { stdout, code } = await relaydesk(['classify', 'where is my order #1001?', '--intents', INTENTS_DIR]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toMatchObject({ intent: 'logistics', entities: { orderIds: ['1001'] }, handoff: false });
  });

  it('eval --json ends with one JSON object with the SPEC fields', async () => {
    const { stdout, code } = await relaydesk(['eval', join(INTENTS_DIR, 'examples.jsonl'), '--json', '--intents', INTENTS_DIR]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(report).toMatchObject({ n: expect.any(Number), intent: { accuracy: expect.any(Number), macroF1: expect.any(Number) } });
    expect(report.intent.perIntent.refund).toEqual({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), support: expect.any(Number) });
    expect(report.negative).toMatchObject({ f1: expect.any(Number), n: report.n });
    expect(report.msPerMessage).toBeGreaterThan(0);
  });

  it('eval without --json prints readable tables', async () => {
    const { stdout } = await relaydesk(['eval', join(INTENTS_DIR, 'examples.jsonl'), '--intents', INTENTS_DIR]);
    expect(stdout).toContain('macro-F1');
    expect(stdout).toMatch(/refund\s+\d/);
  });

  it('check-intents passes on the project files and fails with file and field on a broken one', async () => {
    expect((await relaydesk(['check-intents', '--intents', INTENTS_DIR])).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'relaydesk-intents-'));
    temporary.push(dir);
    cpSync(INTENTS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'refund.yaml'), 'intent: refund\nkeywords:\n  en:\n    refund: "high"\n');
    const { code, stderr } = await relaydesk(['check-intents', '--intents', dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('refund.yaml:4:5 keywords.en.refund: a weight is a number');
  });

  it('reads INTENTS_DIR and ./intents by default, and explains bad usage', async () => {
    const { code } = await relaydesk(['classify', 'hello'], fileURLToPath(new URL('../..', import.meta.url)));
    expect(code).toBe(0);
    const usage = await relaydesk(['frobnicate']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('usage: relaydesk');
  });
  it('eval --half keeps one fixed half of the rows, and check-intents --leaks warns about rare terms', { timeout: 90_000 }, async () => {
    const sample = mkdtempSync(join(tmpdir(), 'relaydesk-half-'));
    temporary.push(sample);
    const examples = join(sample, 'rows.jsonl');
    writeFileSync(examples, Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: `where is my order ${i}`, intent: 'logistics' })).join('\n'));
    const whole = JSON.parse((await relaydesk(['eval', examples, '--json', '--intents', INTENTS_DIR])).stdout.trim().split('\n').at(-1)!);
    const tune = JSON.parse((await relaydesk(['eval', examples, '--json', '--half', 'tune', '--intents', INTENTS_DIR])).stdout.trim().split('\n').at(-1)!);
    const check = JSON.parse((await relaydesk(['eval', examples, '--json', '--half', 'check', '--intents', INTENTS_DIR])).stdout.trim().split('\n').at(-1)!);
    expect(tune.n + check.n).toBe(whole.n);
    expect(tune.n).toBeGreaterThan(0);
    expect((await relaydesk(['eval', examples, '--half', 'middle'])).stderr).toContain('--half takes tune or check');
    const dir = mkdtempSync(join(tmpdir(), 'relaydesk-leaks-'));
    temporary.push(dir);
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(rows, ['{"text":"refund please"}', '{"text":"where is my parcel"}'].join('\n'));
    const { stdout, code } = await relaydesk(['check-intents', '--leaks', rows, '--intents', INTENTS_DIR]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning refund\.yaml keywords\/phrases\.en "refund": occurs in only 1 labelled row \(.*rows\.jsonl:1\)/);
    expect(stdout).toMatch(/terms occur in two or fewer of 2 labelled rows/);
  });
});

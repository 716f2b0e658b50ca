// The floors the intents must keep on intents/examples.jsonl: a keyword edit that breaks them fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabelledRows, runEvaluation } from '../../server/eval/run-evaluation.js';
import { INTENTS_DIR, projectIntents } from '../support/intents.js';

const rows = parseLabelledRows(readFileSync(join(INTENTS_DIR, 'examples.jsonl'), 'utf8'), 'intents/examples.jsonl');
const { report } = runEvaluation(rows, projectIntents());

describe('intents/examples.jsonl', () => {
  it('has at least 400 rows covering all six intents and both booleans', () => {
    expect(rows.length).toBeGreaterThanOrEqual(400);
    expect(Object.values(report.intent!.perIntent).every((scores) => scores.support >= 30)).toBe(true);
    expect(report.negative!.n).toBe(rows.length);
    expect(report.handoff!.n).toBe(rows.length);
  });

  it('intent macro-F1 ≥ 0.90', () => {
    expect(report.intent!.macroF1).toBeGreaterThanOrEqual(0.9);
  });

  it('negative F1 ≥ 0.80', () => {
    expect(report.negative!.f1).toBeGreaterThanOrEqual(0.8);
  });

  it('handoff recall ≥ 0.95', () => {
    expect(report.handoff!.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('has at least 60 rows in each of the seven languages, every row with its lang', () => {
    expect(rows.every((row) => typeof row.lang === 'string')).toBe(true);
    expect(Object.keys(report.byLanguage!).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh']);
    for (const scores of Object.values(report.byLanguage!)) expect(scores.n).toBeGreaterThanOrEqual(60);
  });

  it('per language: intent macro-F1 ≥ 0.90 and handoff recall ≥ 0.95', () => {
    for (const [language, scores] of Object.entries(report.byLanguage!)) {
      expect(scores.intent!.macroF1, language).toBeGreaterThanOrEqual(0.9);
      expect(scores.handoff!.recall, language).toBeGreaterThanOrEqual(0.95);
    }
  });
});

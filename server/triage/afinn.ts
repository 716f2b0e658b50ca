/**
 * natural's English AFINN-165 lexicon (word → -5..5), taken from natural's SentimentAnalyzer
 * without loading `natural`'s index (see stem.ts for why). Scoring itself lives in sentiment.ts,
 * because it adds negation reach, the shop-support lexicon and shouting on top.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface AnalyzerConstructor {
  new (language: string, stemmer: undefined, type: string): { vocabulary: Record<string, number> };
}

let afinn: ReadonlyMap<string, number> | undefined;

/** The AFINN vocabulary, loaded once (~80 ms) on first use. */
export function afinnLexicon(): ReadonlyMap<string, number> {
  if (!afinn) {
    const loaded = require('natural/lib/natural/sentiment/SentimentAnalyzer.js') as
      AnalyzerConstructor & { default?: AnalyzerConstructor; SentimentAnalyzer?: AnalyzerConstructor };
    const Analyzer = loaded.SentimentAnalyzer ?? loaded.default ?? loaded;
    const analyzer = new Analyzer('English', undefined, 'afinn');
    afinn = new Map(Object.entries(analyzer.vocabulary));
  }
  return afinn;
}

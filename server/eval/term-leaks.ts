/**
 * `relaydesk check-intents --leaks`: terms that occur in two or fewer labelled rows. A term that
 * fires on one row of thousands was most likely copied from that row (a typo, a brand, a phrase
 * only one writer used); it inflates the score on that data and does nothing for real shoppers.
 * Pure: rows and a compiled set in, warnings out.
 *
 * @example findTermLeaks(set, [{ source: 'dev.jsonl', rows }]) // → [{ file: 'human.yaml', term: 'persn', rows: 1, ... }]
 */
import type { IndexByLanguage, IntentSet } from '../intents/compile-intents.js';
import { analyzeMessage, type MessageAnalysis } from '../triage/analysis.js';
import { matchTerms, type Term } from '../triage/term-index.js';

/** At or below this many rows a term is reported. */
export const LEAK_MAX_ROWS = 2;

export interface LabelledSource {
  source: string;
  rows: ReadonlyArray<{ text: string }>;
}

export interface TermLeak {
  /** The intents file that holds the term. */
  file: string;
  section: string;
  language: string;
  term: string;
  rows: number;
  /** Where it occurs: `file.jsonl:line` for each row. */
  where: string[];
}

interface IndexKind {
  section: string;
  indexes: (set: IntentSet) => IndexByLanguage;
  stemmed: boolean;
  file: (owner: string) => string;
}

const KINDS: readonly IndexKind[] = [
  { section: 'keywords/phrases', indexes: (set) => set.intentTerms, stemmed: true, file: (owner) => `${owner}.yaml` },
  { section: 'exclude', indexes: (set) => set.intentExclusions, stemmed: true, file: (owner) => `${owner}.yaml` },
  { section: 'categories', indexes: (set) => set.safety, stemmed: false, file: () => 'safety.yaml' },
  { section: 'exclude', indexes: (set) => set.safetyExclusions, stemmed: false, file: () => 'safety.yaml' },
  { section: 'threats', indexes: (set) => set.threats, stemmed: true, file: () => 'safety.yaml' },
  { section: 'terms', indexes: (set) => set.sentimentTerms, stemmed: true, file: () => 'sentiment.yaml' },
];

export function findTermLeaks(set: IntentSet, sources: readonly LabelledSource[]): TermLeak[] {
  const hits = new Map<Term, { kind: IndexKind; language: string; where: string[] }>();
  for (const { source, rows } of sources) {
    rows.forEach((row, i) => {
      const analysis = analyzeMessage(row.text, set);
      for (const kind of KINDS) {
        for (const [language, index] of kind.indexes(set)) {
          for (const term of termsIn(analysis, index, language, kind.stemmed)) {
            const entry = hits.get(term) ?? { kind, language, where: [] };
            if (entry.where.length <= LEAK_MAX_ROWS) entry.where.push(`${source}:${i + 1}`);
            hits.set(term, entry);
          }
        }
      }
    });
  }
  const leaks: TermLeak[] = [];
  for (const [term, { kind, language, where }] of hits) {
    if (where.length > LEAK_MAX_ROWS) continue;
    leaks.push({ file: kind.file(term.owner), section: kind.section, language, term: term.label, rows: where.length, where });
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file) || a.term.localeCompare(b.term));
}

function termsIn(analysis: MessageAnalysis, index: IndexByLanguage extends ReadonlyMap<string, infer I> ? I : never, language: string, stemmed: boolean): Term[] {
  const units = stemmed ? analysis.stems(language) : analysis.words;
  return matchTerms(index, units, analysis.clauses, analysis.folded, analysis.words).map((match) => match.term);
}

/** One line per leak, as `check-intents --leaks` prints it. */
export function formatLeak(leak: TermLeak): string {
  const rows = leak.rows === 1 ? '1 labelled row' : `${leak.rows} labelled rows`;
  return `warning ${leak.file} ${leak.section}.${leak.language} "${leak.term}": occurs in only ${rows} (${leak.where.join(', ')}); keep it only if a support lead would write it for any shop`;
}

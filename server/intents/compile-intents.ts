/**
 * Pure: validated intent files → an immutable `IntentSet` that triage matches against.
 * Compiling normalizes and stems every term once (add, build, then match, like hono's routers);
 * a reload compiles a whole new set and swaps the reference, so a message never sees half a set.
 *
 * @example const set = compileIntents({ intents, safety, sentiment }); triage('refund pls', [], set);
 */
import type { IntentName } from '../protocol.js';
import { afinnLexicon } from '../triage/afinn.js';
import { tokenize, foldText, isSubstringTerm } from '../triage/normalize.js';
import { stem, hasStemmer } from '../triage/stem.js';
import { buildTermIndex, type Term, type TermIndex } from '../triage/term-index.js';
import { buildTypoIndex, type TypoIndex } from '../triage/typo-index.js';
import { PLACE_SLOT, PLACE_UNIT } from '../triage/places.js';
import type { WordView } from '../triage/word-views.js';
import type { AerTemplate, IntentFile, SafetyFile, SentimentFile } from './intent-file-schema.js';

export interface IntentSources {
  intents: readonly IntentFile[];
  safety: SafetyFile;
  sentiment: SentimentFile;
}

export interface CompiledIntent {
  name: IntentName;
  priority: number;
  negatable: boolean;
  replies: Readonly<Record<string, Readonly<Record<string, AerTemplate>>>>;
}

/** Term indexes per language; stemmed ones are matched with that language's stems. */
export type IndexByLanguage = ReadonlyMap<string, TermIndex>;

export interface IntentSet {
  readonly intents: ReadonlyMap<IntentName, CompiledIntent>;
  readonly intentTerms: IndexByLanguage;
  readonly intentExclusions: IndexByLanguage;
  /** Unstemmed: safety terms are exact word forms. Per language, so German "Brand" is not an English brand. */
  readonly safety: IndexByLanguage;
  readonly safetyExclusions: IndexByLanguage;
  /** Single words that turn an adjacent hazard word into a name (any language, folded). */
  readonly safetyNames: ReadonlySet<string>;
  readonly safetyIncident: IndexByLanguage;
  readonly safetyHarm: IndexByLanguage;
  readonly safetyPersons: IndexByLanguage;
  readonly threats: IndexByLanguage;
  readonly sentimentTerms: IndexByLanguage;
  readonly afinn: ReadonlyMap<string, number>;
  /** Words that may be spelled elongated on purpose ("good" in "goood"), see normalize.ts. */
  readonly knownWords: ReadonlySet<string>;
  /** Per language, the words of every non-exact term: what typos and run-together words resolve to. */
  readonly typo: ReadonlyMap<string, TypoIndex>;
  /** word + languages → its correction (or null): filled as messages arrive, bounded. */
  readonly typoCache: Map<string, TypoFix | null>;
  /** word → its stem and the terms that can start at it, per language: filled as messages arrive, bounded (word-views.ts). */
  readonly wordViews: Map<string, WordView>;
  /** How many terms ops wrote across intents, safety and threats. */
  readonly termCount: number;
  /** Every language with intent terms, English first: tried when a message's language is unclear. */
  readonly languages: readonly string[];
}

type WeightedTerms = Record<string, Record<string, number>>;

/** What typo tolerance made of one message word: one corrected word, or two split ones. */
export type TypoFix = readonly string[];
/** Per language, the words ops wrote in non-exact terms. */
type Vocabulary = Map<string, Set<string>>;

export function compileIntents(sources: IntentSources): IntentSet {
  const knownWords = new Set<string>(afinnLexicon().keys());
  const vocabulary: Vocabulary = new Map();
  const intentTerms = new TermCollector(true, knownWords, vocabulary);
  const intentExclusions = new TermCollector(true, knownWords, vocabulary);
  const intents = new Map<IntentName, CompiledIntent>();
  for (const file of sources.intents) {
    intents.set(file.intent, {
      name: file.intent,
      priority: file.priority,
      negatable: file.negatable,
      replies: file.replies,
    });
    intentTerms.addWeighted(file.keywords, file.intent);
    intentTerms.addWeighted(file.phrases, file.intent);
    intentExclusions.addList(file.exclude, file.intent, 0);
  }
  const safety = new TermCollector(false, knownWords, vocabulary);
  for (const [category, terms] of Object.entries(sources.safety.categories)) safety.addList(terms, category, 1);
  const safetyExclusions = new TermCollector(false, knownWords, vocabulary);
  safetyExclusions.addList(sources.safety.exclude, 'exclude', 0);
  const safetyIncident = new TermCollector(false, knownWords, vocabulary);
  safetyIncident.addList(sources.safety.incident, 'incident', 0);
  const safetyHarm = new TermCollector(false, knownWords, vocabulary);
  safetyHarm.addList(sources.safety.harm, 'harm', 1);
  const safetyPersons = new TermCollector(false, knownWords, vocabulary);
  safetyPersons.addList(sources.safety.persons, 'person', 0);
  const safetyNames = new Set(Object.values(sources.safety.names).flat().map((word) => foldText(word.trim())));
  const threats = new TermCollector(true, knownWords, vocabulary);
  for (const [kind, terms] of Object.entries(sources.safety.threats)) threats.addList(terms, kind, 1);
  const sentimentTerms = new TermCollector(true, knownWords, vocabulary);
  sentimentTerms.addWeighted(sources.sentiment.terms, 'sentiment');

  const afinn = new Map(afinnLexicon());
  for (const words of Object.values(sources.sentiment.neutral)) for (const word of words) afinn.delete(foldText(word));

  const termCount = intentTerms.count + safety.count + threats.count;
  return Object.freeze({
    intents,
    intentTerms: intentTerms.byLanguage(),
    intentExclusions: intentExclusions.byLanguage(),
    safety: safety.byLanguage(),
    safetyExclusions: safetyExclusions.byLanguage(),
    safetyNames,
    safetyIncident: safetyIncident.byLanguage(),
    safetyHarm: safetyHarm.byLanguage(),
    safetyPersons: safetyPersons.byLanguage(),
    threats: threats.byLanguage(),
    sentimentTerms: sentimentTerms.byLanguage(),
    afinn,
    knownWords,
    typo: new Map([...vocabulary].map(([language, words]) => [language, buildTypoIndex(words)])),
    typoCache: new Map(),
    wordViews: new Map(),
    termCount,
    languages: ['en', ...[...intentTerms.byLanguage().keys()].filter((language) => language !== 'en')],
  });
}

/** Normalizes terms the same way messages are, then groups them into indexes. */
class TermCollector {
  private readonly terms = new Map<string, Term[]>();
  /** language + owner + units → term: "refund" and "refunded" share a stem and count once. */
  private readonly byKey = new Map<string, Term>();
  private readonly substrings = new Map<string, Term[]>();
  count = 0;

  constructor(
    private readonly stemmed: boolean,
    private readonly knownWords: Set<string>,
    private readonly vocabulary: Vocabulary,
  ) {}

  addWeighted(byLanguage: WeightedTerms, owner: string): void {
    for (const [language, terms] of Object.entries(byLanguage)) {
      for (const [label, weight] of Object.entries(terms)) this.add(language, label, weight, owner);
    }
  }

  addList(byLanguage: Record<string, string[]>, owner: string, weight: number): void {
    for (const [language, labels] of Object.entries(byLanguage)) {
      for (const label of labels) this.add(language, label, weight, owner);
    }
  }

  private add(language: string, label: string, weight: number, owner: string): void {
    this.count++;
    if (isSubstringTerm(label)) {
      push(this.substrings, language, { label, units: [foldText(label)], weight, owner });
      return;
    }
    const exact = label.startsWith('=');
    // A `<place>` slot ("do you deliver to <place>") becomes one unit that any country or capital fills.
    const written = (exact ? label.slice(1) : label).replaceAll(PLACE_SLOT, ` ${PLACE_MARK} `);
    const words = tokenize(written).map((token) => token.word);
    for (const word of words) this.knownWords.add(word);
    if (!exact) {
      let known = this.vocabulary.get(language);
      if (!known) this.vocabulary.set(language, (known = new Set()));
      for (const word of words) if (word !== PLACE_MARK) known.add(word);
    }
    const stemLanguage = hasStemmer(language) ? language : 'en';
    const units = words.map((word) => (word === PLACE_MARK ? PLACE_UNIT : this.stemmed && !exact ? stem(word, stemLanguage) : word));
    if (units.length === 0) return;
    const key = `${language}\u0000${owner}\u0000${exact ? '=' : ''}${units.join(' ')}`;
    const existing = this.byKey.get(key);
    if (existing) {
      // Same stems twice ("refund", "refunded"): one term, the larger weight.
      if (Math.abs(weight) > Math.abs(existing.weight)) existing.weight = weight;
      return;
    }
    const term: Term = { label: exact ? label.slice(1) : label, units, weight, owner, exact };
    this.byKey.set(key, term);
    push(this.terms, language, term);
  }

  byLanguage(): IndexByLanguage {
    const languages = new Set([...this.terms.keys(), ...this.substrings.keys()]);
    const indexes = new Map<string, TermIndex>();
    for (const language of languages) {
      indexes.set(language, buildTermIndex(this.terms.get(language) ?? [], this.substrings.get(language) ?? [], CJK_NEGATION[language]));
    }
    return indexes;
  }
}

/** What `<place>` reads as while a term is tokenized: a word no shopper writes. */
const PLACE_MARK = 'zzplacezz';

// Japanese negates after the word (届きません, 壊れていない), Chinese before it (没收到, 不满意).
const CJK_NEGATION: Readonly<Partial<Record<string, 'suffix' | 'prefix'>>> = { ja: 'suffix', zh: 'prefix' };

function push(map: Map<string, Term[]>, key: string, term: Term): void {
  const list = map.get(key);
  if (list) list.push(term);
  else map.set(key, [term]);
}

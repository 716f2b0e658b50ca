/**
 * The zod schemas of the ops-edited files under `intents/`: one file per intent, `safety.yaml`
 * and `sentiment.yaml`. Ops write words and phrases with weights, never regular expressions,
 * so tuning cannot introduce ReDoS. Messages say how to fix the value, not only what is wrong.
 *
 * @example IntentFile.parse(yaml.parse(fs.readFileSync('intents/refund.yaml', 'utf8')))
 */
import { z } from 'zod';
import { INTENT_NAMES } from '../protocol.js';

/** A language code such as `en`, `de`, `pt`, `ja`. */
const LanguageCode = z
  .string()
  .regex(/^[a-z]{2}$/, { message: 'use a two-letter language code such as en, de, fr, es, pt, ja, zh' });

/** A word or phrase as a shopper would type it; letters, digits, spaces, apostrophes and hyphens. */
const Term = z
  .string()
  .trim()
  .min(1, { message: 'empty term: write a word or a phrase' })
  .max(80, { message: 'a term is at most 80 characters: split it into shorter phrases' })
  .refine((term) => !/[\\^$*+?()[\]{}|]/.test(term), {
    message: 'write plain words, not a regular expression (no \\ ^ $ * + ? ( ) [ ] { } |)',
  })
  // Shopper text is read with "sooo" shortened to "so"; a term goes through the same step.
  .refine((term) => !/(\p{Script=Latin})\1\1/iu.test(term), {
    message: 'a letter three times in a row is shortened as in shoppers\' "sooo" → "so" ("bbb" would match every "b"): spell the word out',
  });

const Weight = z
  .number({ message: 'a weight is a number such as 1, 2.5 or 0.5' })
  .min(-10, { message: 'weights range from -10 to 10' })
  .max(10, { message: 'weights range from -10 to 10' });

/** `{ en: { refund: 3, "money back": 2 } }`: per language, term → weight. */
const WeightedTerms = z.record(LanguageCode, z.record(Term, Weight));
/** `{ en: ["refund policy"] }`: per language, a list of terms. */
const TermList = z.record(LanguageCode, z.array(Term));

/** One AER reply: Acknowledge → Empathize → Reassure with a concrete next step (SPEC §4). */
export const AerTemplate = z.object({
  acknowledge: z.string().min(1),
  empathize: z.string().min(1),
  reassure: z.string().min(1),
});
export type AerTemplate = z.infer<typeof AerTemplate>;

export const IntentFile = z.strictObject({
  intent: z.enum(INTENT_NAMES, { message: `intent must be one of ${INTENT_NAMES.join(', ')}` }),
  description: z.string().optional(),
  /** Wins ties between intents with equal scores; higher first. */
  priority: z.number().int().min(0).max(100).default(0),
  /** When true, a negator just before a term cancels it ("not damaged" is not damage). */
  negatable: z.boolean().default(false),
  /** Single words, matched on their stems ("refunds", "refunded" match "refund"). */
  keywords: WeightedTerms.default({}),
  /** Several words in order; up to two other words may stand between them. */
  phrases: WeightedTerms.default({}),
  /** Terms that rule this intent out for the message ("refund policy" is not a payment). */
  exclude: TermList.default({}),
  /** Reply templates per language, then per situation (see intents/README.md). */
  replies: z.record(LanguageCode, z.record(z.string().regex(/^[a-z_]+$/), AerTemplate)).default({}),
});
export type IntentFile = z.infer<typeof IntentFile>;

/** `safety.yaml`: incidents that go to a person at once, and the threats that raise urgency. */
export const SafetyFile = z.strictObject({
  /** Category → per-language terms, matched on unstemmed words ("burned" does not match "burn cream"). */
  categories: z.record(z.string().regex(/^[a-z_]+$/), TermList),
  /** Look-alikes that cancel a safety match in the same message ("fire red", "smoke grey"). */
  exclude: TermList.default({}),
  /** Threat kind (legal, review, chargeback, repeat) → per-language terms. */
  threats: z.record(z.string().regex(/^[a-z_]+$/), TermList).default({}),
  /** Words that make a hazard word next to them a name ("smoke grey", "fire stick", "flame pattern"). */
  names: TermList.default({}),
  /** Words that tell something happened; with one, a hazard word counts even next to a name word. */
  incident: TermList.default({}),
  /** Harm without a hazard word ("fell off", "tipped over", "would not stop"): safety when a person is named. */
  harm: TermList.default({}),
  /** People who can be hurt ("my son", "a child", "she"): what makes a `harm` term an incident. */
  persons: TermList.default({}),
});
export type SafetyFile = z.infer<typeof SafetyFile>;

/** `sentiment.yaml`: a shop-support lexicon added to natural's AFINN words. */
export const SentimentFile = z.strictObject({
  /** Per language, term → score from -5 (furious) to 5 (delighted), like AFINN. */
  terms: WeightedTerms,
  /** Words that soften or strengthen nothing but are scored wrongly by AFINN here ("charge", "pretty"). */
  neutral: TermList.default({}),
});
export type SentimentFile = z.infer<typeof SentimentFile>;

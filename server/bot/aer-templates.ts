/**
 * Owns AER reply rendering (SPEC §4): picks the Acknowledge → Empathize → Reassure template of an
 * intent's `replies` for a situation and language, fills `{placeholders}`, and screens any text
 * for blame or over-promising phrases (the agent console reuses `findAerProblems`).
 *
 * @example
 *   renderAer(set, 'logistics', 'not_found', 'de', { orderId: '9999' });
 *   // → "I couldn't find an order with the number 9999. Sorry about that … " (English: no German template)
 *   findAerProblems('Calm down, it is guaranteed tomorrow'); // → ['calm down', 'guaranteed']
 */
import type { IntentSet } from '../intents/compile-intents.js';
import type { AerTemplate } from '../intents/intent-file-schema.js';
import type { IntentName } from '../protocol.js';

export type AerVars = Readonly<Record<string, string | number>>;

/** Every language falls back to this one; each situation must exist in it. */
export const FALLBACK_LANGUAGE = 'en';

export type AerTemplateErrorCode = 'unknown_situation' | 'missing_placeholder';

/** A template bug (a typo in a situation or a placeholder); tests render every template to catch it. */
export class AerTemplateError extends Error {
  constructor(
    readonly code: AerTemplateErrorCode,
    message: string,
    readonly details: { intent: IntentName; situation: string; language: string; placeholder?: string },
  ) {
    super(message);
    this.name = 'AerTemplateError';
  }
}

const PLACEHOLDER_RE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The language whose template `renderAer` would use: the shopper's ("pt-BR" → "pt") if that
 * situation is translated, else English; undefined when the situation does not exist at all.
 *
 * @example aerLanguage(set, 'human', 'handoff', 'pt-BR') // → 'pt'
 */
export function aerLanguage(intents: IntentSet, intent: IntentName, situation: string, language: string): string | undefined {
  const replies = intents.intents.get(intent)?.replies ?? {};
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (replies[base]?.[situation]) return base;
  return replies[FALLBACK_LANGUAGE]?.[situation] ? FALLBACK_LANGUAGE : undefined;
}

/**
 * Renders one AER reply as a single text: "acknowledge empathize reassure" (no space after a
 * full-width 。！？, as Japanese and Chinese write).
 * Throws `AerTemplateError` for an unknown situation or a placeholder with no value.
 *
 * @example renderAer(set, 'human', 'handoff', 'en', { queuePosition: 2, waitMinutes: 8 })
 */
export function renderAer(intents: IntentSet, intent: IntentName, situation: string, language: string, vars: AerVars): string {
  const used = aerLanguage(intents, intent, situation, language);
  const template: AerTemplate | undefined = used ? intents.intents.get(intent)?.replies[used]?.[situation] : undefined;
  if (!used || !template) {
    throw new AerTemplateError(
      'unknown_situation',
      `intents/${intent}.yaml has no replies.${FALLBACK_LANGUAGE}.${situation}: add it (with acknowledge, empathize, reassure)`,
      { intent, situation, language },
    );
  }
  const fill = (text: string) =>
    text.trim().replace(PLACEHOLDER_RE, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) {
        throw new AerTemplateError(
          'missing_placeholder',
          `intents/${intent}.yaml replies.${used}.${situation} uses {${name}}, which the bot does not provide here`,
          { intent, situation, language: used, placeholder: name },
        );
      }
      return String(value);
    });
  // Each part is a sentence; a placeholder may open it ("{carrier} has reported …" with "the carrier").
  const parts = [template.acknowledge, template.empathize, template.reassure].map((part) => capitalize(fill(part)));
  // Japanese and Chinese sentences follow each other without a space after 。！？.
  return parts.reduce((text, part) => (/[。！？]$/u.test(text) ? `${text}${part}` : `${text} ${part}`));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The `{names}` a template text uses, e.g. for listing what a situation needs. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER_RE), (match) => match[1]!))];
}

/**
 * Phrases that blame the shopper or promise what nobody can keep (SPEC §4), per language.
 * Matched as whole words, case- and accent-insensitively. "guarantee" alone is absent on
 * purpose: "money-back guarantee" is a real policy name, "I guarantee" is a promise.
 */
export const BLAME_OR_OVERPROMISE: readonly string[] = Object.freeze([
  // en: blame and dismissal
  'calm down', 'relax', 'not our problem', 'not my problem', 'not our fault', 'your fault', 'your own fault',
  'you should have', 'you should\'ve', 'you must have', 'you need to read', 'as I already said', 'nothing we can do',
  // en: over-promising
  'I guarantee', 'we guarantee', 'guaranteed', '100%', '100 percent', 'definitely tomorrow', 'definitely arrive',
  'will definitely', 'I promise', 'we promise', 'no doubt it will',
  // de, fr, es, pt, ja
  'beruhigen Sie sich', 'nicht unser Problem', 'Ihre Schuld', 'garantiert', 'ich garantiere',
  'calmez-vous', 'pas notre problème', 'votre faute', 'je vous garantis', 'c\'est garanti',
  'cálmese', 'tranquilícese', 'no es nuestro problema', 'culpa suya', 'le garantizo', 'garantizado',
  'acalme-se', 'não é problema nosso', 'não é nosso problema', 'culpa sua', 'eu garanto', 'garantido',
  '落ち着いてください', 'お客様の責任', '保証します', '必ず届きます',
  // more de, fr, es, pt, ja; zh (agents answer Chinese-speaking shoppers in Chinese)
  'Ihr Problem', 'selbst schuld', 'ich verspreche', 'wir versprechen', 'auf jeden Fall morgen',
  'je vous promets', 'c\'est votre faute', 'ce n\'est pas notre faute', 'sans aucun doute demain',
  'le prometo', 'es su culpa', 'no es nuestra culpa', 'tranquilícese ya', 'sin duda mañana',
  'eu prometo', 'a culpa é sua', 'não é culpa nossa', 'fique calmo', 'fica calmo', 'com certeza amanhã',
  'お客様のせい', '弊社の問題ではありません', '当社の責任ではありません', '絶対に届きます', 'お約束します',
  '冷静一下', '请冷静', '不是我们的问题', '不是我们的错', '是您自己的问题', '是你自己的问题', '是您的错', '你自己的错',
  '我保证', '我们保证', '保证明天', '一定会到', '肯定会到', '百分之百',
]);

/** Lower case, no accents, straight apostrophes, single spaces: how phrases and texts are compared. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

const WORD_EDGE = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const PHRASE_MATCHERS = BLAME_OR_OVERPROMISE.map((phrase) => {
  const folded = fold(phrase);
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // CJK has no spaces between words, so only Latin-script phrases need word edges.
  const before = WORD_EDGE.test(folded[0]!) && !CJK.test(folded[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
  const last = folded[folded.length - 1]!;
  const after = WORD_EDGE.test(last) && !CJK.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return { phrase, re: new RegExp(`${before}${escaped}${after}`, 'u') };
});

/**
 * The blame or over-promise phrases found in a text, as listed in `BLAME_OR_OVERPROMISE`.
 *
 * @example findAerProblems("That's not our fault, calm down") // → ['calm down', 'not our fault']
 */
export function findAerProblems(text: string): string[] {
  const folded = fold(text);
  return PHRASE_MATCHERS.filter(({ re }) => re.test(folded)).map(({ phrase }) => phrase);
}

/**
 * Owns AER reply rendering (SPEC §4): picks the Acknowledge → Empathize → Reassure template of an
 * intent's `replies` for a situation and language and fills `{placeholders}`. Screening a text
 * for blame or over-promising phrases lives in `aer-screen.ts`, shared with the agent console.
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

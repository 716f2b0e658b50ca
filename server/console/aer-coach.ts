/**
 * The AER coach (SPEC §4): pure checks of an agent's draft before it is sent — blame, promises
 * nobody can keep, and a reply with no concrete next step. Shown live under the composer and
 * again on Send.
 *
 * @example
 *   coach('Calm down, it is not our fault.').problems.map((p) => p.kind); // ['blame', 'blame', 'no_next_step']
 */
import { findAerProblems } from '../bot/aer-screen.js';

export type AerProblemKind = 'blame' | 'overpromise' | 'no_next_step';

export interface AerProblem {
  kind: AerProblemKind;
  /** The offending phrase as listed in the shared list (absent for `no_next_step`). */
  phrase?: string;
  /** An English explanation; the console shows its own translated text per `kind`. */
  message: string;
}

export interface AerReport {
  problems: AerProblem[];
}

/**
 * The blame and over-promise phrases are the bot's own list (`server/bot/aer-screen.ts`), so the
 * bot and the agents follow one rule. That list mixes both kinds; promises are recognisable by their
 * words ("guarantee", "promise", "100%", "definitely"), everything else on it is blame.
 */
const PROMISE_WORDS = /guarant|garant|promis|promet|versprech|100|definitely|no doubt|auf jeden fall|sans aucun doute|sin duda|com certeza|保証|必ず|絶対|約束|保证|一定|肯定|百分之百/i;

export function problemKind(phrase: string): 'blame' | 'overpromise' {
  return PROMISE_WORDS.test(phrase) ? 'overpromise' : 'blame';
}

/** Sympathy that contains a listed phrase but is not blame ("it's not your fault"). */
const EXCUSED_PHRASES: readonly string[] = ['not your fault', "isn't your fault", 'not your problem', "isn't your problem"];

/**
 * Signs of a concrete next step: a number (order, date, amount), a link, a day, or an action.
 * Deliberately generous: the coach nudges, it must not nag about a good reply.
 */
const NEXT_STEP = new RegExp(
  [
    String.raw`\d`,
    String.raw`https?://|www\.`,
    String.raw`\b(today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hours?|minutes?|days?|weeks?)\b`,
    String.raw`\b(i've|i have|i will|i'll|we've|we have|we will|we'll|let me|within|by)\b`,
    String.raw`\b(tracking|refund\w*|replacement|replace|exchange|return label|reship\w*|resend|cancel\w*|voucher|credit|escalat\w*|arrang\w*|check\w*)\b`,
    // The conversation's language (SPEC §9): de, fr, es, pt, then ja and zh (no word edges there).
    String.raw`\b(heute|morgen|stunden?|tagen?|ich habe|ich werde|wir werden|erstattung|ersatz|umtausch|sendungsnummer|bestellnummer|sofort|prüfe)\b`,
    String.raw`\b(aujourd'hui|demain|heures?|jours?|j'ai|je vais|nous allons|remboursement|remplacement|échange|suivi|je vérifie|tout de suite|immédiatement|numéro de commande)\b`,
    String.raw`\b(hoy|mañana|horas?|días?|he|voy a|vamos a|reembolso|cambio|reemplazo|seguimiento|enseguida|ahora mismo|reviso|consulto|número de pedido)\b`,
    String.raw`\b(hoje|amanhã|horas?|dias?|vou|vamos|reembolso|troca|rastreamento|envio|link|verificar|número do pedido)\b`,
    '確認|本日|明日|時間|日以内|返金|交換|手配|発送|お問い合わせ番号',
    '我已|我会|我们会|退款|换货|物流|单号|小时|天内|今天|明天',
  ].join('|'),
  'i',
);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Straight apostrophes, and excused sympathy blanked out so the shared list cannot match inside it. */
function withoutExcused(text: string): string {
  let out = text.replace(/[\u2018\u2019\u02bc]/g, "'");
  for (const excused of EXCUSED_PHRASES) out = out.replace(new RegExp(escapeRegExp(excused), 'gi'), (m) => ' '.repeat(m.length));
  return out;
}

/** Checks one draft. A blank draft has no problems: there is nothing to send yet. */
export function coach(text: string): AerReport {
  if (!text.trim()) return { problems: [] };
  const clean = withoutExcused(text);
  const problems: AerProblem[] = findAerProblems(clean).map((phrase): AerProblem =>
    problemKind(phrase) === 'blame'
      ? { kind: 'blame', phrase, message: `"${phrase}" reads as blame; acknowledge the problem instead.` }
      : { kind: 'overpromise', phrase, message: `"${phrase}" promises what the shop cannot control; give the real estimate.` },
  );
  if (!NEXT_STEP.test(clean)) {
    problems.push({ kind: 'no_next_step', message: 'Name a concrete next step: a time, a number, a link or an action.' });
  }
  return { problems };
}

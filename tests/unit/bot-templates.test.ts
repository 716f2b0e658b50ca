// AER templates in intents/*.yaml: every one renders in every language, typos throw, and none blames or over-promises.
import { describe, expect, it } from 'vitest';
import { BLAME_OR_OVERPROMISE, findAerProblems } from '../../server/bot/aer-screen.js';
import { AerTemplateError, aerLanguage, placeholdersOf, renderAer, type AerVars } from '../../server/bot/aer-templates.js';
import { INTENT_NAMES, type IntentName } from '../../server/protocol.js';
import { intentSetFrom, projectIntents } from '../support/intents.js';

const set = projectIntents();

/** A value for every placeholder the bot provides (reply-policy.ts, order-replies.ts). */
const FULL_VARS = {
  orderId: '1001', carrier: 'DHL', trackingNumber: '4839201756', trackingUrl: 'https://track.example/4839201756',
  shippedAt: 'Nov 16, 2026', eta: 'Nov 21, 2026', deliveredAt: 'Nov 9, 2026', refundedAt: 'Nov 13, 2026',
  lastEventAt: 'Nov 12, 2026', lastEventLocation: 'Frankfurt customs', lastEventDescription: 'Held by customs',
  total: '€99.80', returnsUrl: 'https://shop.example/returns', queuePosition: 3, waitMinutes: 12,
  nextOpen: 'Monday 09:00 (Europe/Berlin)', daysLate: '8', checkBy: 'Dec 1, 2026',
};

/** Every situation the policy renders; deleting one from a YAML file must fail here, not in a chat. */
const POLICY_SITUATIONS: Record<IntentName, string[]> = {
  logistics: ['ask_order_id', 'status_shipped', 'status_late', 'status_processing', 'status_delivered', 'status_delayed', 'status_lost',
    'status_cancelled', 'status_returned', 'not_found', 'unavailable', 'delivery_info', 'customs_info', 'no_order_id'],
  refund: ['ask_order_id', 'offer_choice', 'offer_choice_in_transit', 'cancel_processing', 'refund_status', 'policy'],
  payment: ['methods', 'failed_checklist', 'invoice', 'coupon', 'billing_error'],
  complaint: ['apology'],
  human: ['handoff', 'handoff_safety', 'handoff_safety_offline', 'handoff_offline', 'queued_safety', 'queued_safety_more',
    'queued_safety_offline', 'queued_safety_offline_more', 'queued_ack', 'queued_ack_more', 'queued_ack_offline', 'queued_ack_offline_more'],
  other: ['greeting', 'thanks', 'fallback'],
};

const TRANSLATED: Array<[IntentName, string]> = [
  ['logistics', 'ask_order_id'], ['refund', 'ask_order_id'], ['human', 'handoff'], ['human', 'handoff_safety'],
  ['human', 'handoff_offline'], ['other', 'greeting'], ['other', 'fallback'],
];

function allTemplates() {
  const rows: Array<{ intent: IntentName; language: string; situation: string }> = [];
  for (const [intent, compiled] of set.intents) {
    for (const [language, situations] of Object.entries(compiled.replies)) {
      for (const situation of Object.keys(situations)) rows.push({ intent, language, situation });
    }
  }
  return rows;
}

describe('project templates', () => {
  const rows = allTemplates();

  it('exist for every situation the policy uses, in English', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const intent of INTENT_NAMES) {
      for (const situation of POLICY_SITUATIONS[intent]) expect(aerLanguage(set, intent, situation, 'en'), `${intent}.${situation}`).toBe('en');
    }
  });

  it('are translated into de, es, fr, pt and ja where shoppers meet them first', () => {
    for (const language of ['de', 'es', 'fr', 'pt', 'ja']) {
      for (const [intent, situation] of TRANSLATED) expect(aerLanguage(set, intent, situation, language), `${language} ${intent}.${situation}`).toBe(language);
    }
  });

  it('render in every language with the full variable set: no leftover braces, no blame, no over-promise', () => {
    for (const { intent, language, situation } of rows) {
      const text = renderAer(set, intent, situation, language, FULL_VARS);
      const label = `${intent}.${language}.${situation}`;
      expect(text, label).not.toMatch(/[{}]/);
      expect(findAerProblems(text), label).toEqual([]);
      expect(text.length, label).toBeGreaterThan(40);
    }
  });

  it('only use placeholders the bot provides, and a translation has an English original', () => {
    for (const { intent, language, situation } of rows) {
      const template = set.intents.get(intent)!.replies[language]![situation]!;
      const names = placeholdersOf(`${template.acknowledge} ${template.empathize} ${template.reassure}`);
      for (const name of names) expect(Object.keys(FULL_VARS), `${intent}.${language}.${situation} {${name}}`).toContain(name);
      expect(set.intents.get(intent)!.replies.en?.[situation], `${intent}.en.${situation}`).toBeDefined();
    }
  });
});

describe('renderAer', () => {
  const small = intentSetFrom({
    'human.yaml': [
      'intent: human',
      'replies:',
      '  en:',
      '    handoff: { acknowledge: "Passing you on.", empathize: "Thanks for waiting.", reassure: "You are number {queuePosition}." }',
      '  pt:',
      '    handoff: { acknowledge: "Vou transferir.", empathize: "Obrigado.", reassure: "Você é o número {queuePosition}." }',
    ].join('\n'),
  });

  it('joins acknowledge, empathize and reassure, filling placeholders', () => {
    expect(renderAer(small, 'human', 'handoff', 'en', { queuePosition: 2 })).toBe('Passing you on. Thanks for waiting. You are number 2.');
  });

  it('uses the base language of a locale and falls back to English', () => {
    expect(renderAer(small, 'human', 'handoff', 'pt-BR', { queuePosition: 2 })).toBe('Vou transferir. Obrigado. Você é o número 2.');
    expect(renderAer(small, 'human', 'handoff', 'de', { queuePosition: 2 })).toMatch(/^Passing you on\./);
  });

  it('throws a coded error for a placeholder with no value', () => {
    expect(() => renderAer(small, 'human', 'handoff', 'en', {})).toThrowError(AerTemplateError);
    // Every value the bot provides except the tracking number.
    const withoutTracking: AerVars = Object.fromEntries(Object.entries(FULL_VARS).filter(([name]) => name !== 'trackingNumber'));
    try {
      renderAer(set, 'logistics', 'status_shipped', 'en', withoutTracking);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'missing_placeholder', details: { placeholder: 'trackingNumber' } });
    }
  });

  it('throws a coded error for a situation that does not exist', () => {
    expect(() => renderAer(small, 'human', 'handof', 'en', {})).toThrowError(expect.objectContaining({ code: 'unknown_situation' }));
    expect(() => renderAer(small, 'refund', 'offer_choice', 'en', {})).toThrowError(/intents\/refund\.yaml/);
  });
});

describe('findAerProblems', () => {
  it('finds blame and over-promises, whatever the case or apostrophes', () => {
    expect(findAerProblems('Calm down, that’s NOT OUR PROBLEM.')).toEqual(['calm down', 'not our problem']);
    expect(findAerProblems('It will arrive tomorrow, guaranteed, 100%!')).toEqual(['guaranteed', '100%']);
    expect(findAerProblems('Beruhigen Sie sich bitte.')).toEqual(['beruhigen Sie sich']);
    expect(findAerProblems('Calmez-vous, ce n’est pas notre probleme.')).toEqual(['calmez-vous', 'pas notre problème']);
    expect(findAerProblems('必ず届きます。')).toEqual(['必ず届きます']);
  });

  it('matches whole words only', () => {
    expect(findAerProblems('The warranty is guaranteeable; relaxing music plays.')).toEqual([]);
    expect(findAerProblems('A money-back guarantee applies for 30 days.')).toEqual([]);
    expect(BLAME_OR_OVERPROMISE.length).toBeGreaterThan(20);
  });
});

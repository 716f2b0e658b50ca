// Triage in every served language (SPEC §9): the four routine intents, anger, asking for a person
// and a safety report, per language; plus emoji, locale fallback and mixed-language messages.
import { describe, expect, it } from 'vitest';
import { NO_HISTORY, triage } from '../../server/triage/triage.js';
import { projectIntents } from '../support/intents.js';

interface LanguageCases {
  logistics: string;
  refund: string;
  payment: string;
  complaint: string;
  anger: string;
  human: string;
  safety: string;
}

const CASES: Record<string, LanguageCases> = {
  en: {
    logistics: 'when will my parcel arrive?', refund: 'I would like my money back', payment: 'my card was declined at checkout',
    complaint: 'the handle broke off after one day, poor quality', anger: 'this is ridiculous, worst shop ever!!',
    human: 'can I talk to a real person please', safety: 'the heater started smoking and caught fire',
  },
  de: {
    logistics: 'Wann wird mein Paket geliefert?', refund: 'Ich möchte eine Erstattung für den Mantel', payment: 'Meine Kreditkarte wurde abgelehnt',
    complaint: 'Der Reißverschluss ist nach einer Woche kaputt, ich bin enttäuscht', anger: 'So eine Frechheit, absolut miserabel!',
    human: 'Ich möchte bitte mit einem Mitarbeiter sprechen', safety: 'Das Netzteil hat Feuer gefangen!',
  },
  fr: {
    logistics: 'Où en est la livraison de mon colis ?', refund: 'Je voudrais un remboursement pour la veste', payment: 'Mon paiement par carte a été refusé',
    complaint: 'La fermeture est cassée, je suis très déçu', anger: "C'est inadmissible, une honte !",
    human: 'Je veux parler à un conseiller', safety: 'La batterie a pris feu dans le salon !',
  },
  es: {
    logistics: '¿Cuándo llega mi envío?', refund: 'Quiero un reembolso de la chaqueta', payment: 'Me rechazaron el pago con tarjeta',
    complaint: 'La cremallera está rota, estoy muy decepcionado', anger: '¡Qué vergüenza, servicio pésimo!',
    human: 'Quiero hablar con un agente', safety: '¡El cargador se prendió fuego!',
  },
  pt: {
    logistics: 'Quando chega a minha entrega?', refund: 'Quero o reembolso da jaqueta', payment: 'Meu pagamento no cartão foi recusado',
    complaint: 'O zíper quebrou, estou muito decepcionado', anger: 'Que absurdo, atendimento péssimo!',
    human: 'Quero falar com um atendente', safety: 'O carregador pegou fogo!',
  },
  ja: {
    logistics: '荷物がまだ届きません', refund: 'ジャケットの返金をお願いします', payment: 'カードの支払いが拒否されました',
    complaint: 'ファスナーが壊れていて、がっかりです', anger: 'ひどすぎます！最悪の対応です',
    human: '人と話したいです', safety: '充電器が発火しました！',
  },
  zh: {
    logistics: '我的快递什么时候到？', refund: '我要退款', payment: '信用卡付款失败了',
    complaint: '拉链坏了，质量太差了', anger: '太过分了，简直是垃圾！',
    human: '我要转人工客服', safety: '充电器着火了！',
  },
};

describe('triage in seven languages', () => {
  const set = projectIntents();
  it('covers every served language', () => expect(Object.keys(CASES).sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'pt', 'zh']));

  for (const [language, cases] of Object.entries(CASES)) {
    describe(language, () => {
      for (const intent of ['logistics', 'refund', 'payment', 'complaint'] as const) {
        it(`${intent}: "${cases[intent]}"`, () => {
          const result = triage(cases[intent], NO_HISTORY, set);
          expect(result.intent).toBe(intent);
          expect(result.language).toBe(language);
        });
      }
      it(`anger: "${cases.anger}" is negative and goes to a person`, () => {
        const result = triage(cases.anger, NO_HISTORY, set);
        expect(result.sentiment.label).toBe('negative');
        expect(result.handoff).toBe(true);
      });
      it(`asking for a person: "${cases.human}"`, () => {
        const result = triage(cases.human, NO_HISTORY, set);
        expect(result.intent).toBe('human');
        expect(result.handoff).toBe(true);
      });
      it(`safety: "${cases.safety}" is critical`, () => {
        const result = triage(cases.safety, NO_HISTORY, set);
        expect(result.safety).toBe(true);
        expect(result.urgency).toBe('critical');
      });
    });
  }
});

describe('language signals', () => {
  const set = projectIntents();

  it('reads emoji as sentiment: "😡😡😡" is an upset shopper', () => {
    const result = triage('😡😡😡', NO_HISTORY, set);
    expect(result.sentiment.label).toBe('negative');
    expect(triage('thanks 😍👍', NO_HISTORY, set).sentiment.label).toBe('positive');
  });

  it('uses the widget locale only when the text shows no language', () => {
    expect(triage('1001', NO_HISTORY, set, { locale: 'de-DE' }).language).toBe('de');
    expect(triage('1001', NO_HISTORY, set).language).toBe('en');
    expect(triage('Wo ist meine Bestellung?', NO_HISTORY, set, { locale: 'fr' }).language).toBe('de');
    expect(triage('注文はどこですか', NO_HISTORY, set, { locale: 'en' }).language).toBe('ja');
  });

  it('understands mixed-language messages', () => {
    expect(triage('hello, wo ist mein Paket? tracking please', NO_HISTORY, set).intent).toBe('logistics');
    expect(triage('my order 还没到', NO_HISTORY, set).intent).toBe('logistics');
  });

  it('handles negation in Japanese and Chinese: "not satisfied" is negative', () => {
    expect(triage('全然満足していません', NO_HISTORY, set).sentiment.label).toBe('negative');
    expect(triage('我很不满意', NO_HISTORY, set).sentiment.label).toBe('negative');
    expect(triage('非常满意，谢谢', NO_HISTORY, set).sentiment.label).toBe('positive');
  });

  it('weighs intensifiers: "very disappointed" is more upset than "disappointed"', () => {
    expect(triage('sehr enttäuscht', NO_HISTORY, set).sentiment.score).toBeLessThan(triage('enttäuscht', NO_HISTORY, set).sentiment.score);
    expect(triage('太差了', NO_HISTORY, set).sentiment.score).toBeLessThan(0);
  });
});

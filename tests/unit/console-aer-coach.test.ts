// The AER coach: blame, over-promises and replies with no concrete next step; canned replies pass it.
import { describe, expect, it } from 'vitest';
import { BLAME_OR_OVERPROMISE } from '../../server/bot/aer-screen';
import { coach, problemKind } from '../../server/console/aer-coach';
import { allCannedReplies, cannedFor } from '../../server/console/canned-replies';
import { CANNED_TEXTS } from '../../server/console/canned-translations';

const kinds = (text: string) => coach(text).problems.map((p) => p.kind);

describe('coach', () => {
  it('flags each blame phrase, from the shared bot list', () => {
    const { problems } = coach("Calm down, it's not our fault.");
    const blame = problems.filter((p) => p.kind === 'blame');
    expect(blame.map((p) => p.phrase)).toEqual(['calm down', 'not our fault']);
    expect(blame.every((p) => p.message.length > 0)).toBe(true);
  });

  it('flags over-promises', () => {
    expect(kinds('I guarantee it arrives tomorrow.')).toContain('overpromise');
    expect(coach('It will be there 100% tomorrow, guaranteed.').problems.filter((p) => p.kind === 'overpromise').map((p) => p.phrase).sort()).toEqual([
      '100%',
      'guaranteed',
    ]);
    expect(kinds('I promise it will be there by Friday.')).toEqual(['overpromise']);
  });

  it('flags a reply with no concrete next step', () => {
    expect(kinds('Sorry about that.')).toEqual(['no_next_step']);
    expect(kinds("I'm so sorry to hear that!")).toEqual(['no_next_step']);
  });

  it('accepts a reply with a real next step', () => {
    expect(coach("I've checked order 1001: it left on 3 Nov with DHL, tracking JD123, due Friday.").problems).toEqual([]);
    expect(kinds('Sorry about that. I will send a replacement.')).toEqual([]);
    expect(kinds('You can follow it at https://track.example/JD')).toEqual([]);
    expect(kinds('Sorry, the new date is 12/11.')).toEqual([]); // a bare number or date counts
  });

  it('does not read sympathy as blame, nor match inside other words', () => {
    expect(kinds("It's not your fault at all; I've started the refund.")).toEqual([]);
    expect(kinds('It isn’t your fault; I will arrange a replacement.')).toEqual([]);
    expect(kinds('The warranty is guaranteeable, I will check.')).toEqual([]);
  });

  it('sorts the shared list into blame and over-promise', () => {
    expect(BLAME_OR_OVERPROMISE.length).toBeGreaterThan(10);
    const overpromise = ['I guarantee', 'guaranteed', '100%', 'definitely tomorrow', 'I promise', 'garantiert', '保証します'];
    const blame = ['calm down', 'relax', 'not our problem', 'your fault', 'nothing we can do', 'votre faute', '落ち着いてください'];
    expect(overpromise.filter((p) => BLAME_OR_OVERPROMISE.includes(p) && problemKind(p) === 'overpromise')).toEqual(overpromise);
    expect(blame.filter((p) => BLAME_OR_OVERPROMISE.includes(p) && problemKind(p) === 'blame')).toEqual(blame);
  });

  it('says nothing about an empty draft', () => {
    expect(coach('   ').problems).toEqual([]);
  });
});

describe('canned replies', () => {
  const replies = allCannedReplies();
  it('exist, and every one follows the AER rule', () => {
    expect(replies.length).toBeGreaterThanOrEqual(12);
    for (const reply of replies) expect({ label: reply.label, problems: coach(reply.text).problems }).toEqual({ label: reply.label, problems: [] });
  });
});

describe('coach in the conversation language', () => {
  it('flags blame and over-promising in each served language', () => {
    const kinds = (text: string) => coach(text).problems.map((p) => p.kind).filter((k) => k !== 'no_next_step');
    expect(kinds('Beruhigen Sie sich, das ist nicht unser Problem.')).toEqual(['blame', 'blame']);
    expect(kinds('Je vous promets une livraison demain.')).toEqual(['overpromise']);
    expect(kinds('Le garantizo que llega mañana.')).toEqual(['overpromise']);
    expect(kinds('A culpa é sua, eu garanto.')).toContain('blame');
    expect(kinds('落ち着いてください。必ず届きます。')).toEqual(['blame', 'overpromise']);
    expect(kinds('请冷静，这不是我们的问题。我保证明天一定会到。')).toEqual(expect.arrayContaining(['blame', 'overpromise']));
  });

  it('sees a concrete next step outside English', () => {
    expect(coach('ただいま配送業者に確認し、本日中にご連絡いたします。').problems).toEqual([]);
    expect(coach('我已为您申请退款，3 天内到账。').problems).toEqual([]);
    expect(coach("J'ai lancé le remboursement aujourd'hui.").problems).toEqual([]);
    expect(coach('Entiendo.').problems.map((p) => p.kind)).toEqual(['no_next_step']);
  });
});

describe('canned replies in the conversation language', () => {
  it('exist in every served language with the English gaps, and follow the conversation language', () => {
    const english = cannedFor({ intent: 'human', safety: true, agentName: '王芳' });
    const japanese = cannedFor({ intent: 'human', safety: true, agentName: '王芳', language: 'ja' });
    expect(japanese.map((r) => r.label)).toEqual(english.map((r) => r.label));
    expect(japanese.find((r) => r.label === 'cannedHumanHello')!.text).toMatch(/^サポート担当の王芳です/);
    expect(cannedFor({ intent: 'refund', safety: false, language: 'pt-BR' })[0]!.text).toMatch(/reembolso/);
    expect(cannedFor({ intent: 'refund', safety: false, language: 'it' })[0]!.text).toMatch(/^Thanks/);
    const gaps = (text: string) => (text.match(/\[[A-Z]+\]/g) ?? []).sort();
    for (const [language, texts] of Object.entries(CANNED_TEXTS)) {
      for (const reply of allCannedReplies().slice(0, 16)) {
        const text = texts[reply.label as keyof typeof texts];
        expect(text, `${language}.${reply.label}`).toBeTruthy();
        expect(gaps(text), `${language}.${reply.label}`).toEqual(gaps(reply.text));
      }
    }
  });
});

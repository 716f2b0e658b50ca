import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../server/triage/language.js';
import { tokenize } from '../../server/triage/normalize.js';

const detect = (text: string) => detectLanguage(text, tokenize(text).map((t) => t.word));

describe('detectLanguage', () => {
  it.each([
    ['where is my order, it is late', 'en'],
    ['¿Dónde está mi pedido? Todavía no llega', 'es'],
    ['Wo ist meine Bestellung? Sie ist noch nicht da', 'de'],
    ["Où est ma commande ? Je n'ai toujours pas reçu le colis", 'fr'],
    ['Onde está o meu pedido? Ainda não chegou', 'pt'],
    ['注文した商品がまだ届きません', 'ja'],
    ['我的订单什么时候到', 'zh'],
  ])('%s → %s', (text, language) => {
    expect(detect(text)).toBe(language);
  });

  it('falls back to English when nothing points elsewhere', () => {
    expect(detect('1001')).toBe('en');
    expect(detect('')).toBe('en');
  });
});

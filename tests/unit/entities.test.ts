import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractAmounts, extractEmails, extractEntities, extractOrderIds } from '../../server/triage/entities.js';

describe('extractOrderIds', () => {
  it.each([
    ['where is my order 1001', ['1001']],
    ['order #1001 please', ['1001']],
    ['my order number is 1002', ['1002']],
    ['order no. 1003 has not arrived', ['1003']],
    ['it is A-1001', ['A-1001']],
    ['#1004', ['1004']],
    ['1004', ['1004']],
    ['Bestellung 55123 ist verspätet', ['55123']],
    ['pedido nº 7788', ['7788']],
  ])('%s → %j', (text, ids) => {
    expect(extractOrderIds(text)).toEqual(ids);
  });

  it('does not take prices, years or quantities for order ids', () => {
    expect(extractOrderIds('I paid 1001 dollars in 2024 for 3 items')).toEqual([]);
  });

  it('does not take the digits of an email for an order id', () => {
    expect(extractOrderIds('write to order1001@example.com')).toEqual([]);
  });

  it('lists each id once', () => {
    expect(extractOrderIds('order 1001, yes order #1001')).toEqual(['1001']);
  });
});

describe('extractEmails', () => {
  it('finds and lowercases emails', () => {
    expect(extractEmails('mail Ana.Lima+shop@Example.com.br or bob@x.io')).toEqual(['ana.lima+shop@example.com.br', 'bob@x.io']);
  });
});

describe('extractAmounts', () => {
  it.each([
    ['$49.90', { value: 49.9, currency: 'USD' }],
    ['€25', { value: 25, currency: 'EUR' }],
    ['30 EUR', { value: 30, currency: 'EUR' }],
    ['25,50 €', { value: 25.5, currency: 'EUR' }],
    ['R$ 180', { value: 180, currency: 'BRL' }],
    ['¥3000', { value: 3000, currency: 'JPY' }],
    ['1.299,95 €', { value: 1299.95, currency: 'EUR' }],
    ['1,299.95 USD', { value: 1299.95, currency: 'USD' }],
    ['20 dollars', { value: 20, currency: 'USD' }],
  ])('%s', (text, expected) => {
    expect(extractAmounts(`I paid ${text} for it`)).toEqual([expect.objectContaining(expected)]);
  });

  it('ignores numbers without a currency', () => {
    expect(extractAmounts('order 1001 has 3 items')).toEqual([]);
  });
});

describe('extractEntities (skips patterns that cannot match)', () => {
  // The cheap hints ("@" before a dotted domain, a currency sign or word) must never skip a real match.
  const chars = fc.constantFrom(...'ab.@-_ 0129$€£¥,#UsdEURdollar円'.split(''));
  it('finds what the full patterns find, on any text', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }).map((list) => list.join('')), (text) => {
        const entities = extractEntities(text);
        expect(entities.emails).toEqual(extractEmails(text));
        expect(entities.amounts).toEqual(/\d/.test(text) ? extractAmounts(text) : []);
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds emails and amounts next to handles and dates', () => {
    expect(extractEntities('@united paid 49 USD on 3/4, mail me: a.b@shop.example').emails).toEqual(['a.b@shop.example']);
    expect(extractEntities('@united paid 49 USD on 3/4').amounts).toEqual([expect.objectContaining({ value: 49, currency: 'USD' })]);
  });
});

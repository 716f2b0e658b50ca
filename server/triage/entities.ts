/**
 * Pure entity extraction: order ids, emails and money amounts, from the raw message.
 * Order ids need a cue ("#1001", "A-1001", "order 1001", "Bestellung 1001") or must be the whole
 * message (the answer to "what is your order number?"), so prices and dates are not taken for ids.
 *
 * @example extractEntities('order #1001, paid $49.90, mail me at a@b.co')
 *   // → { orderIds: ['1001'], emails: ['a@b.co'], amounts: [{ value: 49.9, currency: 'USD', text: '$49.90' }] }
 */

export interface Amount {
  value: number;
  currency: string;
  text: string;
}

export interface Entities {
  orderIds: string[];
  emails: string[];
  amounts: Amount[];
}

const ORDER_WORDS =
  'order|orders|ordr|oder|order\\s+number|order\\s+no|order\\s+id|order\\s+nr|parcel|package|shipment|tracking|bestellung|bestellnummer|auftrag|pedido|commande|encomenda|ordine|注文|订单';
// "order 1001", "order no. 1001", "order number: #1001", "pedido nº 1001"
const CUED_ORDER_RE = new RegExp(
  `(?:${ORDER_WORDS})\\s*(?:number|no\\.?|nr\\.?|num\\.?|id|n[º°o]\\.?|#)?\\s*[:#]?\\s*(?:is\\s+)?#?([A-Z]{0,4}-?\\d{3,12})\\b`,
  'giu',
);
const HASH_ORDER_RE = /(?:^|[\s(])#\s?(\d{3,12})\b/gu;
const PREFIXED_ORDER_RE = /\b([A-Z]{1,4}-\d{3,12})\b/gu;
const WHOLE_MESSAGE_ID_RE = /^\s*(?:it'?s\s+|its\s+|number\s+)?#?([A-Z]{0,4}-?\d{3,12})\s*[.!]?\s*$/iu;

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// What every EMAIL_RE match contains: an "@" whose domain run reaches a dot. Tweets are full of
// "@handle"s; this anchored test rules them out before the costly full pattern runs.
const EMAIL_HINT_RE = /@[\p{L}\p{N}.-]*\./u;

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  $: 'USD', 'us$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'JPY', 'r$': 'BRL', 'c$': 'CAD', 'a$': 'AUD',
});
const CURRENCY_WORDS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  usd: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', gbp: 'GBP',
  pounds: 'GBP', jpy: 'JPY', yen: 'JPY', '円': 'JPY', brl: 'BRL', reais: 'BRL', real: 'BRL', cad: 'CAD', aud: 'AUD',
  cny: 'CNY', rmb: 'CNY', yuan: 'CNY', '元': 'CNY', chf: 'CHF', mxn: 'MXN',
});
// Grouped thousands ("1.299,95", "1,299.95") or plain digits; never stops inside a number.
const NUMBER = '(?:\\d{1,3}(?:[.,\\s]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?(?![\\d])';
const SYMBOL = '(?:us\\$|r\\$|c\\$|a\\$|[$€£¥￥])';
const WORD = Object.keys(CURRENCY_WORDS).join('|');
const AMOUNT_RE = new RegExp(
  `(${SYMBOL})\\s?(${NUMBER})|(${NUMBER})\\s?(${SYMBOL})|(?:\\b(usd|eur|gbp|jpy|brl|cad|aud|cny|chf|mxn)\\s?(${NUMBER}))|(${NUMBER})\\s?(${WORD})(?![\\p{L}])`,
  'giu',
);

// What every AMOUNT_RE match contains (same flags, so the same case folding): a currency symbol,
// a digit then a currency word, or a code then a digit. Most digits in chat are dates, times and
// order numbers, and anchoring on the digit keeps "really" from passing for "real".
const CURRENCY_HINT_RE = new RegExp(`[$€£¥￥]|\\d\\s?(?:${WORD})|(?:usd|eur|gbp|jpy|brl|cad|aud|cny|chf|mxn)\\s?\\d`, 'iu');
const DIGIT_RE = /\d/;

/** Frozen and shared: most messages name no order, email or amount, and a triage result is kept with its conversation. */
const NONE = Object.freeze([]) as unknown as never[];

export function extractEntities(text: string): Entities {
  // Most chat messages hold no digit and no "@": skip the regexes that could only fail.
  const hasDigit = DIGIT_RE.test(text);
  return {
    orderIds: hasDigit ? orIfEmpty(extractOrderIds(text)) : NONE,
    emails: mayHoldEmail(text) ? orIfEmpty(extractEmails(text)) : NONE,
    amounts: hasDigit && CURRENCY_HINT_RE.test(text) ? orIfEmpty(extractAmounts(text)) : NONE,
  };
}

const orIfEmpty = <T>(list: T[]): T[] => (list.length === 0 ? NONE : list);

export function extractOrderIds(text: string): string[] {
  const ids = new Set<string>();
  const withoutEmails = mayHoldEmail(text) ? text.replace(EMAIL_RE, ' ') : text;
  for (const match of withoutEmails.matchAll(CUED_ORDER_RE)) ids.add(cleanId(match[1]!));
  for (const match of withoutEmails.matchAll(HASH_ORDER_RE)) ids.add(cleanId(match[1]!));
  for (const match of withoutEmails.matchAll(PREFIXED_ORDER_RE)) ids.add(cleanId(match[1]!));
  const whole = WHOLE_MESSAGE_ID_RE.exec(withoutEmails);
  if (whole) ids.add(cleanId(whole[1]!));
  return [...ids];
}

function mayHoldEmail(text: string): boolean {
  return text.includes('@') && EMAIL_HINT_RE.test(text);
}

function cleanId(id: string): string {
  return id.toUpperCase();
}

export function extractEmails(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(EMAIL_RE), (match) => match[0].toLowerCase()))];
}

export function extractAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  for (const match of text.matchAll(AMOUNT_RE)) {
    const [whole, symbolBefore, numberAfterSymbol, numberBeforeSymbol, symbolAfter, codeBefore, numberAfterCode, numberBeforeWord, word] = match;
    const number = numberAfterSymbol ?? numberBeforeSymbol ?? numberAfterCode ?? numberBeforeWord;
    const unit = (symbolBefore ?? symbolAfter ?? codeBefore ?? word ?? '').toLowerCase();
    const currency = CURRENCY_SYMBOLS[unit] ?? CURRENCY_WORDS[unit];
    if (!number || !currency) continue;
    amounts.push({ value: parseAmount(number), currency, text: whole.trim() });
  }
  return amounts;
}

/** "1.299,95" (DE) and "1,299.95" (US) both → 1299.95; a lone "25,50" is 25.5. */
function parseAmount(raw: string): number {
  const compact = raw.replace(/\s/g, '');
  const decimal = /[.,](\d{1,2})$/.exec(compact);
  const integerPart = decimal ? compact.slice(0, decimal.index) : compact;
  const integer = Number(integerPart.replace(/[.,]/g, ''));
  return decimal ? integer + Number(`0.${decimal[1]}`) : integer;
}

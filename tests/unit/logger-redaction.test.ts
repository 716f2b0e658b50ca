// Unit tests of log redaction on the REAL JSON lines pino writes: tokens, passwords, emails and
// card numbers never appear, while the rest of each line stays readable.
import { describe, expect, it } from 'vitest';
import { CARD_MASK, EMAIL_MASK, REDACTED, createLogger, scrubText } from '../../server/logger.js';
import { parseLogLine } from '../support/log-line.js';

const TOKEN = 'tok_9f2c41d7a0b3e8';
const PASSWORD = 'hunter2-correct-horse';
const EMAIL = 'jane.doe+shop@example.com';
const CARD = '4242 4242 4242 4242';
const SECRETS = [TOKEN, PASSWORD, EMAIL, CARD, CARD.replaceAll(' ', ''), CARD.replaceAll(' ', '-'), 'jane.doe'];

function capture(level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  const output = () => lines.join('');
  const records = () => lines.map(parseLogLine);
  return { logger, output, records };
}

function expectNoSecrets(output: string) {
  expect(output.length).toBeGreaterThan(0);
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}

describe('redacted fields', () => {
  it('replaces tokens, passwords, emails and auth headers', () => {
    const { logger, output, records } = capture();
    logger.info(
      {
        token: TOKEN,
        auth: { token: TOKEN },
        handshake: { auth: { token: TOKEN } },
        agent: { email: EMAIL, password: PASSWORD, name: 'Mia' },
        email: EMAIL,
        password: PASSWORD,
        req: { headers: { authorization: `Bearer ${TOKEN}`, cookie: `sid=${TOKEN}` } },
      },
      'login attempt',
    );
    expectNoSecrets(output());
    const [record] = records();
    expect(record).toMatchObject({ msg: 'login attempt', token: REDACTED, email: REDACTED, agent: { name: 'Mia', password: REDACTED } });
    expect(record?.auth?.token).toBe(REDACTED);
    expect(record?.req?.headers?.authorization).toBe(REDACTED);
  });

  it('redacts child bindings too', () => {
    const { logger, output, records } = capture();
    logger.child({ email: EMAIL, conversationId: 'c-1' }).child({ note: `from ${EMAIL}` }).info('bound');
    expectNoSecrets(output());
    expect(records()[0]).toMatchObject({ conversationId: 'c-1', email: REDACTED, note: `from ${EMAIL_MASK}` });
  });
});

describe('scrubbed strings', () => {
  it('masks emails and cards in text fields and in the message', () => {
    const { logger, output, records } = capture();
    logger.info({ text: `I am ${EMAIL}, my card ${CARD} was charged twice for order 1001` }, `message from ${EMAIL} with ${CARD}`);
    expectNoSecrets(output());
    expect(records()[0]).toMatchObject({
      text: `I am ${EMAIL_MASK}, my card ${CARD_MASK} was charged twice for order 1001`,
      msg: `message from ${EMAIL_MASK} with ${CARD_MASK}`,
    });
  });

  it('masks inside nested objects and arrays without touching the caller object', () => {
    const { logger, output } = capture('debug');
    const payload = { messages: [{ text: `card: ${CARD.replaceAll(' ', '-')}` }, { text: `mail ${EMAIL}` }] };
    logger.debug({ payload }, 'history');
    expectNoSecrets(output());
    expect(payload.messages[1]?.text).toBe(`mail ${EMAIL}`);
  });

  it('masks error messages, causes and stacks, and the message taken from an error', () => {
    const { logger, output, records } = capture();
    const error = new Error(`charge failed for ${EMAIL}`, { cause: new Error(`card ${CARD} declined`) });
    logger.error(error);
    logger.error({ err: error, token: TOKEN });
    expectNoSecrets(output());
    expect(records()[0]?.msg).toBe(`charge failed for ${EMAIL_MASK}`);
    expect(records()[1]?.err?.type).toBe('Error');
    expect(records()[1]?.err?.stack).toContain('logger-redaction.test.ts');
  });

  it('masks printf-style arguments', () => {
    const { logger, output, records } = capture();
    logger.info('shopper %s paid with %s', EMAIL, CARD);
    expectNoSecrets(output());
    expect(records()[0]?.msg).toBe(`shopper ${EMAIL_MASK} paid with ${CARD_MASK}`);
  });
});

describe('scrubText', () => {
  it.each([
    ['4242 4242 4242 4242', CARD_MASK],
    ['4242-4242-4242-4242', CARD_MASK],
    ['4111111111111111', CARD_MASK],
    ['378282246310005', CARD_MASK], // American Express, 15 digits
    ['order 1001 4242 4242 4242 4242 please', `order 1001 ${CARD_MASK} please`],
    ['write to a.b@shop.co.uk or c@d.io', `write to ${EMAIL_MASK} or ${EMAIL_MASK}`],
  ])('masks %j', (input, expected) => {
    expect(scrubText(input)).toBe(expected);
  });

  it.each([
    ['call +49 30 1234567', 'call [phone]'],
    ['(030) 123-4567 or 0170/1234567', '[phone] or [phone]'],
    ['IBAN DE89 3704 0044 0532 0130 00, thanks', 'IBAN [iban], thanks'],
    ['iban de89370400440532013000', 'iban [iban]'],
  ])('masks phone numbers and IBANs: %s', (text, masked) => {
    expect(scrubText(text)).toBe(masked);
  });

  it.each([
    'order 1001 is late',
    'paid €1234.50 on 2026-11-30 from 203.0.113.9',
    'tracking 1Z999AA10123456784',
    '4242 4242 4242 4241', // fails the Luhn check: not a card
    'paid 129.99 EUR on 2024-05-01',
    'no at sign @ here',
  ])('keeps %j', (input) => {
    expect(scrubText(input)).toBe(input);
  });

  // A guard against catastrophic backtracking (which takes minutes), not a speed target: the bound
  // is loose so a loaded machine cannot fail it.
  it('does not backtrack catastrophically on long hostile input', () => {
    const started = performance.now();
    scrubText(`${'a'.repeat(200_000)}@`);
    scrubText('1 '.repeat(100_000));
    scrubText(`${'a.'.repeat(50_000)}@${'b-'.repeat(50_000)}`);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

/**
 * Owns the masks for phone numbers and IBANs in log text (the logger applies them after emails
 * and cards): an IBAN is two letters, two check digits and 11–30 letters or digits that pass the
 * ISO 13616 mod-97 check; a phone number is a run of 8–15 digits with the usual separators
 * (`+49 170 1234567`, `(030) 123-4567`), not a date and not an IPv4 address. Both patterns are
 * linear on long input. Order ids (4–6 digits) and amounts stay readable.
 *
 * @example maskPhonesAndIbans('call +49 170 1234567, IBAN DE89 3704 0044 0532 0130 00') // → 'call [phone], IBAN [iban]'
 */

export const PHONE_MASK = '[phone]';
export const IBAN_MASK = '[iban]';

// Groups of four as printed ("DE89 3704 0044 …") or run together; the last group may be shorter.
const IBAN = /(?<![a-z\d])[a-z]{2}\d{2}(?: ?[a-z\d]{4}){2,7}(?: ?[a-z\d]{1,4})?(?![a-z\d])/gi;
// Starts after a non-word character; a class run, then a digit: backtracking stays within one run.
const PHONE = /(?<![\w+])\+?\(?\d[\d ().\/-]{5,24}\d(?![\w])/g;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function passesMod97(raw: string): boolean {
  const compact = raw.replace(/ /g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function maskPhonesAndIbans(text: string): string {
  const withoutIbans = text.replace(IBAN, (match) => (passesMod97(match) ? IBAN_MASK : match));
  return withoutIbans.replace(PHONE, (match) => {
    const digits = match.replace(/\D/g, '').length;
    if (digits < 8 || digits > 15 || DATE_LIKE.test(match) || IPV4_LIKE.test(match)) return match;
    return PHONE_MASK;
  });
}

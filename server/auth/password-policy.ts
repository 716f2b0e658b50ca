/**
 * Owns the password rule for agent and ops accounts (SPEC §10): at least 10 characters and not
 * a commonly used password. The common list is a small curated file (`common-passwords.txt`):
 * no well-kept npm package is installed for it and the team avoids new dependencies; a password
 * is also refused when it is one repeated character, a keyboard run, or contains the email's name.
 *
 * @example passwordProblem('12345678901') // → 'is a commonly used password'
 */
import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 10;

const COMMON: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Why `password` is refused, or undefined when it may be used. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d!.?]+$/, '');
  // "Password2024!" is "password123" with other digits: compare the word before the digits too.
  if (COMMON.has(lower) || COMMON.has(stem) || (stem.length >= 4 && COMMON.has(`${stem}123`))) {
    return 'is a commonly used password; choose a longer phrase of unrelated words';
  }
  if (new Set(lower).size <= 2) return 'repeats one or two characters; choose a longer phrase of unrelated words';
  if (RUNS.some((run) => run.includes(lower) || `${run}${run}`.includes(lower))) return 'is a keyboard or alphabet run';
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return 'contains the account name';
  return undefined;
}

/**
 * The pages below the header (Inbox, Intents, Reports, Follow-ups) and who may open which.
 *
 * @example
 *   pagesFor('agent'); // ['inbox', 'reports', 'followups']
 */
export type PageName = 'inbox' | 'intents' | 'reports' | 'followups';

/** The pages a role may open: tuning intents is for `ops` only (SPEC §2). */
export function pagesFor(role: string): PageName[] {
  return role === 'ops' ? ['inbox', 'intents', 'reports', 'followups'] : ['inbox', 'reports', 'followups'];
}

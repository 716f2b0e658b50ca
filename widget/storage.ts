/**
 * Safe access to `localStorage`: it throws in sandboxed iframes, with cookies blocked, or in
 * some privacy modes, so the widget falls back to memory and keeps working for this page view.
 *
 * @example
 *   const storage = browserStorage(); // localStorage, or an in-memory stand-in
 */
import type { KeyValueStorage } from './outbox';

export function browserStorage(): KeyValueStorage {
  try {
    const probe = 'relaydesk:probe';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

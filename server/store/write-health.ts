/**
 * Owns the store's write health: wraps a `Store` so that a write failing for a storage reason
 * (disk full, read-only, I/O error) is logged once per episode with its code (`SQLITE_FULL`, not
 * a rollback error) and `/healthz` answers 503 with that reason until a write succeeds again.
 *
 * @example
 *   const { store, fault } = watchWrites(rawStore, logger);
 *   fault(); // → undefined, or 'storage cannot write: SQLITE_FULL (the disk is full)'
 */
import type { Logger } from 'pino';
import type { Store } from './store.js';
import { storageErrorCode } from './storage-faults.js';

const WRITES = /^(create|append|update|insert|upsert|add|delete|erase|touch|set|claim|release|transfer|resolve|record|save|mark|complete|finish)/;

const EXPLAIN: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  ENOSPC: 'the disk is full',
  SQLITE_READONLY: 'the database is read-only',
  EROFS: 'the file system is read-only',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
};

export function watchWrites(inner: Store, logger: Pick<Logger, 'error' | 'info'>): { store: Store; fault: () => string | undefined } {
  let fault: string | undefined;
  const wrapped = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string' || !WRITES.test(key)) return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved) => {
            if (fault) logger.info({ recovered: fault }, 'storage writes work again');
            fault = undefined;
            return resolved;
          },
          (error: unknown) => {
            const code = storageErrorCode(error);
            if (code && EXPLAIN[code]) {
              const reason = `storage cannot write: ${code} (${EXPLAIN[code]})`;
              if (fault !== reason) logger.error({ code, operation: key }, reason);
              fault = reason;
            }
            throw error;
          },
        );
      };
    },
  });
  return { store: wrapped, fault: () => fault };
}

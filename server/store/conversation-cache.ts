/**
 * Owns the embedded store's memory of recently used conversation records. Every shopper message
 * read its conversation three times (the service, the write, the bot turn's completion), each a
 * ~2 KB row turned back into a record: about a quarter of the node's CPU at 500 messages a second.
 * The SQLite hot path (`sqlite-write-path.ts`) writes through this cache, so it always holds what
 * the connection would read. Whatever else could change a row empties it:
 * - a write through kysely on the same connection, COMMIT and ROLLBACK included (`sqlite-dialect.ts`);
 * - a write that threw, or a group commit that failed (its savepoint or transaction rolled back);
 * - another connection's commit, such as a CLI command, which SQLite's `data_version` reveals:
 *   reads ask once per event-loop turn, writes inside their transaction (so no write builds on a
 *   stale record).
 * Records are frozen: they are shared between callers, and a mutation would silently change the cache.
 * PostgreSQL has no such cache: several nodes write there.
 *
 * @example
 *   const conversations = createConversationCache(database);
 *   conversations.get(id) ?? conversations.set(toConversationRecord(row));
 */
import type { Database } from 'better-sqlite3';
import type { ConversationRecord } from './conversation-record.js';

/**
 * Active conversations kept; the oldest used goes first. A record with a typical bot state and last
 * triage takes ~2.4 KB of heap, so the full cache ~24 MB: a node chatting with 10,000 widgets keeps
 * them all (at 2,000 the cache thrashed and most reads went back to the row).
 */
export const CONVERSATION_CACHE_SIZE = 10_000;

export interface ConversationCache {
  get(id: string): ConversationRecord | undefined;
  /**
   * Asks SQLite whether another connection committed, now. `get` asks once per event-loop turn
   * (each ask is a read transaction of its own); a write asks inside its transaction, where the
   * answer holds until COMMIT.
   */
  revalidate(): void;
  /** Stores (and returns, frozen) the record as the connection now holds it. */
  set(record: ConversationRecord): ConversationRecord;
  delete(id: string): void;
  clear(): void;
}

export function createConversationCache(database: Database, size = CONVERSATION_CACHE_SIZE): ConversationCache {
  const records = new Map<string, ConversationRecord>();
  // Changes whenever another connection commits to the file; our own commits leave it alone.
  const dataVersion = database.prepare('pragma data_version').pluck();
  let seenVersion = dataVersion.get();
  let checkedThisTurn = false;
  const nextTurn = () => (checkedThisTurn = false);

  function revalidate(): void {
    const version = dataVersion.get();
    if (version === seenVersion) return;
    seenVersion = version;
    records.clear();
  }

  return {
    revalidate,
    get(id) {
      if (!checkedThisTurn) {
        checkedThisTurn = true;
        setImmediate(nextTurn);
        revalidate();
      }
      const record = records.get(id);
      if (record) {
        records.delete(id); // most recently used last: Map keeps insertion order
        records.set(id, record);
      }
      return record;
    },
    set(record) {
      const frozen = Object.isFrozen(record) ? record : Object.freeze(record);
      records.delete(record.id);
      records.set(record.id, frozen);
      if (records.size > size) records.delete(records.keys().next().value!);
      return frozen;
    },
    delete: (id) => void records.delete(id),
    clear: () => records.clear(),
  };
}

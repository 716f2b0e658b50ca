/**
 * Owns the embedded store's memory of recently used conversation records. Every shopper message
 * read its conversation three times (the service, the write, the bot turn's completion), each a
 * ~2 KB row turned back into a record: about a quarter of the node's CPU at 500 messages a second.
 * The SQLite hot path (`sqlite-write-path.ts`) writes through this cache as it decides each write,
 * so it always holds what the file holds once the batch in flight has committed. Whatever else
 * could change a row empties it:
 * - a write through kysely on the same connection, COMMIT and ROLLBACK included (`sqlite-dialect.ts`);
 * - a write that threw, a job the writer thread rolled back, or a group commit that failed;
 * - another connection's commit, such as a CLI tool, which SQLite's `data_version` on this
 *   connection reveals: reads ask once per event-loop turn, writes as they are decided. The writer
 *   thread's commits change it too, so while a batch is in flight nobody asks (`pause`), and when
 *   it settles the version is adopted (`resume`); a commit by another connection in that window is
 *   reported by the writer thread instead, which compares its own `data_version` at each batch.
 * A record read from the file while a batch is in flight may predate it: the store empties the
 * cache again when that batch settles if it was emptied meanwhile (`generation`).
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
   * Asks SQLite whether another connection committed, now (unless paused). `get` asks once per
   * event-loop turn (each ask is a read transaction of its own); a write asks as it is decided.
   */
  revalidate(): void;
  /** A batch is in flight on the writer thread: its COMMIT will change `data_version` too. */
  pause(): void;
  /** The batch settled: the version now is ours. */
  resume(): void;
  /** Stores (and returns, frozen) the record as the file holds it once the writes decided so far commit. */
  set(record: ConversationRecord): ConversationRecord;
  delete(id: string): void;
  clear(): void;
  /** How many times the cache was emptied: a change tells a batch in flight that records read meanwhile may predate it. */
  readonly generation: number;
}

export function createConversationCache(database: Database, size = CONVERSATION_CACHE_SIZE): ConversationCache {
  const records = new Map<string, ConversationRecord>();
  let generation = 0;
  // Changes whenever another connection (the writer thread's included) commits to the file; our own commits leave it alone.
  const dataVersion = database.prepare('pragma data_version').pluck();
  let seenVersion = dataVersion.get();
  let paused = false;
  let checkedThisTurn = false;
  const nextTurn = () => (checkedThisTurn = false);

  function clear(): void {
    generation += 1;
    records.clear();
  }

  function revalidate(): void {
    if (paused) return;
    const version = dataVersion.get();
    if (version === seenVersion) return;
    seenVersion = version;
    clear();
  }

  return {
    revalidate,
    pause: () => void (paused = true),
    resume() {
      paused = false;
      seenVersion = dataVersion.get();
    },
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
    clear,
    get generation() {
      return generation;
    },
  };
}

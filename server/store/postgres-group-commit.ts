/**
 * Owns group commit on PostgreSQL (SPEC §8, the PostgreSQL side of `group-commit.ts`): the writes
 * of every conversation that arrive within one turn of the event loop run in ONE transaction on
 * one pooled connection, and each write's promise settles only after that transaction's COMMIT
 * returned, so nothing is acknowledged that is not stored. While a batch is in flight the next one
 * gathers, so a busy node sends bigger batches, not more of them.
 *
 * A batch costs two round trips however many writes it holds (on a busy machine each round trip
 * waits for a CPU slice on both ends, so their number, not the SQL, sets the pace): first BEGIN,
 * one SELECT … FOR UPDATE locking every conversation the batch touches, in id order (two nodes'
 * batches never deadlock), and one SELECT reading the next seqs, the clientIds already stored and
 * the turns to finish; then each write plans in JavaScript (`postgres-batch.ts`), and ONE
 * statement writes every row (messages, conversation changes, pending and finished turns, via
 * data-modifying CTEs) followed by COMMIT. Each trip is one simple query holding several
 * statements, so values travel as escaped JSON literals, never spliced raw.
 *
 * One failing write fails alone. A plan that throws (an unknown conversation) writes nothing. A
 * row the database refuses (a data or constraint error) aborts that one statement: the batch rolls
 * back and runs again with a SAVEPOINT per write, so only the refused write fails. A lost
 * connection (or any other error) rejects every write of the batch: none was acknowledged, and
 * the caller acks `internal`, which the widget retries with the same clientId.
 *
 * @example
 *   const commit = createPostgresGroupCommit(pool);
 *   const record = await commit.run({ needs: { conversationIds: [id] }, plan: (view) => … }); // after COMMIT
 */
import pg from 'pg';
import { AppError } from '../errors.js';
import { isStorableText } from '../protocol.js';
import { BatchState, isEmpty, type BatchRows, type BatchSnapshot, type BatchView, type Effect, type TurnState, type WriteNeeds } from './postgres-batch.js';
import type { ConversationsTable, MessagesTable } from './tables.js';

/** One logical write: what it needs locked and read, and its pure plan (it may run more than once). */
export interface PostgresWrite<T> {
  needs: WriteNeeds;
  plan(view: BatchView): { value: T; effect: Effect };
}

export interface PostgresGroupCommit {
  /** Runs `write` in the next batch's transaction; resolves with its value once committed. */
  run<T>(write: PostgresWrite<T>): Promise<T>;
  /** Observers of each committed batch (metrics, tests): how many writes it held. */
  onBatch(listener: (size: number) => void): void;
  /** Resolves when every write queued so far has settled (shutdown). */
  drain(): Promise<void>;
}

const UNSTORABLE = 'ids must be Unicode without NUL characters or lone surrogates';

interface Job {
  write: PostgresWrite<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

// SQLSTATE classes that belong to the data of one write: 22 data exception (a NUL in a text, or
// the deliberate cast error below), 23 integrity constraint violation. Anything else (a lost
// connection, 57P01 admin shutdown, …) fails the whole batch.
const isRowError = (error: unknown) => error instanceof pg.DatabaseError && /^2[23]/.test(error.code ?? '');

const unique = (values: Iterable<string>) => [...new Set(values)];

/**
 * `text` as a SQL string literal (`sqlLiteral("it's") // → 'it''s'`), exactly as `pg.escapeLiteral` writes it (quotes and backslashes
 * doubled, `E'…'` when a backslash occurs), but with two native replaces instead of its
 * character loop: a batch's JSON runs to megabytes, and that loop was 6× slower on it.
 */
export function sqlLiteral(text: string): string {
  const quoted = `'${text.replaceAll("'", "''").replaceAll('\\', '\\\\')}'`;
  return text.includes('\\') ? ` E${quoted}` : quoted;
}

/** A JSON value as a SQL literal. JSON text holds no NUL (JSON.stringify escapes it), so the literal is safe in a simple query. */
const json = (value: unknown) => `${sqlLiteral(JSON.stringify(value))}::jsonb`;

function allNeeds(jobs: Job[]): Required<WriteNeeds> {
  return {
    conversationIds: unique(jobs.flatMap((job) => job.write.needs.conversationIds ?? [])),
    turnIds: unique(jobs.flatMap((job) => job.write.needs.turnIds ?? [])),
    clientIds: jobs.flatMap((job) => job.write.needs.clientIds ?? []),
  };
}

/** Ids and clientIds go into the batch's shared statements: one PostgreSQL cannot store would fail them all. */
function storableNeeds(needs: WriteNeeds): boolean {
  const texts = [...(needs.conversationIds ?? []), ...(needs.turnIds ?? []), ...(needs.clientIds ?? []).flatMap((pair) => [pair.conversationId, pair.clientId])];
  return texts.every(isStorableText);
}

/** Every conversation the batch touches (and those of the turns it finishes), locked in id order. */
function lockStatement(needs: Required<WriteNeeds>): string {
  return `select * from conversations
     where id in (select jsonb_array_elements_text(${json(needs.conversationIds)}))
        or id in (select conversation_id from bot_turns where id in (select jsonb_array_elements_text(${json(needs.turnIds)})))
     order by id for update`;
}

/**
 * Reads what the plans need: next seqs, stored clientIds, turns (and, inside a savepoint after
 * earlier writes, the conversation rows themselves). A statement of its own, so that it sees
 * whatever another transaction committed while the lock statement waited.
 */
function readStatement(needs: Required<WriteNeeds>, withConversations: boolean): string {
  const turnIds = `select jsonb_array_elements_text(${json(needs.turnIds)})`;
  return `with ids as (select jsonb_array_elements_text(${json(needs.conversationIds)}) as id union select conversation_id from bot_turns where id in (${turnIds}))
     select
       (select coalesce(jsonb_agg(to_jsonb(c)), '[]') from conversations c where ${withConversations} and c.id in (select id from ids)) as conversations,
       (select coalesce(jsonb_object_agg(ids.id, (select max(m.seq) from messages m where m.conversation_id = ids.id)), '{}') from ids) as max_seq,
       (select coalesce(jsonb_agg(to_jsonb(m)), '[]') from jsonb_to_recordset(${json(needs.clientIds)}) as k("conversationId" text, "clientId" text)
          join messages m on m.conversation_id = k."conversationId" and m.client_id = k."clientId") as originals,
       (select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'conversationId', t.conversation_id, 'done', t.done_at is not null)), '[]')
          from bot_turns t where t.id in (${turnIds})) as turns`;
}

type ReadRow = { conversations: ConversationsTable[]; max_seq: Record<string, number | null>; originals: MessagesTable[]; turns: TurnState[] };

function toSnapshot(row: ReadRow, conversations: ConversationsTable[]): BatchSnapshot {
  const maxSeq = Object.fromEntries(Object.entries(row.max_seq).map(([id, seq]) => [id, Number(seq ?? 0)]));
  return { conversations, maxSeq, originals: row.originals, turns: row.turns };
}

const IDENTIFIER = /^[a-z_]+$/;
/** Column names come from `rows.ts`, never from input; checked anyway, since they are spliced into SQL. */
function columnList(rows: object[]): string[] {
  const names = unique(rows.flatMap((row) => Object.keys(row))).sort();
  for (const name of names) if (!IDENTIFIER.test(name)) throw new Error(`not a column name: ${name}`);
  return names;
}

/**
 * Every row of the batch in one statement (data-modifying CTEs). Each turn to finish was read as
 * pending under its conversation's lock; if one is not (a writer that skipped that lock), the
 * statement fails with a data error (a cast of an explanatory text to int), so the COMMIT sent
 * after it never runs and the savepoint run decides per write.
 */
function writeStatement(rows: BatchRows): string {
  const parts: string[] = [];
  const insert = (name: string, table: string, items: object[]) => {
    const columns = columnList(items).join(', ');
    parts.push(`${name} as (insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, ${json(items)}))`);
  };
  if (rows.created.length > 0) insert('created', 'conversations', rows.created);
  if (rows.messages.length > 0) insert('new_messages', 'messages', rows.messages);
  if (rows.changed.length > 0) {
    const columns = columnList(rows.changed.map((row) => row.p));
    // jsonb_populate_record(c, p): the row with the keys of p replaced (a JSON null clears), typed by the table.
    parts.push(
      `changed as (update conversations as c set (${columns.join(', ')}) = (select ${columns.map((name) => `r.${name}`).join(', ')} from jsonb_populate_record(c, v.p) as r)
        from jsonb_to_recordset(${json(rows.changed)}) as v(id text, p jsonb) where c.id = v.id)`,
    );
  }
  if (rows.turns.length > 0) insert('new_turns', 'bot_turns', rows.turns);
  if (rows.finished.length === 0) return `with ${parts.join(',\n')} select 1`;
  parts.push(
    `finished as (update bot_turns as b set done_at = x.done_at from jsonb_to_recordset(${json(rows.finished)}) as x(id text, done_at text)
      where b.id = x.id and b.done_at is null returning 1)`,
  );
  const expected = rows.finished.length;
  return `with ${parts.join(',\n')}
    select case when n = ${expected} then n else ('turn already finished: ' || n || ' of ${expected} still pending')::int end from (select count(*)::int as n from finished) as f`;
}

/** Sends `text` (several statements) as one simple query: one round trip; results in statement order. */
async function send(client: pg.PoolClient, text: string): Promise<Array<pg.QueryResult<ReadRow & ConversationsTable>>> {
  const result: pg.QueryResult<ReadRow & ConversationsTable> | Array<pg.QueryResult<ReadRow & ConversationsTable>> = await client.query(text);
  return Array.isArray(result) ? result : [result];
}

/** Plans each job against `state`: a plan that throws fails that job alone. */
function planAll(state: BatchState, jobs: Job[]): Outcome[] {
  return jobs.map((job): Outcome => {
    try {
      return { ok: true, value: state.run((view) => job.write.plan(view)) };
    } catch (error) {
      return { ok: false, error };
    }
  });
}

/** The fast path: two round trips for the whole batch (BEGIN, lock, read; then write, COMMIT). */
async function runTogether(client: pg.PoolClient, jobs: Job[]): Promise<Outcome[]> {
  const needs = allNeeds(jobs);
  const [, locked, read] = await send(client, `begin; ${lockStatement(needs)}; ${readStatement(needs, false)}`);
  const state = new BatchState(toSnapshot(read!.rows[0]!, locked!.rows), needs.clientIds);
  const outcomes = planAll(state, jobs);
  const rows = state.rows();
  await send(client, isEmpty(rows) ? 'commit' : `${writeStatement(rows)}; commit`);
  return outcomes;
}

/** After refused rows: the same batch again with a SAVEPOINT per write, so only the refused one fails. */
async function runOneByOne(client: pg.PoolClient, jobs: Job[]): Promise<Outcome[]> {
  await send(client, `begin; ${lockStatement(allNeeds(jobs))}`);
  const outcomes: Outcome[] = [];
  for (const job of jobs) {
    const needs = { conversationIds: [], turnIds: [], clientIds: [], ...job.write.needs };
    try {
      const [, read] = await send(client, `savepoint write; ${readStatement(needs, true)}`);
      const row = read!.rows[0]!;
      const state = new BatchState(toSnapshot(row, row.conversations), needs.clientIds);
      const [outcome] = planAll(state, [job]);
      const rows = state.rows();
      await send(client, outcome!.ok && !isEmpty(rows) ? `${writeStatement(rows)}; release savepoint write` : 'release savepoint write');
      outcomes.push(outcome!);
    } catch (error) {
      if (!isRowError(error)) throw error;
      await send(client, 'rollback to savepoint write; release savepoint write');
      outcomes.push({ ok: false, error });
    }
  }
  await send(client, 'commit');
  return outcomes;
}

async function runBatch(pool: pg.Pool, jobs: Job[]): Promise<Outcome[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    try {
      return await runTogether(client, jobs);
    } catch (error) {
      if (!isRowError(error)) throw error;
      await send(client, 'rollback');
      return await runOneByOne(client, jobs);
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A connection that failed mid-transaction is discarded, never handed to the next caller.
    client.release(broken);
  }
}

/**
 * Group commit over `pool`: one batch in flight at a time; writes queued meanwhile form the next.
 *
 * @example const commit = createPostgresGroupCommit(pool); await commit.run(write);
 */
export function createPostgresGroupCommit(pool: pg.Pool): PostgresGroupCommit {
  let queue: Job[] = [];
  let inFlight: Promise<void> | undefined;
  let scheduled = false;
  const listeners: Array<(size: number) => void> = [];

  function schedule(): void {
    if (scheduled || inFlight || queue.length === 0) return;
    scheduled = true;
    // setImmediate runs after this turn's I/O callbacks: every socket message read in this turn joins the batch.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    inFlight = runBatch(pool, batch).then(
      (outcomes) => {
        for (const listener of listeners) listener(batch.length);
        batch.forEach((job, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) job.resolve(outcome.value);
          else job.reject(outcome.error);
        });
      },
      (error: unknown) => {
        for (const job of batch) job.reject(error); // nothing of the batch is known to be stored: no ack
      },
    );
    void inFlight.finally(() => {
      inFlight = undefined;
      schedule();
    });
  }

  return {
    run<T>(write: PostgresWrite<T>): Promise<T> {
      if (!storableNeeds(write.needs)) return Promise.reject(new AppError('invalid_payload', UNSTORABLE));
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    onBatch: (listener) => void listeners.push(listener),
    async drain() {
      while (inFlight || queue.length > 0) await (inFlight ?? new Promise((resolve) => setImmediate(resolve)));
    },
  };
}

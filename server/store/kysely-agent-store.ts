/**
 * Owns the `AgentStore` half of the store as kysely queries that run unchanged on SQLite and
 * PostgreSQL: accounts, sessions, notes, and the conditional updates that release, transfer and
 * resolve a conversation only while the expected agent still holds it (the database decides
 * races, whichever node the agents are on; process memory never does).
 *
 * @example const agentStore = createKyselyAgentStore(db); await agentStore.countAgents();
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import type { ConversationStatus } from '../protocol.js';
import type { AgentRecord, AgentRole, AgentStore, NoteRecord } from './agent-records.js';
import { toConversationRecord } from './rows.js';
import type { AgentsTable, NotesTable, Tables } from './tables.js';

const ASSIGNED: ConversationStatus = 'assigned';

function toAgentRecord(row: AgentsTable): AgentRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as AgentRole, // only this code writes the column
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toNoteRecord(row: NotesTable): NoteRecord {
  return { id: row.id, conversationId: row.conversation_id, agentId: row.agent_id, agentName: row.agent_name, text: row.text, at: row.at };
}

/**
 * The agent-side queries over a migrated database; `createKyselyStore` spreads them into `Store`.
 *
 * @example
 *   const moved = await createKyselyAgentStore(db).releaseConversation(id, agentId, now); // false if someone else holds it
 */
export function createKyselyAgentStore(db: Kysely<Tables>): AgentStore {
  const findAgentByEmail = async (email: string) => {
    const row = await db.selectFrom('agents').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toAgentRecord(row);
  };
  /** The WHERE of every conditional move: still assigned, still to this agent. */
  const heldBy = (id: string, agentId: string) =>
    db.updateTable('conversations').where('id', '=', id).where('status', '=', ASSIGNED).where('assignee_id', '=', agentId);

  return {
    async insertAgent(input) {
      const result = await db
        .insertInto('agents')
        .values({
          id: input.id,
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          password_hash: input.passwordHash,
          created_at: input.now,
          updated_at: input.now,
        })
        .onConflict((conflict) => conflict.column('email').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async upsertAgent(input) {
      const email = input.email.toLowerCase();
      await db
        .insertInto('agents')
        .values({ id: input.id, email, name: input.name, role: input.role, password_hash: input.passwordHash, created_at: input.now, updated_at: input.now })
        .onConflict((conflict) =>
          conflict.column('email').doUpdateSet({ name: input.name, role: input.role, password_hash: input.passwordHash, updated_at: input.now }),
        )
        .execute();
      const agent = await findAgentByEmail(email);
      if (!agent) throw new AppError('internal', `agent ${email} vanished right after its upsert`);
      return agent;
    },

    findAgentByEmail,

    async getAgent(id) {
      const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAgentRecord(row);
    },

    async listAgents() {
      const rows = await db.selectFrom('agents').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toAgentRecord);
    },

    async countAgents() {
      const { count } = await db.selectFrom('agents').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
      return Number(count);
    },

    async createSession(session) {
      await db
        .insertInto('agent_sessions')
        .values({ token_hash: session.tokenHash, agent_id: session.agentId, expires_at: session.expiresAt, created_at: session.createdAt })
        .execute();
    },

    async findSession(tokenHash) {
      const row = await db.selectFrom('agent_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && { tokenHash: row.token_hash, agentId: row.agent_id, expiresAt: row.expires_at, createdAt: row.created_at };
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('agent_sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(now) {
      const result = await db.deleteFrom('agent_sessions').where('expires_at', '<', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async addNote(input) {
      const row: NotesTable = {
        id: randomUUID(),
        conversation_id: input.conversationId,
        agent_id: input.agentId,
        agent_name: input.agentName,
        text: input.text,
        at: input.at,
      };
      await db.insertInto('notes').values(row).execute();
      return toNoteRecord(row);
    },

    async listNotes(conversationId) {
      const rows = await db.selectFrom('notes').selectAll().where('conversation_id', '=', conversationId).orderBy('at').orderBy('id').execute();
      return rows.map(toNoteRecord);
    },

    async releaseConversation(id, agentId, now) {
      const result = await heldBy(id, agentId)
        .set((eb) => ({
          status: 'queued' satisfies ConversationStatus,
          assignee_id: null,
          assignee_name: null,
          // The shopper keeps their place: an existing queuedAt stays.
          queued_at: eb.fn.coalesce('queued_at', eb.val(now)),
          updated_at: now,
        }))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async transferConversation(id, fromAgentId, to, now) {
      const result = await heldBy(id, fromAgentId).set({ assignee_id: to.id, assignee_name: to.name, updated_at: now }).executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },

    async resolveConversation(id, agentId, now) {
      const result = await heldBy(id, agentId)
        .set({ status: 'resolved' satisfies ConversationStatus, resolved_at: now, updated_at: now })
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return undefined;
      const row = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toConversationRecord(row);
    },
  };
}

/**
 * Owns the database schema history: an ordered list of migrations written with kysely's schema
 * builder in portable types (text, integer), so SQLite and PostgreSQL get the same tables, and
 * `migrateToLatest(db)`, run by every store when it opens. To change the schema, append a
 * migration with the next number (`0002_agents`, …); never edit one that has shipped.
 *
 * @example await migrateToLatest(db); // creates or upgrades the tables, idempotent
 */
import { Migrator, sql, type Kysely } from 'kysely';
import type { NamedMigration } from './named-migration.js';
import { trustMigration } from './trust-migration.js';

// In its own module so that migration files kept apart (trust-migration.ts) need not import this one.
export type { NamedMigration } from './named-migration.js';

// Migrations take Kysely<any>: they describe past schemas, which the current `Tables` type does not.
const conversationsAndMessages: NamedMigration = {
  name: '0001_conversations_and_messages',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('customer_key', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('locale', 'text')
      .addColumn('page', 'text')
      .addColumn('language', 'text')
      .addColumn('intent', 'text')
      .addColumn('urgency', 'text')
      .addColumn('reasons_json', 'text', (column) => column.notNull())
      .addColumn('last_triage_json', 'text')
      .addColumn('bot_state_json', 'text', (column) => column.notNull())
      .addColumn('queued_at', 'text')
      .addColumn('assignee_id', 'text')
      .addColumn('assignee_name', 'text')
      .addColumn('first_response_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('rating', 'integer')
      .addColumn('rating_comment', 'text')
      .execute();
    // The agent queue lists by status; a shopper's history by customer key.
    await db.schema.createIndex('conversations_status_idx').on('conversations').column('status').execute();
    await db.schema.createIndex('conversations_customer_key_idx').on('conversations').column('customer_key').execute();
    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('sender', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('client_id', 'text')
      .addColumn('author_name', 'text')
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('triage_json', 'text')
      // The database itself guarantees one message per seq and per clientId (NULLs never collide).
      .addUniqueConstraint('messages_conversation_seq_key', ['conversation_id', 'seq'])
      .addUniqueConstraint('messages_conversation_client_id_key', ['conversation_id', 'client_id'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('messages').execute();
    await db.schema.dropTable('conversations').execute();
  },
};

const agentsSessionsNotes: NamedMigration = {
  name: '0002_agents_sessions_notes',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('agents')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('email', 'text', (column) => column.notNull().unique())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('password_hash', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('agent_sessions')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('agent_id', 'text', (column) => column.notNull().references('agents.id').onDelete('cascade'))
      .addColumn('expires_at', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    // Expired sessions are swept by expiry time.
    await db.schema.createIndex('agent_sessions_expires_at_idx').on('agent_sessions').column('expires_at').execute();
    await db.schema
      .createTable('notes')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      // No foreign key to agents: a note outlives the account of whoever wrote it (the name is kept).
      .addColumn('agent_id', 'text', (column) => column.notNull())
      .addColumn('agent_name', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('notes_conversation_id_idx').on('notes').column('conversation_id').execute();
    // An agent's disconnect releases what they hold: looked up by assignee.
    await db.schema.createIndex('conversations_assignee_id_idx').on('conversations').column('assignee_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('conversations_assignee_id_idx').execute();
    await db.schema.dropTable('notes').execute();
    await db.schema.dropTable('agent_sessions').execute();
    await db.schema.dropTable('agents').execute();
  },
};

const ops: NamedMigration = {
  name: '0003_ops',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('intent_versions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      // Orders the history without trusting clocks: two versions saved in one millisecond stay in order.
      .addColumn('version', 'integer', (column) => column.notNull().unique())
      .addColumn('intent', 'text', (column) => column.notNull())
      .addColumn('yaml', 'text', (column) => column.notNull())
      .addColumn('author_id', 'text')
      .addColumn('author_name', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('summary', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('intent_versions_intent_idx').on('intent_versions').columns(['intent', 'version']).execute();
    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('agent_id', 'text', (column) => column.notNull())
      .addColumn('due_at', 'text', (column) => column.notNull())
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('done_at', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('follow_ups_agent_id_idx').on('follow_ups').column('agent_id').execute();
    await db.schema
      .createTable('handoffs')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('reasons_json', 'text', (column) => column.notNull())
      .execute();
    await db.schema.createIndex('handoffs_conversation_id_idx').on('handoffs').column('conversation_id').execute();
    await db.schema
      .createTable('bot_outcomes')
      // One outcome per conversation: the key makes settling idempotent across sweeps and nodes.
      .addColumn('conversation_id', 'text', (column) => column.primaryKey().references('conversations.id').onDelete('cascade'))
      .addColumn('outcome', 'text', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .execute();
    // Reports select conversations by the time they opened.
    await db.schema.createIndex('conversations_created_at_idx').on('conversations').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('conversations_created_at_idx').execute();
    await db.schema.dropTable('bot_outcomes').execute();
    await db.schema.dropTable('handoffs').execute();
    await db.schema.dropTable('follow_ups').execute();
    await db.schema.dropTable('intent_versions').execute();
  },
};

/** SPEC §11: the shopper's contact address and how far agent replies were emailed. */
const contact: NamedMigration = {
  name: '0004_contact',
  async up(db: Kysely<any>) {
    await db.schema.alterTable('conversations').addColumn('contact_email', 'text').execute();
    await db.schema.alterTable('conversations').addColumn('contact_name', 'text').execute();
    await db.schema.alterTable('conversations').addColumn('emailed_seq', 'integer').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('conversations').dropColumn('emailed_seq').execute();
    await db.schema.alterTable('conversations').dropColumn('contact_name').execute();
    await db.schema.alterTable('conversations').dropColumn('contact_email').execute();
  },
};

const writePath: NamedMigration = {
  name: '0006_write_path',
  async up(db: Kysely<any>) {
    // The queue shows the last shopper message: kept on the row so listing the queue reads no messages.
    await db.schema.alterTable('conversations').addColumn('preview', 'text').execute();
    // Fill it for conversations already waiting, so an upgraded server shows their previews too.
    await sql`update conversations set preview = substr((select m.text from messages m where m.conversation_id = conversations.id and m.sender = 'customer' order by m.seq desc limit 1), 1, 140) where status in ('queued', 'assigned')`.execute(db);
    // The bot-turn outbox: a turn is stored with the shopper message it answers, done_at set with its reply.
    await db.schema
      .createTable('bot_turns')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('message_id', 'text', (column) => column.notNull().references('messages.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('done_at', 'text')
      .execute();
    // A start-up (or another node) looks for the unfinished turns only.
    await db.schema.createIndex('bot_turns_pending_idx').on('bot_turns').columns(['done_at', 'created_at']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('bot_turns').execute();
    await db.schema.alterTable('conversations').dropColumn('preview').execute();
  },
};

/** Every migration, in apply order. Append only. */
export const MIGRATIONS: readonly NamedMigration[] = [conversationsAndMessages, agentsSessionsNotes, ops, contact, trustMigration, writePath];

/**
 * Applies every pending migration (each in a transaction where the dialect allows DDL in one).
 * Throws naming the failed migration; the database is left at the last successful one.
 *
 * @example await migrateToLatest(new Kysely<Tables>({ dialect }));
 */
export async function migrateToLatest(db: Kysely<any>, migrations: readonly NamedMigration[] = MIGRATIONS): Promise<void> {
  const names = migrations.map((migration) => migration.name);
  // kysely applies migrations in name order; a list in another order would be applied differently than it reads.
  if (names.some((name, i) => i > 0 && name <= (names[i - 1] ?? ''))) {
    throw new Error(`store migrations must be listed in increasing name order without duplicates: ${names.join(', ')}`);
  }
  const provider = { getMigrations: async () => Object.fromEntries(migrations.map((migration) => [migration.name, migration])) };
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`store migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

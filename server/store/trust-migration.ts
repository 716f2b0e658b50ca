/**
 * Migration `0005_trust` (appended to `MIGRATIONS`): the tables of verified identities and
 * typed order emails, erasures, the privacy audit trail and per-agent flags. Portable types only.
 */
import type { Kysely } from 'kysely';
import type { NamedMigration } from './named-migration.js';

export const trustMigration: NamedMigration = {
  name: '0005_trust',
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('shopper_emails')
      .addColumn('conversation_id', 'text', (column) => column.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('email', 'text', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('sub', 'text')
      .addColumn('name', 'text')
      .addColumn('at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('shopper_emails_pkey', ['conversation_id', 'email', 'source'])
      .execute();
    // Export and erasure find a shopper by email; linking finds earlier conversations by sub.
    await db.schema.createIndex('shopper_emails_email_idx').on('shopper_emails').column('email').execute();
    await db.schema.createIndex('shopper_emails_sub_idx').on('shopper_emails').column('sub').execute();
    await db.schema
      .createTable('erasures')
      .addColumn('conversation_id', 'text', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('privacy_audit')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('actor_id', 'text', (column) => column.notNull())
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('conversations', 'integer', (column) => column.notNull())
      .addColumn('messages', 'integer', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('agent_flags')
      .addColumn('agent_id', 'text', (column) => column.primaryKey())
      .addColumn('disabled_at', 'text')
      .addColumn('languages_json', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['agent_flags', 'privacy_audit', 'erasures', 'shopper_emails']) await db.schema.dropTable(table).execute();
  },
};

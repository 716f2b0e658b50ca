// A child process for store-contract.test.ts: appends messages forever and prints `acked <seq>`
// after each append resolves, until the test kills it with SIGKILL. LOCATION is a SQLite file or
// a postgres:// URL.
import { createPostgresStore } from '../../server/store/postgres-store.js';
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const [location, conversationId] = process.argv.slice(2);
if (!location || !conversationId) throw new Error('usage: store-crash-writer.ts LOCATION CONVERSATION_ID');

const store = location.startsWith('postgres') ? await createPostgresStore({ url: location }) : await createSqliteStore({ file: location });
for (let i = 1; ; i += 1) {
  const { message } = await store.appendMessage({ conversationId, from: 'customer', text: `message ${i}`, clientId: `c${i}`, at: new Date().toISOString() });
  process.stdout.write(`acked ${message.seq}\n`);
}

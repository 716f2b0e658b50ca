// A child process for store-sqlite.test.ts: appends messages forever and prints `acked <seq>`
// after each append resolves, until the test kills it with SIGKILL.
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const [file, conversationId] = process.argv.slice(2);
if (!file || !conversationId) throw new Error('usage: store-crash-writer.ts FILE CONVERSATION_ID');

const store = await createSqliteStore({ file });
for (let i = 1; ; i += 1) {
  const { message } = await store.appendMessage({ conversationId, from: 'customer', text: `message ${i}`, clientId: `c${i}`, at: new Date().toISOString() });
  process.stdout.write(`acked ${message.seq}\n`);
}

// A child process for group-commit.test.ts: a bare script (no vitest keeping the loop alive) that
// opens the store, writes once and closes it; it must print `closed` and exit 0.
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: store-close-script.ts FILE');
const store = await createSqliteStore({ file });
await store.createConversation({ id: 'a', tokenHash: 'h', customerKey: 'k', now: new Date().toISOString() });
await store.close();
process.stdout.write('closed\n');

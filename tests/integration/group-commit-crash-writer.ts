// A child process for group-commit.test.ts: writes rounds of shopper messages to ten conversations
// at once (each round shares one group commit), prints `acked <text>` per resolved write, and in
// round KILL_ROUND SIGKILLs itself from inside the batch's transaction.
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const KILL_ROUND = 5;
const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: group-commit-crash-writer.ts FILE');

const store = await createSqliteStore({ file });
const at = () => new Date().toISOString();
const ids = await Promise.all(
  Array.from({ length: 10 }, (_, i) => store.createConversation({ id: `c${i}`, tokenHash: `h${i}`, customerKey: `k${i}`, now: at() }).then((c) => c.id)),
);
process.stdout.write('ready\n');
for (let round = 1; round <= KILL_ROUND; round += 1) {
  await Promise.all(
    ids.map((conversationId, i) =>
      store
        .recordCustomerMessage({
          message: { conversationId, from: 'customer', text: `r${round} ${conversationId}`, clientId: `r${round}`, at: at() },
          update: () => {
            // Half way through the batch: earlier writes of this round are inside the open transaction.
            if (round === KILL_ROUND && i === 5) {
              process.kill(process.pid, 'SIGKILL');
              Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
            }
            return {};
          },
          turnWhen: ['bot'],
        })
        .then(({ message }) => void process.stdout.write(`acked ${message.text}\n`)),
    ),
  );
}

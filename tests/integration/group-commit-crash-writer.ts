// A child process for group-commit.test.ts: writes rounds of shopper messages to ten conversations
// at once (each round shares one group commit), prints `acked <text>` per resolved write, and in
// round KILL_ROUND SIGKILLs itself with that round's batch unfinished. Where:
// - `deciding`: while the event loop decides the batch (half of its writes decided, none sent);
// - `in-writer`: inside the writer thread's open transaction. A trigger on the round's sixth message
//   computes for seconds, and the kill comes once another connection finds the write lock taken.
import Database from 'better-sqlite3';
import { createSqliteStore } from '../../server/store/sqlite-store.js';

const KILL_ROUND = 5;
const [file, where = 'deciding'] = process.argv.slice(2);
if (!file || (where !== 'deciding' && where !== 'in-writer')) throw new Error('usage: group-commit-crash-writer.ts FILE [deciding|in-writer]');

const store = await createSqliteStore({ file });
const probe = new Database(file);
probe.pragma('busy_timeout = 0');
probe.exec(`create table slow_marks (n integer);
  create trigger slow_insert after insert on messages when new.text = 'r${KILL_ROUND} c5' begin
    insert into slow_marks select count(*) from (with recursive c(x) as (select 1 union all select x + 1 from c where x < 50000000) select x from c);
  end;`);
const at = () => new Date().toISOString();
const ids = await Promise.all(
  Array.from({ length: 10 }, (_, i) => store.createConversation({ id: `c${i}`, tokenHash: `h${i}`, customerKey: `k${i}`, now: at() }).then((c) => c.id)),
);
process.stdout.write('ready\n');

/** True once another connection holds the write lock: the writer thread's batch is open. */
function writeLockTaken(): boolean {
  try {
    probe.exec('begin immediate');
    probe.exec('rollback');
    return false;
  } catch {
    return true;
  }
}

function killSelf(): void {
  process.kill(process.pid, 'SIGKILL');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
}

for (let round = 1; round <= KILL_ROUND; round += 1) {
  const writes = Promise.all(
    ids.map((conversationId, i) =>
      store
        .recordCustomerMessage({
          message: { conversationId, from: 'customer', text: `r${round} ${conversationId}`, clientId: `r${round}`, at: at() },
          update: () => {
            // Half way through deciding the batch: earlier writes of this round are decided, none sent.
            if (where === 'deciding' && round === KILL_ROUND && i === 5) killSelf();
            return {};
          },
          turnWhen: ['bot'],
        })
        .then(({ message }) => void process.stdout.write(`acked ${message.text}\n`)),
    ),
  );
  if (where === 'in-writer' && round === KILL_ROUND) {
    for (let tries = 0; tries < 500 && !writeLockTaken(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 2));
    if (writeLockTaken()) process.stdout.write('write lock taken\n');
    await new Promise((resolve) => setTimeout(resolve, 200)); // the batch's first five messages are in, the sixth's trigger computes
    killSelf();
  }
  await writes;
}

// What was acknowledged is stored: a SIGKILLed server loses nothing it acked, and SIGTERM exits cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeClients, connectCustomer } from '../support/socket-client.js';
import { spawnServer } from '../support/spawn-server.js';

const dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-durability-'));
afterEach(() => closeClients());
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('durability', () => {
  it('keeps every acknowledged message across SIGKILL and a restart on the same DATA_DIR', async () => {
    const first = await spawnServer({ DATA_DIR: dataDir });
    const { socket, session } = await connectCustomer(first.url);
    const acked: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ack = await socket.emitWithAck('message', { clientId: `m${i}`, text: `message number ${i}` });
      if (ack.ok) acked.push(ack.message.text);
    }
    expect(acked).toHaveLength(8);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    closeClients();

    const second = await spawnServer({ DATA_DIR: dataDir });
    try {
      const resumed = await connectCustomer(second.url, { token: session.token });
      const texts = resumed.session.messages.filter((m) => m.from === 'customer').map((m) => m.text);
      expect(texts).toEqual(acked);
      const seqs = resumed.session.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000); // two real start-ups: slow on a busy machine

  it('exits 0 on SIGTERM', async () => {
    const server = await spawnServer({ DATA_DIR: dataDir });
    await connectCustomer(server.url);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 40_000); // a server start: several seconds on a loaded CI machine

  it('stops at start with one line naming a bad variable', async () => {
    await expect(spawnServer({ DATA_DIR: dataDir, PORT: 'eighty' })).rejects.toThrow(/PORT: /);
  });
});

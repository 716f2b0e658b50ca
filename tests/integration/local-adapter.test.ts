import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { LocalAdapter } from '../../server/transport/local-adapter.js';

describe('LocalAdapter (one node)', () => {
  let io: Server | undefined;
  const clients: ClientSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    if (io) await io.close();
    io = undefined;
  });

  async function serveWith(rooms: string[][]): Promise<{ server: Server; clients: ClientSocket[] }> {
    const httpServer = createServer();
    const server = new Server(httpServer, { adapter: LocalAdapter });
    io = server;
    server.on('connection', (socket) => {
      const n = Number(socket.handshake.auth.n);
      void socket.join(rooms[n]!);
      socket.emit('joined');
    });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = httpServer.address() as AddressInfo;
    const connected = await Promise.all(
      rooms.map(async (_, n) => {
        const client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], auth: { n } });
        clients.push(client);
        await new Promise<void>((resolve) => client.once('joined', () => resolve()));
        return client;
      }),
    );
    return { server, clients: connected };
  }

  /** What each client received until a final `done` sent to everyone. */
  async function received(server: Server, sockets: ClientSocket[], send: () => void): Promise<string[][]> {
    const got = sockets.map(() => [] as string[]);
    sockets.forEach((client, n) => client.on('note', (text: string) => got[n]!.push(text)));
    const done = Promise.all(sockets.map((client) => new Promise<void>((resolve) => client.once('done', () => resolve()))));
    send();
    server.emit('done');
    await done;
    return got;
  }

  it('still delivers to every socket of the rooms named, once, and honours except', async () => {
    const { server, clients: [a, b, c] } = await serveWith([['watch:1', 'agent:x'], ['watch:1'], ['agent:y']]);
    const got = await received(server, [a!, b!, c!], () => {
      server.to(['watch:1', 'agent:x']).emit('note', 'both rooms');
      server.to(['watch:nobody', 'agent:y']).emit('note', 'one empty room, one not');
      server.to('watch:1').except('agent:x').emit('note', 'except');
      server.emit('note', 'everyone');
    });
    expect(got).toEqual([
      ['both rooms', 'everyone'],
      ['both rooms', 'except', 'everyone'],
      ['one empty room, one not', 'everyone'],
    ]);
  });

  it('does not encode a packet that no socket of this node would receive', async () => {
    const { server, clients: [a] } = await serveWith([['watch:1']]);
    const encode = vi.spyOn(server.of('/').adapter as unknown as { _encode: (...args: unknown[]) => unknown }, '_encode');
    const got = await received(server, [a!], () => {
      server.to(['watch:2', 'agent:nobody']).emit('note', 'to nobody');
      server.to('watch:1').emit('note', 'to a');
    });
    expect(got).toEqual([['to a']]);
    // 'to a' and the final 'done' were encoded; 'to nobody' was not.
    expect(encode).toHaveBeenCalledTimes(2);
  });
});

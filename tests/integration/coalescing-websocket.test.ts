/**
 * The WebSocket server socket.io runs on (transport/coalescing-websocket.ts): the frames sent to
 * one socket in one event-loop turn reach the peer in one TCP write, in order, and a frame sent
 * alone is not held back. Real HTTP server, real ws, and a raw TCP client that does the
 * WebSocket handshake itself, so it sees how the bytes arrived.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { CoalescingWebSocketServer } from '../../server/transport/coalescing-websocket.js';

interface Peer {
  /** The server's side of the connection, and its TCP socket. */
  server: WebSocket;
  serverSocket: Duplex;
  /** Text frames received so far, in order. */
  frames: string[];
  /** How many TCP reads delivered frames. */
  reads: () => number;
  raw: Socket;
}

let http: Server | undefined;
const peers: Peer[] = [];
afterEach(async () => {
  // Upgraded sockets leave the HTTP server's hands: closed here, or close() would wait for them.
  for (const peer of peers.splice(0)) {
    peer.server.terminate();
    peer.raw.destroy();
  }
  await new Promise((resolve) => http?.close(resolve));
  http = undefined;
});

async function open(): Promise<Peer> {
  const wss = new CoalescingWebSocketServer({ noServer: true });
  http = createServer();
  let serverSocket: Duplex | undefined;
  const accepted = new Promise<WebSocket>((resolve) =>
    http!.on('upgrade', (request, socket, head) => {
      serverSocket = socket;
      wss.handleUpgrade(request, socket, head, resolve);
    }),
  );
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const raw = connect(port, '127.0.0.1');
  raw.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  const frames: string[] = [];
  let reads = 0;
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  raw.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      expect(buffer.subarray(0, end).toString()).toContain(`Sec-WebSocket-Accept: ${accept}`);
      upgraded = true;
      buffer = buffer.subarray(end + 4);
      if (buffer.length === 0) return;
    }
    reads += 1;
    // Unmasked text frames shorter than 126 bytes: FIN+opcode, length, payload.
    while (buffer.length >= 2 && buffer.length >= 2 + buffer[1]!) {
      frames.push(buffer.subarray(2, 2 + buffer[1]!).toString());
      buffer = buffer.subarray(2 + buffer[1]!);
    }
  });
  const peer = { server: await accepted, serverSocket: serverSocket!, frames, reads: () => reads, raw };
  peers.push(peer);
  return peer;
}

describe('CoalescingWebSocketServer', () => {
  it('sends the frames of one turn (a message’s echo, its ack, the reply) in one write, in order', async () => {
    const peer = await open();
    const sent: Array<Error | null | undefined> = [];
    peer.server.send('echo', (error) => sent.push(error));
    await Promise.resolve(); // a microtask later, as the ack is
    peer.server.send('ack', (error) => sent.push(error));
    // Queued in the same turn, as the bot reply is (afterAcks): once it is sent, all three frames
    // (2 header bytes each) still wait in the corked socket, to leave in one writev.
    const buffered = new Promise<[number, number]>((resolve) =>
      setImmediate(() => {
        peer.server.send('reply');
        resolve([peer.serverSocket.writableCorked, peer.serverSocket.writableLength]);
      }),
    );
    const [corked, waiting] = await buffered;
    expect(corked).toBeGreaterThan(0);
    expect(waiting).toBe('echo'.length + 'ack'.length + 'reply'.length + 3 * 2);
    // engine.io sends a socket's next frame only after the last one's callback: it came meanwhile.
    expect(sent).toHaveLength(2);
    expect(sent.every((error) => !error)).toBe(true);

    await expect.poll(() => peer.frames).toEqual(['echo', 'ack', 'reply']);
    expect(peer.reads()).toBe(1);
  });

  it('does not hold a frame back for frames of a later turn', async () => {
    const peer = await open();
    peer.server.send('first');
    await expect.poll(() => peer.frames).toEqual(['first']); // without waiting for another frame
    expect(peer.serverSocket.writableCorked).toBe(0);
    peer.server.send('second');
    await expect.poll(() => peer.frames).toEqual(['first', 'second']);
    expect(peer.reads()).toBe(2);
  });

  it('reports a send on a closed socket to its callback', async () => {
    const peer = await open();
    const closed = new Promise((resolve) => peer.server.once('close', resolve));
    peer.raw.destroy();
    await closed;
    const error = await new Promise<Error | undefined>((resolve) => peer.server.send('late', resolve));
    expect(error?.message).toMatch(/not open/i);
  });
});

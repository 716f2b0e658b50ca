/**
 * The floor for `npm run bench:load`: a bare socket.io server shaped like RelayDesk's `/customer`
 * protocol and nothing else (no triage, no storage): `session` on connect, and for each `message`
 * an ack plus one `message` emit from the "bot". Prints `listening <port>` once ready.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const httpServer = createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024 });
io.of('/customer').on('connection', (socket) => {
  const conversationId = randomUUID();
  let seq = 0;
  socket.emit('session', { token: randomUUID(), conversationId, status: 'bot', messages: [] });
  socket.on('message', (payload: { clientId?: string; text?: string }, ack?: (response: unknown) => void) => {
    const at = new Date().toISOString();
    const message = { id: randomUUID(), conversationId, seq: ++seq, from: 'customer', text: String(payload?.text ?? ''), at, clientId: payload?.clientId };
    ack?.({ ok: true, message });
    socket.emit('message', message);
    socket.emit('message', { id: randomUUID(), conversationId, seq: ++seq, from: 'bot', text: 'Your order is on its way.', at });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => void io.close(() => process.exit(0)));

/**
 * Owns how socket.io's WebSocket frames reach the kernel: the frames sent to one socket in one
 * turn of the event loop leave in one write. A shopper message answered at once puts three frames
 * on its socket (the message's echo, its ack, the bot's reply); each was its own `writev` system
 * call and TCP segment, because engine.io sends a socket's next frame only once the last one's
 * write has called back.
 *
 * How: the TCP socket is corked at its first frame of a turn and uncorked by an immediate queued
 * one tick later, so behind the bot reply's (`afterAcks` in bot-turn.ts): the reply joins the
 * write. A frame's write callback, which engine.io waits for, is called once the frame is queued
 * on the socket instead of once the kernel took it; a write that fails later closes the socket,
 * which engine.io hears as before. A slow reader's frames then wait in the socket's buffer rather
 * than in engine.io's; neither is bounded, as before.
 *
 * Every frame goes through ws's `Sender#sendFrame`, which engine.io also calls directly for the
 * frames socket.io encodes once per broadcast: that is the one internal of ws used here.
 *
 * @example new Server(httpServer, { wsEngine: CoalescingWebSocketServer });
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

type FrameCallback = (error?: Error) => void;
interface Sender {
  sendFrame(frame: Buffer[], cb?: FrameCallback): void;
}

export class CoalescingWebSocketServer extends WebSocketServer {
  override handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (client: WebSocket, request: IncomingMessage) => void): void {
    super.handleUpgrade(request, socket, head, (client, upgraded) => {
      coalesceFrames(socket, (client as unknown as { _sender: Sender })._sender);
      callback(client, upgraded);
    });
  }
}

function coalesceFrames(socket: Duplex, sender: Sender): void {
  const sendFrame = sender.sendFrame.bind(sender);
  let corked = false;
  const uncork = () => {
    corked = false;
    socket.uncork();
  };
  sender.sendFrame = (frame, cb) => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(() => setImmediate(uncork));
    }
    sendFrame(frame);
    if (cb) process.nextTick(cb);
  };
}

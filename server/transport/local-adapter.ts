/**
 * Owns socket.io's adapter on a single node (no REDIS_URL): the in-memory adapter, except that a
 * broadcast to rooms none of whose sockets are connected is dropped before it is encoded. socket.io
 * encodes a packet (JSON and the WebSocket frame) before it looks for recipients, and every stored
 * message goes to its conversation's agent rooms, which nobody follows for most conversations (and
 * to the shopper's room while the widget is closed). With several nodes the Redis adapter is used
 * instead: a room empty here may have sockets on another node.
 *
 * @example new Server(httpServer, { adapter: LocalAdapter });
 */
import { Adapter, type BroadcastOptions } from 'socket.io-adapter';

export class LocalAdapter extends Adapter {
  // `packet` is socket.io's internal packet shape, which the adapter's own signature leaves untyped.
  override broadcast(packet: Parameters<Adapter['broadcast']>[0], opts: BroadcastOptions): void {
    // The adapter deletes a room when its last socket leaves, so a room it knows has a socket.
    if (opts.rooms.size > 0 && !someRoomKnown(this.rooms, opts.rooms)) return;
    super.broadcast(packet, opts);
  }
}

function someRoomKnown(known: Map<string, Set<string>>, rooms: Set<string>): boolean {
  for (const room of rooms) if (known.has(room)) return true;
  return false;
}

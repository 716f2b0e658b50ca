// Pins the widget's typed socket to the protocol: `tsc` rejects unknown events and wrong payloads.
import { describe, expectTypeOf, it } from 'vitest';
import type { Ack, ChatMessage, StatusPayload } from '../../server/protocol';
import type { CustomerSocket } from '../../widget/connection';

// Never called: the checks below are compile-time, run by `tsc --noEmit` before vitest.
function typeChecks(socket: CustomerSocket): void {
  socket.emit('message', { clientId: 'k1', text: 'hi' }, (ack) => {
    expectTypeOf(ack).toEqualTypeOf<Ack<{ message: ChatMessage; duplicate?: boolean }>>();
  });
  socket.on('status', (payload) => expectTypeOf(payload).toEqualTypeOf<StatusPayload>());
  // @ts-expect-error an event the protocol does not have
  socket.emit('claim', { conversationId: 'c1' }, () => {});
  // @ts-expect-error a message needs a clientId
  socket.emit('message', { text: 'hi' }, () => {});
  // @ts-expect-error a score is a number
  socket.emit('rate', { score: '5' }, () => {});
  // @ts-expect-error the server never emits `queue` on /customer
  socket.on('queue', () => {});
}

describe('widget socket types', () => {
  it('are checked by tsc (see typeChecks)', () => {
    expectTypeOf(typeChecks).parameter(0).toEqualTypeOf<CustomerSocket>();
  });
});

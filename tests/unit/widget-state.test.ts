// Unit tests for the widget's pure reducer and selectors: seq order, resync merge, status flow, outbox view.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, SessionPayload } from '../../server/protocol';
import { statusBanner, connectionBanner, timeline } from '../../widget/timeline';
import { initialState, mergeMessages, reduce, type WidgetAction, type WidgetState } from '../../widget/widget-state';

const msg = (seq: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  from: 'bot',
  text: `text ${seq}`,
  at: '2025-01-01T10:00:00.000Z',
  ...over,
});
const session = (messages: ChatMessage[], over: Partial<SessionPayload> = {}): SessionPayload => ({
  token: 't',
  conversationId: 'c1',
  status: 'bot',
  messages,
  ...over,
});
const run = (actions: WidgetAction[], from: WidgetState = initialState()) => actions.reduce(reduce, from);
const seqs = (s: WidgetState) => s.messages.map((m) => m.seq);

describe('transcript', () => {
  it('keeps messages sorted by seq whatever the arrival order', () => {
    const s = run([3, 1, 2].map((n) => ({ type: 'message', message: msg(n) })));
    expect(seqs(s)).toEqual([1, 2, 3]);
  });

  it('stores a message delivered twice (ack and broadcast) once', () => {
    const m = msg(1, { from: 'customer', clientId: 'k1' });
    const s = run([{ type: 'message', message: m }, { type: 'acked', clientId: 'k1', message: m }]);
    expect(s.messages).toHaveLength(1);
  });

  it('merges a resync after reconnect with no gap and no duplicate', () => {
    const before = run([{ type: 'session', session: session([msg(1), msg(2)]) }, { type: 'message', message: msg(5) }]);
    const after = reduce(before, { type: 'session', session: session([1, 2, 3, 4, 5, 6].map((n) => msg(n))) });
    expect(seqs(after)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(after.messages.map((m) => m.id)).size).toBe(6);
  });

  it('merges any two overlapping views into their union, sorted, one copy each', () => {
    const all = Array.from({ length: 30 }, (_, i) => msg(i + 1));
    const view = fc.shuffledSubarray(all);
    fc.assert(
      fc.property(view, view, (a, b) => {
        const union = [...new Set([...a, ...b].map((m) => m.seq))].sort((x, y) => x - y);
        expect(mergeMessages(a, b).map((m) => m.seq)).toEqual(union);
        // A full resync after any partial view is the whole conversation.
        expect(mergeMessages(mergeMessages(a, b), all)).toEqual(all);
      }),
    );
  });

  it('replaces the transcript when the server starts a different conversation', () => {
    const s = run([
      { type: 'session', session: session([msg(1), msg(2)]) },
      { type: 'session', session: session([msg(1, { id: 'n1', conversationId: 'c2' })], { conversationId: 'c2' }) },
    ]);
    expect(s.messages.map((m) => m.id)).toEqual(['n1']);
  });

  it('counts unread replies only while the panel is closed, never the history of a resumed chat', () => {
    let s = run([{ type: 'session', session: session([msg(1), msg(2)]) }]);
    expect(s.unread).toBe(0);
    s = run([{ type: 'message', message: msg(3) }, { type: 'message', message: msg(4, { from: 'customer' }) }], s);
    expect(s.unread).toBe(1);
    s = run([{ type: 'open' }, { type: 'message', message: msg(5) }], s);
    expect(s.unread).toBe(0);
  });
});

describe('status', () => {
  it('goes bot → queued → assigned → resolved with the right banners and rating', () => {
    let s = run([{ type: 'status', status: { status: 'queued', queuePosition: 3, estimatedWaitSeconds: 240 } }]);
    expect(statusBanner(s)).toBe("You're number 3 in line · about 4 min");

    s = run([{ type: 'status', status: { status: 'assigned', agent: { name: 'Anna' } } }], s);
    expect([s.agentName, s.queuePosition]).toEqual(['Anna', null]);
    expect(statusBanner(s)).toBe('Anna has joined and has read your conversation');

    s = run([{ type: 'typing', typing: { from: 'agent', typing: true, name: 'Anna' } }], s);
    expect(s.agentTyping).toBe('Anna');
    s = run([{ type: 'message', message: msg(1, { from: 'agent', author: { name: 'Anna' } }) }], s);
    expect(s.agentTyping).toBeNull();

    s = run([{ type: 'status', status: { status: 'resolved' } }], s);
    expect([s.status, s.agentName, s.rating]).toEqual(['resolved', null, 'ask']);
    s = run([{ type: 'rate', phase: 'sending' }, { type: 'rate', phase: 'thanks' }], s);
    expect(s.rating).toBe('thanks');
  });

  it('keeps the thanks across a reconnect, and hides the rating when the chat reopens', () => {
    let s = run([
      { type: 'session', session: session([], { status: 'resolved' }) },
      { type: 'rate', phase: 'thanks' },
      { type: 'session', session: session([], { status: 'resolved' }) },
    ]);
    expect(s.rating).toBe('thanks');
    s = run([{ type: 'status', status: { status: 'bot' } }], s);
    expect(s.rating).toBe('hidden');
  });

  it('ignores a rating result when no rating was asked for', () => {
    expect(run([{ type: 'rate', phase: 'thanks' }]).rating).toBe('hidden');
  });

  it('names the agent from the transcript when a resumed session is already assigned', () => {
    const agentMsg = msg(2, { from: 'agent', author: { name: 'Li Wei' } });
    const s = run([{ type: 'session', session: session([msg(1), agentMsg], { status: 'assigned' }) }]);
    expect(s.agentName).toBe('Li Wei');
  });
});

describe('outbox in the state', () => {
  const send: WidgetAction = { type: 'send', clientId: 'k1', text: 'where is 1001?', at: 'now' };

  it('shows unsent text as "sending…" and swaps it for the stored message in place', () => {
    let s = run([send]);
    expect(timeline(s)).toMatchObject([{ key: 'c:k1', pending: 'sending', text: 'where is 1001?' }]);
    s = run([{ type: 'message', message: msg(1, { from: 'customer', clientId: 'k1', text: 'where is 1001?' }) }], s);
    expect(s.outbox).toEqual([]);
    expect(timeline(s)).toMatchObject([{ key: 'c:k1', pending: null }]);
  });

  it('goes offline: in-flight entries return to the queue and the banner says so', () => {
    const s = run([send, { type: 'sending', clientIds: ['k1'] }, { type: 'connection', state: 'offline' }]);
    expect(s.outbox[0]?.phase).toBe('queued');
    expect(connectionBanner(s)).toBe("Offline — we'll send your messages when you're back");
    expect(connectionBanner(run([{ type: 'connection', state: 'online' }], s))).toBe('');
  });

  it('drops what a resync shows was already stored (the ack was lost)', () => {
    const s = run([
      send,
      { type: 'sending', clientIds: ['k1'] },
      { type: 'session', session: session([msg(1, { from: 'customer', clientId: 'k1' })]) },
    ]);
    expect(s.outbox).toEqual([]);
  });

  it('marks a refused message failed with the reason, and retries on request', () => {
    let s = run([send, { type: 'sending', clientIds: ['k1'] }, { type: 'send-failed', clientId: 'k1', error: 'too long' }]);
    expect(timeline(s)).toMatchObject([{ pending: 'failed', error: 'too long' }]);
    s = run([{ type: 'retry', clientId: 'k1' }], s);
    expect(s.outbox[0]?.phase).toBe('queued');
  });
});

describe('earlier messages (session cap, history)', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => msg(from + i));

  it('offers earlier messages when the session says so, prepends a history page, and stops at the first', () => {
    let s = run([{ type: 'session', session: session(range(101, 200), { earlier: true }) }]);
    expect(s.earlier).toBe(true);
    s = reduce(s, { type: 'earlier', messages: range(1, 100), earlier: false });
    expect(seqs(s)).toEqual(range(1, 200).map((m) => m.seq));
    expect(s.earlier).toBe(false);
  });

  it('keeps pages already loaded across a reconnect: the session flag does not bring the button back', () => {
    let s = run([{ type: 'session', session: session(range(101, 200), { earlier: true }) }]);
    s = reduce(s, { type: 'earlier', messages: range(1, 100), earlier: false });
    s = reduce(s, { type: 'session', session: session(range(102, 201), { earlier: true }) });
    expect(s.earlier).toBe(false);
    expect(s.messages).toHaveLength(201);
  });
});

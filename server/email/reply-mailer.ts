/**
 * Emails agent replies a shopper did not see (SPEC §11), the I/O around `unseenReplies` and
 * `composeReplyEmail`: a sweep every few seconds finds conversations with a contact address and
 * new agent replies, asks the presence tracker whether a widget is (or was) there, sends one
 * email per batch through nodemailer, and records how far it got so nothing is sent twice.
 * Without SMTP_URL it is never created: the console says email is off.
 *
 * @example
 *   const mailer = createReplyMailer({ store, clock, logger, transport, from, link, delayMs: 120_000, presence });
 *   mailer.start(5_000); … await mailer.sweep(); … mailer.close();
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { composeReplyEmail, CONTEXT_MESSAGES } from './reply-email.js';
import { unseenReplies } from './unseen-replies.js';

/** What the mailer needs of nodemailer's transporter (tests may pass their own). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** Whether a shopper's widget is connected, and when one last was (it then saw every reply). */
export interface Presence {
  connected(conversationId: string): Promise<boolean>;
  lastSeenAt(conversationId: string): string | undefined;
}

export interface ReplyMailerDeps {
  store: Store;
  clock: () => Date;
  logger: Logger;
  transport: MailTransport;
  from: string;
  /** The link back to the shop (PUBLIC_URL). */
  link: string;
  /** How long a reply may stay unseen before it is emailed. */
  delayMs: number;
  presence: Presence;
}

export function createReplyMailer(deps: ReplyMailerDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** One pass over the conversations with a contact; resolves with the number of emails sent. */
  async function sweepOnce(): Promise<number> {
    const candidates = (await deps.store.listConversations({ status: ['assigned', 'resolved', 'queued'] })).filter((conversation) => conversation.contactEmail);
    let sent = 0;
    for (const conversation of candidates) {
      const messages = await deps.store.listMessages(conversation.id, conversation.emailedSeq ?? 0);
      if (!messages.some((message) => message.from === 'agent')) continue;
      const next = unseenReplies({
        messages,
        emailedSeq: conversation.emailedSeq ?? 0,
        connected: await deps.presence.connected(conversation.id),
        lastPresenceAt: deps.presence.lastSeenAt(conversation.id),
        now: deps.clock(),
        delayMs: deps.delayMs,
      });
      if (!next) continue;
      if (next.batch.length > 0) {
        const recent = (await deps.store.listMessages(conversation.id)).slice(-CONTEXT_MESSAGES);
        const email = composeReplyEmail({ from: deps.from, to: conversation.contactEmail!, name: conversation.contactName, batch: next.batch, recent, link: deps.link, language: conversation.language });
        try {
          await deps.transport.sendMail(email);
          sent += 1;
        } catch (error) {
          // Keep the batch pending: the next sweep tries again.
          deps.logger.warn({ err: error, conversationId: conversation.id }, 'could not send the reply email');
          continue;
        }
        deps.logger.info({ conversationId: conversation.id, replies: next.batch.length }, 'emailed unseen agent replies');
      }
      await deps.store.updateConversation(conversation.id, { emailedSeq: next.upToSeq });
    }
    return sent;
  }

  /** Runs a sweep, or joins the one already running (the timer and a test may both ask). */
  function sweep(): Promise<number> {
    running ??= sweepOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function start(intervalMs: number): void {
    timer = setInterval(() => {
      sweep().catch((error: unknown) => deps.logger.error({ err: error }, 'reply email sweep failed'));
    }, intervalMs);
    timer.unref();
  }

  function close(): void {
    if (timer) clearInterval(timer);
    deps.transport.close?.();
  }

  return { sweep, start, close };
}

export type ReplyMailer = ReturnType<typeof createReplyMailer>;

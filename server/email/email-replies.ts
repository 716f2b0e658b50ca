/**
 * Wires reply emails into the app (SPEC §11): with `config.email` (SMTP_URL and MAIL_FROM) it
 * builds a nodemailer transport and the mailer, tracks when each shopper's widget was last
 * connected, and sweeps every few seconds; without it nothing is sent and `enabled` is false,
 * which the console shows. Only this file knows nodemailer.
 *
 * @example const email = createEmailReplies({ config, store, clock, logger, customers: io.of('/customer') });
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Namespace } from 'socket.io';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import { createReplyMailer, type MailTransport } from './reply-mailer.js';

export interface EmailReplies {
  /** False without SMTP_URL: nothing is emailed (the console says so). */
  enabled: boolean;
  /** One sweep now (tests); resolves with the number of emails sent. */
  sweep(): Promise<number>;
  close(): void;
}

export interface EmailRepliesDeps {
  config: Pick<Config, 'email' | 'publicUrl'>;
  store: Store;
  clock: () => Date;
  logger: Logger;
  /** The `/customer` namespace, whose rooms tell whether a shopper's widget is connected. */
  customers: Namespace;
  room: (conversationId: string) => string;
  /** Tests may pass their own transport; by default nodemailer on SMTP_URL. */
  transport?: MailTransport;
}

/**
 * The mailer's small port over nodemailer's SMTP transport: a plain adapter instead of a cast, so
 * a change in nodemailer's types shows up here at compile time.
 */
function smtpTransport(smtpUrl: string): MailTransport {
  const smtp = nodemailer.createTransport(smtpUrl);
  return {
    sendMail: (message) => smtp.sendMail(message),
    close: () => smtp.close(),
  };
}

/** Often enough that a reply goes out close to its two minutes, rarely enough to cost nothing. */
const SWEEP_EVERY_MS = 10_000;

export function createEmailReplies(deps: EmailRepliesDeps): EmailReplies {
  const settings = deps.config.email;
  if (!settings) return { enabled: false, sweep: async () => 0, close: () => {} };
  const lastSeen = new Map<string, string>();
  // A widget that disconnects has shown every reply until that moment.
  deps.customers.on('connection', (socket) => {
    socket.on('disconnect', () => {
      const conversationId = (socket.data as { conversationId?: string }).conversationId;
      if (conversationId) lastSeen.set(conversationId, deps.clock().toISOString());
    });
  });
  const transport = deps.transport ?? smtpTransport(settings.smtpUrl);
  const mailer = createReplyMailer({
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger.child({ component: 'reply-email' }),
    transport,
    from: settings.from,
    link: `${deps.config.publicUrl ?? ''}/`,
    delayMs: settings.unseenSeconds * 1000,
    presence: {
      // fetchSockets asks every node when the Redis adapter is in use.
      connected: async (conversationId) => (await deps.customers.in(deps.room(conversationId)).fetchSockets()).length > 0,
      lastSeenAt: (conversationId) => lastSeen.get(conversationId),
    },
  });
  mailer.start(Math.min(SWEEP_EVERY_MS, settings.unseenSeconds * 1000));
  return { enabled: true, sweep: mailer.sweep, close: mailer.close };
}

/**
 * Owns intent edits across nodes: a save through the API on one node is stored as a version in
 * the shared database (intent tuning does that) and announced on a Redis channel; every other
 * node reads that version from the database, writes it into its own `INTENTS_DIR` (temp file +
 * rename, as a save does) and reloads, so the edit serves everywhere within a Redis round trip.
 * The announcement carries only the version id: the text itself comes from the database.
 *
 * Redis may be down when the edit is saved (the announcement is then lost), or a node may miss it
 * while its subscriber reconnects: so every node also polls the database each `pollMs` (1 s) for
 * versions newer than the newest it has seen, and applies those the same way. The edit reaches
 * every node within 2 s with or without Redis. Versions saved before this node started are left
 * alone (its own `INTENTS_DIR` is what it starts from). A hand edit of a file under `INTENTS_DIR`
 * stays on that node.
 *
 * @example
 *   const sync = await startIntentSync({ redis, prefix, nodeId, store, dir, intents, logger });
 *   createApp({ …, onIntentSaved: sync.announce });
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { IntentVersionRecord, OpsStore } from '../store/store.js';
import type { RedisConnection } from './redis-connection.js';

const Announcement = z.object({ node: z.string(), intent: z.string(), versionId: z.string() });

export interface IntentSyncOptions {
  redis: RedisConnection;
  prefix: string;
  nodeId: string;
  store: Pick<OpsStore, 'getIntentVersion' | 'newestIntentVersionsSince'>;
  dir: string;
  intents: { reload(): boolean };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often the database is polled for versions an announcement did not bring (default 1000 ms). */
  pollMs?: number;
}

export interface IntentSync {
  /** Tells the other nodes that `versionId` of `intent` is now current. */
  announce(intent: string, versionId: string): void;
  close(): Promise<void>;
}

/** The file an intent lives in: an existing `.yml` keeps its name, else `<name>.yaml`. */
function intentFile(dir: string, intent: string): string {
  const yml = join(dir, `${intent}.yml`);
  return existsSync(yml) ? yml : join(dir, `${intent}.yaml`);
}

export async function startIntentSync(options: IntentSyncOptions): Promise<IntentSync> {
  const { redis, nodeId, logger, store } = options;
  const channel = `${options.prefix}:intent-saved`;
  // The newest version number applied or found already in place; the poll asks for newer ones.
  let seen = Math.max(0, ...(await store.newestIntentVersionsSince(0)).map((version) => version.version));

  /** Writes `version` into this node's INTENTS_DIR and reloads, unless the file already holds it. */
  function applyVersion(version: IntentVersionRecord): void {
    seen = Math.max(seen, version.version);
    if (!/^[a-z_]+$/.test(version.intent)) return;
    const file = intentFile(options.dir, version.intent);
    if (existsSync(file) && readFileSync(file, 'utf8') === version.yaml) return;
    const temp = join(options.dir, `.${randomUUID()}.tmp`);
    writeFileSync(temp, version.yaml, 'utf8');
    renameSync(temp, file);
    if (options.intents.reload()) logger.info({ intent: version.intent, versionId: version.id }, 'intent edit from another node applied');
    else logger.error({ intent: version.intent, versionId: version.id }, 'an intent edit from another node did not load here');
  }

  async function onAnnouncement(raw: string): Promise<void> {
    const parsed = Announcement.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.node === nodeId) return;
    const version = await store.getIntentVersion(parsed.data.versionId);
    // An announcement older than what the poll already applied must not roll the file back.
    if (version && version.intent === parsed.data.intent && version.version > seen) applyVersion(version);
  }

  const listener = (message: string) => {
    onAnnouncement(message).catch((error: unknown) => logger.error({ err: error }, 'could not apply an intent edit from another node'));
  };
  await redis.subscriber.subscribe(channel, listener);

  let polling = false;
  let pollFailing = false;
  const poll = setInterval(() => {
    if (polling) return; // a slow database: never pile polls up
    polling = true;
    store
      .newestIntentVersionsSince(seen)
      .then((versions) => {
        pollFailing = false;
        for (const version of versions) applyVersion(version);
      })
      .catch((error: unknown) => {
        if (!pollFailing) logger.warn({ err: error }, 'could not poll intent edits; retrying every second');
        pollFailing = true;
      })
      .finally(() => (polling = false));
  }, options.pollMs ?? 1_000);
  poll.unref();

  return {
    announce(intent, versionId) {
      const message = JSON.stringify({ node: nodeId, intent, versionId });
      redis.command.publish(channel, message).catch((error: unknown) => logger.warn({ err: error, intent }, 'could not announce an intent edit; other nodes pick it up from the database within 2 s'));
    },
    async close() {
      clearInterval(poll);
      await redis.subscriber.unsubscribe(channel, listener).catch(() => undefined);
    },
  };
}

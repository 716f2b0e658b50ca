/**
 * Owns intent edits across nodes: a save through the API on one node is stored as a version in
 * the shared database (intent tuning does that) and announced on a Redis channel; every other
 * node reads that version from the database, writes it into its own `INTENTS_DIR` (temp file +
 * rename, as a save does) and reloads, so the edit serves everywhere within a Redis round trip.
 * The announcement carries only the version id: the text itself comes from the database.
 * A hand edit of a file under `INTENTS_DIR` stays on that node.
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
import type { IntentVersionRecord } from '../store/store.js';
import type { RedisConnection } from './redis-connection.js';

const Announcement = z.object({ node: z.string(), intent: z.string(), versionId: z.string() });

export interface IntentSyncOptions {
  redis: RedisConnection;
  prefix: string;
  nodeId: string;
  store: { getIntentVersion(id: string): Promise<IntentVersionRecord | undefined> };
  dir: string;
  intents: { reload(): boolean };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
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
  const { redis, nodeId, logger } = options;
  const channel = `${options.prefix}:intent-saved`;

  async function apply(raw: string): Promise<void> {
    const parsed = Announcement.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.node === nodeId) return;
    const version = await options.store.getIntentVersion(parsed.data.versionId);
    if (!version || version.intent !== parsed.data.intent || !/^[a-z_]+$/.test(version.intent)) return;
    const file = intentFile(options.dir, version.intent);
    if (existsSync(file) && readFileSync(file, 'utf8') === version.yaml) return;
    const temp = join(options.dir, `.${randomUUID()}.tmp`);
    writeFileSync(temp, version.yaml, 'utf8');
    renameSync(temp, file);
    if (options.intents.reload()) logger.info({ intent: version.intent, versionId: version.id }, 'intent edit from another node applied');
    else logger.error({ intent: version.intent, versionId: version.id }, 'an intent edit from another node did not load here');
  }

  const listener = (message: string) => {
    apply(message).catch((error: unknown) => logger.error({ err: error }, 'could not apply an intent edit from another node'));
  };
  await redis.subscriber.subscribe(channel, listener);
  return {
    announce(intent, versionId) {
      const message = JSON.stringify({ node: nodeId, intent, versionId });
      redis.command.publish(channel, message).catch((error: unknown) => logger.warn({ err: error, intent }, 'could not announce an intent edit; other nodes keep the previous version'));
    },
    async close() {
      await redis.subscriber.unsubscribe(channel, listener).catch(() => undefined);
    },
  };
}

/**
 * Wires the ops side of one app instance: Prometheus metrics, the desk events recorder (hand-overs,
 * first responses, resolutions, ratings), follow-up reminders, the idle sweep that settles bot
 * conversations, reports, intent tuning, and their REST routers. `createApp` calls it once and
 * passes `store` (which counts every stored message) and `events` to the conversation services.
 *
 * @example
 *   const ops = createOps({ config, logger, store: rawStore, intents, clock });
 *   createHttpApp({ ..., routers: [...ops.routers] }); // later: ops.close()
 */
import type { Logger } from 'pino';
import type { AuthService } from './auth/auth-service.js';
import type { Config } from './config.js';
import type { DeskEvents } from './conversations/desk-events.js';
import { createFollowUps } from './followups/follow-ups.js';
import type { IntentSource } from './intents/intent-source.js';
import { createIntentTuning } from './intents/intent-tuning.js';
import { createBotSettler } from './metrics/bot-settler.js';
import { countStoredMessages, createDeskRecorder } from './metrics/desk-recorder.js';
import { createMetrics, type Metrics } from './metrics/metrics.js';
import { createReports } from './reports/reports.js';
import type { Store } from './store/store.js';
import { createIntentRouter } from './transport/intent-routes.js';
import { createReportRouter } from './transport/report-routes.js';

export type LiveIntents = Pick<IntentSource, 'current' | 'sources' | 'lastErrors' | 'reload' | 'onReload' | 'onReject'>;

export interface OpsDeps {
  config: Pick<Config, 'intentsDir' | 'followUpDelayHours' | 'botIdleMinutes'>;
  logger: Logger;
  store: Store;
  intents: LiveIntents;
  clock: () => Date;
  /** A console intent save is live on this node (several nodes announce it to the others). */
  onIntentSaved?: (intent: string, versionId: string) => void;
  /** The process's own metrics on `/metrics` too (`MetricsDeps.runtime`). */
  runtimeMetrics?: boolean;
}

export function createOps(deps: OpsDeps) {
  const { config, logger, clock } = deps;
  const metrics: Metrics = createMetrics({
    queueLength: async () => (await deps.store.listConversations({ status: ['queued'] })).length,
    runtime: deps.runtimeMetrics,
  });
  // Every message is stored through this one wrapper, so every one is counted.
  const store = countStoredMessages(deps.store, metrics);
  deps.intents.onReload(() => metrics.intentReloads.inc({ result: 'ok' }));
  deps.intents.onReject(() => metrics.intentReloads.inc({ result: 'rejected' }));
  const followUps = createFollowUps({ store, clock, delayHours: config.followUpDelayHours });
  const events: DeskEvents = createDeskRecorder({ store, metrics, followUps, logger });
  const settler = createBotSettler({ store, clock, idleMinutes: config.botIdleMinutes, onSolved: () => metrics.solvedByBot.inc(), logger });
  const reports = createReports({ store, intents: deps.intents });
  const tuning = createIntentTuning({ dir: config.intentsDir, intents: deps.intents, store, clock, logger, onSaved: deps.onIntentSaved });

  /** The REST routers; they need the auth service, which is built on the counting store. */
  const routers = (auth: Pick<AuthService, 'authenticate'>) => [
    createIntentRouter({ auth, tuning, dir: config.intentsDir, logger }),
    createReportRouter({ auth, reports, followUps, metrics, settle: settler.settle, clock, logger }),
  ];

  return { store, events, metrics, settle: settler.settle, routers, close: settler.close };
}

export type Ops = ReturnType<typeof createOps>;

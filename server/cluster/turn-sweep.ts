/**
 * Owns the take-over of bot turns across nodes (SPEC §8): every `intervalMs` a node runs the
 * pending turns older than `graceMs` that no node has finished, so a turn whose node died between
 * the ack and the reply is answered by another. The grace period leaves fresh turns to the node
 * that stored them (a node with a backlog has turns waiting in memory, unlocked: a short grace made
 * every node redo each other's backlog under load, measured with bench:load --nodes 2); the turn
 * locks keep one conversation on one node at a time, and the store's
 * `completeBotTurn` writes each reply exactly once, so a sweep racing the owner never answers twice.
 *
 * @example const sweep = startTurnSweep(service, logger); … sweep.stop();
 */
import type { Logger } from 'pino';

export function startTurnSweep(
  service: { resumeBotTurns(olderThan?: string): Promise<number> },
  logger: Pick<Logger, 'error'>,
  options: { intervalMs?: number; graceMs?: number } = {},
): { stop(): void } {
  const intervalMs = options.intervalMs ?? 2_000;
  const graceMs = options.graceMs ?? 10_000;
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow database: never pile sweeps up
    running = true;
    service
      .resumeBotTurns(new Date(Date.now() - graceMs).toISOString())
      .catch((error: unknown) => logger.error({ err: error }, 'could not sweep pending bot turns'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

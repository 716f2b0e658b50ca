/**
 * The release policy: an agent who stays away (every tab closed) past a grace period gives their
 * conversations back to the queue. One timer per agent; process memory only schedules, the
 * store's conditional update (`release`) decides, and `isAway` asks every node, so a tab still
 * open on another node keeps the conversations.
 *
 * @example
 *   const release = createAgentRelease({ graceMs: 60_000, isAway, release: desk.releaseAgent, logger });
 *   socket.on('disconnect', () => release.schedule(agent.id));
 */
import type { Logger } from 'pino';

export interface AgentReleaseDeps {
  graceMs: number;
  /** True when none of the agent's sockets is connected, on any node. */
  isAway(agentId: string): Promise<boolean>;
  /** Puts the agent's conversations back in the queue; resolves with how many. */
  release(agentId: string): Promise<number>;
  logger: Logger;
}

export interface AgentRelease {
  /** Releases now if the agent is away; resolves with how many conversations went back. */
  fire(agentId: string): Promise<number>;
  /** Starts the grace period (a disconnect); a second call while it runs changes nothing. */
  schedule(agentId: string): void;
  /** The agent came back. */
  cancel(agentId: string): void;
  /** Shutdown: no timer fires afterwards. */
  clear(): void;
}

export function createAgentRelease(deps: AgentReleaseDeps): AgentRelease {
  const timers = new Map<string, NodeJS.Timeout>();
  async function fire(agentId: string): Promise<number> {
    timers.delete(agentId);
    return (await deps.isAway(agentId)) ? deps.release(agentId) : 0;
  }
  return {
    fire,
    schedule(agentId) {
      if (timers.has(agentId)) return;
      const timer = setTimeout(() => {
        fire(agentId).catch((error: unknown) => deps.logger.error({ err: error, agentId }, 'could not release conversations'));
      }, deps.graceMs);
      timer.unref();
      timers.set(agentId, timer);
    },
    cancel(agentId) {
      clearTimeout(timers.get(agentId));
      timers.delete(agentId);
    },
    clear() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

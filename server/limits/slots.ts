/**
 * A counting semaphore with a bounded wait list: at most `size` tasks run at once, at most
 * `maxWaiting` wait, and any more are refused with `rate_limited`. Password hashing runs through
 * it, so a flood of logins cannot take every CPU and make a real sign-in wait for seconds.
 *
 * @example const slots = createSlots(2, 64); const hash = await slots.run(() => hashPassword(p));
 */
import { AppError } from '../errors.js';

export interface Slots {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now (for tests and metrics). */
  readonly running: number;
  readonly waiting: number;
}

export const BUSY = 'The server is busy checking passwords; please try again in a moment';

export function createSlots(size: number, maxWaiting: number): Slots {
  let running = 0;
  const queue: Array<() => void> = [];

  async function acquire(): Promise<void> {
    if (running < size) {
      running += 1;
      return;
    }
    if (queue.length >= maxWaiting) throw new AppError('rate_limited', BUSY);
    // The slot is handed over directly by release(), so `running` stays counted.
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  function release(): void {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}

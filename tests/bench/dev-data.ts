/**
 * Where the public dev set lives: `shared/data/dev` beside the project, or beside one of its
 * ancestors (a git worktree such as /work/wt/speed finds /work/shared/data/dev).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest `<ancestor>/../shared/data/dev` of `root` that exists, or undefined. */
export function findDevDir(root: string): string | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'data', 'dev');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

#!/usr/bin/env -S node --concurrent-marking-max-worker-num=1
// The flag: V8 marks the old generation on up to 7 helper threads beside the event loop. On a
// 2-core machine they crowd the loop off its core: in a stall we traced (1,000 widgets @ 500 msg/s)
// the process's other threads ran 71 ms in 50 ms as a major GC ended, while the loop waited for a
// CPU. One helper marks more slowly, still off the loop (README, "Load benchmark"). `npm start`
// passes the same flag.
// The `relaydesk` command: runs server/cli.ts through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

#!/usr/bin/env -S node --concurrent-marking-max-worker-num=1
// The `relaydesk` command: runs server/cli.ts through tsx's loader, so there is no build step.
// The flag leaves the event loop its core on a 2-core machine: V8's old-generation marking uses
// one helper thread instead of up to 7 (README, "Load benchmark"). `npm start` passes it too.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

#!/usr/bin/env -S node --concurrent-marking-max-worker-num=1 --max-semi-space-size=32
// The `relaydesk` command: runs server/cli.ts through tsx's loader, so there is no build step.
// The flags (README, "Start-up and node flags"), which `npm start` passes too: V8's old-generation marking
// uses one helper thread instead of up to 7, leaving the event loop its core on a 2-core machine;
// the young generation may grow to 32 MB a half instead of 16, so it is scavenged half as often.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

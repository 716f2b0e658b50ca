#!/usr/bin/env -S node --concurrent-marking-max-worker-num=1 --max-semi-space-size=16
// The `relaydesk` command: runs server/cli.ts through tsx's loader, so there is no build step.
// The flags (README, "Start-up and node flags"), which `npm start` passes too: V8's old-generation marking
// uses one helper thread instead of up to 7, leaving the event loop its core on a 2-core machine;
// the young generation is held at 16 MB a half whatever the machine's memory (scavenges short enough
// to keep the reply p99 near the floor's; docs/write-path-measurements.md, "Node flags").
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

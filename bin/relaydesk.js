#!/usr/bin/env node
// The `relaydesk` command: runs server/cli.ts through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');

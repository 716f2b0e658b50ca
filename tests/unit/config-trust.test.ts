// Unit tests of the trust variables: TRUST_PROXY, IDENTITY_SECRET, the LIMIT_* table and the
// token and retention periods; each default is pinned here and named in the README table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_DOCS, loadConfig } from '../../server/config.js';
import { DEFAULT_LIMITS } from '../../server/limits/limiters.js';

describe('trust configuration', () => {
  it('defaults: proxy headers ignored, no identity secret, the documented limits and periods', () => {
    const config = loadConfig({});
    expect(config.trustProxy).toBe(false);
    expect(config.identitySecret).toBeUndefined();
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config).toMatchObject({ agentIdleMinutes: 240, shopperTokenDays: 30, retentionDays: 365 });
  });

  it('reads TRUST_PROXY as express does: booleans, hop counts, address and name lists', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => loadConfig({ TRUST_PROXY: 'not-an-address' })).toThrow(/^TRUST_PROXY: expected true, false, a hop count/);
  });

  it('refuses a short IDENTITY_SECRET without echoing it', () => {
    expect(() => loadConfig({ IDENTITY_SECRET: 'short-secret' })).toThrow(/^IDENTITY_SECRET: expected at least 32 characters.*hidden value/);
    expect(loadConfig({ IDENTITY_SECRET: 'x'.repeat(32) }).identitySecret).toBe('x'.repeat(32));
  });

  it('makes every limit configurable and refuses zero', () => {
    const config = loadConfig({ LIMIT_CONVERSATIONS_PER_IP: '5', LIMIT_SOCKETS_PER_IP: '3', LIMIT_HASH_CONCURRENCY: '1' });
    expect(config.limits).toMatchObject({ conversationsPerIpPerHour: 5, socketsPerIp: 3, hashConcurrency: 1 });
    expect(() => loadConfig({ LIMIT_MESSAGES_PER_CONVERSATION: '0' })).toThrow(/^LIMIT_MESSAGES_PER_CONVERSATION: /);
  });

  it('lists each trust variable with its default in the README configuration table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const names = ['IDENTITY_SECRET', 'TRUST_PROXY', 'AGENT_IDLE_MINUTES', 'SHOPPER_TOKEN_DAYS', 'RETENTION_DAYS'];
    const docs = CONFIG_DOCS.filter((doc) => names.includes(doc.name) || doc.name.startsWith('LIMIT_'));
    expect(docs.length).toBe(names.length + 7);
    for (const doc of docs) expect(readme, doc.name).toContain(`| \`${doc.name}\` | ${doc.default === undefined ? '(unset)' : `\`${doc.default}\``} |`);
  });
});

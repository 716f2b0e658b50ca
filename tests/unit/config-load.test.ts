// Unit tests of loadConfig's happy paths: defaults, parsed values, freezing and the docs table.
import { describe, expect, it } from 'vitest';
import { CONFIG_DOCS, loadConfig } from '../../server/config.js';

describe('loadConfig defaults', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    // toMatchObject: each later variable pins its own default in its own test file.
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      databasePoolSize: 20,
      redisUrl: undefined,
      redisKeyPrefix: 'relaydesk',
      allowedOrigins: '*',
      admin: undefined,
      logLevel: 'info',
      intentsDir: './intents',
      orderApiUrl: undefined,
      orderApiTimeoutMs: 3000,
      businessHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00', timeZone: 'Europe/Berlin' },
      followUpDelayHours: 48,
      botIdleMinutes: 30,
      publicUrl: undefined,
    });
  });

  it('treats a blank value as unset', () => {
    expect(loadConfig({ PORT: '  ', LOG_LEVEL: '' })).toMatchObject({ port: 3000, logLevel: 'info' });
  });

  it('ignores variables it does not know', () => {
    expect(loadConfig({ HOME: '/root', PATH: '/bin' }).port).toBe(3000);
  });
});

describe('loadConfig values', () => {
  it('parses every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/relaydesk',
      DATABASE_URL: 'postgresql://relay:secret@db:5432/relaydesk',
      DATABASE_POOL_SIZE: '8',
      REDIS_URL: 'redis://cache:6379',
      REDIS_KEY_PREFIX: 'shop-eu',
      ALLOWED_ORIGINS: 'https://shop.example.com/, http://localhost:8080',
      ADMIN_EMAIL: 'ops@example.com',
      ADMIN_PASSWORD: 'correct horse',
      LOG_LEVEL: 'debug',
      INTENTS_DIR: '/etc/relaydesk/intents',
      ORDER_API_URL: 'https://api.shop.example.com/orders',
      ORDER_API_TIMEOUT_MS: '1500',
      BUSINESS_HOURS: 'Sat-Mon 10:00-16:30 Asia/Shanghai',
      FOLLOW_UP_DELAY_HOURS: '24',
      BOT_IDLE_MINUTES: '15',
      PUBLIC_URL: 'https://chat.example.com/',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/var/lib/relaydesk',
      databaseUrl: 'postgresql://relay:secret@db:5432/relaydesk',
      databasePoolSize: 8,
      redisUrl: 'redis://cache:6379',
      redisKeyPrefix: 'shop-eu',
      allowedOrigins: ['https://shop.example.com', 'http://localhost:8080'],
      admin: { email: 'ops@example.com', password: 'correct horse' },
      logLevel: 'debug',
      intentsDir: '/etc/relaydesk/intents',
      orderApiUrl: 'https://api.shop.example.com/orders',
      orderApiTimeoutMs: 1500,
      businessHours: { days: [0, 1, 6], open: '10:00', close: '16:30', timeZone: 'Asia/Shanghai' },
      followUpDelayHours: 24,
      botIdleMinutes: 15,
      publicUrl: 'https://chat.example.com',
    });
  });

  it('reads day lists and a closing time of 24:00', () => {
    expect(loadConfig({ BUSINESS_HOURS: 'mon,wed,Fri 00:00-24:00 UTC' }).businessHours).toEqual({
      days: [1, 3, 5],
      open: '00:00',
      close: '24:00',
      timeZone: 'UTC',
    });
  });

  it('returns a deeply frozen object', () => {
    const config = loadConfig({ ALLOWED_ORIGINS: 'https://a.example', ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'violet lantern harbor' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.businessHours)).toBe(true);
    expect(Object.isFrozen(config.businessHours.days)).toBe(true);
    expect(Object.isFrozen(config.allowedOrigins)).toBe(true);
    expect(Object.isFrozen(config.admin)).toBe(true);
  });

  it('does not modify the environment it was given', () => {
    const env = { PORT: '8080' };
    loadConfig(env);
    expect(env).toEqual({ PORT: '8080' });
  });
});

describe('CONFIG_DOCS', () => {
  it('documents every variable once, with a description', () => {
    const names = CONFIG_DOCS.map((doc) => doc.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining([
      'PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_POOL_SIZE', 'REDIS_URL', 'REDIS_KEY_PREFIX', 'ALLOWED_ORIGINS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD',
      'LOG_LEVEL', 'INTENTS_DIR', 'ORDER_API_URL', 'ORDER_API_TIMEOUT_MS', 'BUSINESS_HOURS', 'FOLLOW_UP_DELAY_HOURS',
      'BOT_IDLE_MINUTES', 'PUBLIC_URL',
    ]));
    for (const doc of CONFIG_DOCS) expect(doc.description.length, doc.name).toBeGreaterThan(20);
  });

  it('lists defaults that loadConfig accepts and applies', () => {
    const documented = Object.fromEntries(CONFIG_DOCS.filter((doc) => doc.default !== undefined).map((doc) => [doc.name, doc.default]));
    expect(documented).toMatchObject({ PORT: '3000', DATA_DIR: './data', INTENTS_DIR: './intents', ALLOWED_ORIGINS: '*' });
    expect(loadConfig(documented)).toEqual(loadConfig({}));
  });
});

// Unit tests of loadConfig's failures: each bad variable gives one line that names it, and
// secrets are never echoed back.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

function failureOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

const BAD_VALUES: [variable: string, value: string, expected: RegExp][] = [
  ['PORT', 'abc', /^PORT: expected an integer from 0 to 65535, got "abc"$/],
  ['PORT', '65536', /^PORT: expected an integer from 0 to 65535, got "65536"$/],
  ['PORT', '-1', /^PORT: expected an integer/],
  ['PORT', '80.5', /^PORT: expected an integer/],
  ['HOST', 'my host', /^HOST: expected a value without spaces/],
  ['DATA_DIR', 'a\nb', /^DATA_DIR: expected a value without spaces, got "a\\nb"$/],
  ['DATABASE_URL', 'mysql://user:pw@db/relay', /^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL/],
  ['DATABASE_URL', 'not a url', /^DATABASE_URL: expected a postgres/],
  ['DATABASE_POOL_SIZE', '0', /^DATABASE_POOL_SIZE: expected an integer from 1 to 1000 \(connections\), got "0"$/],
  ['DATABASE_POOL_SIZE', 'lots', /^DATABASE_POOL_SIZE: expected an integer from 1 to 1000/],
  ['REDIS_URL', 'http://cache:6379', /^REDIS_URL: expected a redis:\/\/ or rediss:\/\/ URL/],
  ['ALLOWED_ORIGINS', 'https://shop.example.com/path', /^ALLOWED_ORIGINS: expected \* or a comma list of origins/],
  ['ALLOWED_ORIGINS', '*,https://shop.example.com', /^ALLOWED_ORIGINS: expected \* or a comma list/],
  ['ALLOWED_ORIGINS', 'ftp://shop.example.com', /^ALLOWED_ORIGINS: expected/],
  ['ALLOWED_ORIGINS', ',', /^ALLOWED_ORIGINS: expected \* or at least one origin/],
  ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/],
  ['INTENTS_DIR', 'my intents', /^INTENTS_DIR: expected a value without spaces/],
  ['ORDER_API_URL', 'shop.example.com/api', /^ORDER_API_URL: expected an http:\/\/ or https:\/\/ URL/],
  ['ORDER_API_TIMEOUT_MS', '0', /^ORDER_API_TIMEOUT_MS: expected an integer from 1 to 60000 \(milliseconds\), got "0"$/],
  ['ORDER_API_TIMEOUT_MS', '3s', /^ORDER_API_TIMEOUT_MS: expected an integer/],
  ['BUSINESS_HOURS', '9 to 5', /^BUSINESS_HOURS: expected days, hours and a time zone such as "Mon-Fri 09:00-18:00 Europe\/Berlin", got "9 to 5"$/],
  ['BUSINESS_HOURS', 'Mon-Fri 09:00-18:00 Mars/Olympus', /^BUSINESS_HOURS: unknown time zone "Mars\/Olympus"/],
  ['BUSINESS_HOURS', 'Mon-Fry 09:00-18:00 UTC', /^BUSINESS_HOURS: .*days are Sun Mon Tue/],
  ['BUSINESS_HOURS', 'Mon-Fri 18:00-09:00 UTC', /^BUSINESS_HOURS: .*the opening time must be before the closing time/],
  ['BUSINESS_HOURS', 'Mon-Fri 09:00-25:00 UTC', /^BUSINESS_HOURS: .*times are HH:MM/],
  ['FOLLOW_UP_DELAY_HOURS', '2d', /^FOLLOW_UP_DELAY_HOURS: expected an integer from 0 to 720 \(hours\), got "2d"$/],
  ['FOLLOW_UP_DELAY_HOURS', '721', /^FOLLOW_UP_DELAY_HOURS: expected an integer from 0 to 720/],
  ['BOT_IDLE_MINUTES', '0', /^BOT_IDLE_MINUTES: expected an integer from 1 to 1440 \(minutes\), got "0"$/],
  ['PUBLIC_URL', 'chat.example.com', /^PUBLIC_URL: expected an http\(s\) URL/],
];

describe('loadConfig errors', () => {
  it('has a table of bad values', () => {
    expect(BAD_VALUES.length).toBeGreaterThan(20);
  });

  it.each(BAD_VALUES)('%s=%j fails with one line naming the variable', (variable, value, expected) => {
    const error = failureOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain('\n');
  });

  it('reports the first bad variable in documented order', () => {
    expect(failureOf({ LOG_LEVEL: 'loud', PORT: 'x' }).variable).toBe('PORT');
  });
});

describe('secrets in errors', () => {
  it('never echoes a database URL with credentials, only its scheme', () => {
    const error = failureOf({ DATABASE_URL: 'mysql://relay:hunter2@db/relay' });
    expect(error.message).toBe('DATABASE_URL: expected a postgres:// or postgresql:// URL, got "mysql://…" (the rest is hidden)');
  });

  it('never echoes a short admin password', () => {
    const error = failureOf({ ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'hunter2' });
    expect(error.message).toBe('ADMIN_PASSWORD: the password must be at least 10 characters, got a hidden value of 7 characters');
  });

  it('never echoes the admin email', () => {
    const error = failureOf({ ADMIN_EMAIL: 'ops-at-example', ADMIN_PASSWORD: 'long enough' });
    expect(error.variable).toBe('ADMIN_EMAIL');
    expect(error.message).not.toContain('ops-at-example');
  });
});

describe('ADMIN_EMAIL and ADMIN_PASSWORD', () => {
  it('accepts neither', () => {
    expect(loadConfig({}).admin).toBeUndefined();
  });

  it('accepts both', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'ops@example.com', ADMIN_PASSWORD: 'violet lantern harbor' }).admin).toEqual({
      email: 'ops@example.com',
      password: 'violet lantern harbor',
    });
  });

  it('rejects an email without a password, naming the password', () => {
    const error = failureOf({ ADMIN_EMAIL: 'ops@example.com' });
    expect(error.message).toBe('ADMIN_PASSWORD: is required when ADMIN_EMAIL or ADMIN_PASSWORD is set (set both or neither)');
  });

  it('rejects a password without an email, naming the email', () => {
    const error = failureOf({ ADMIN_PASSWORD: 'violet lantern harbor' });
    expect(error.variable).toBe('ADMIN_EMAIL');
    expect(error.message).toMatch(/^ADMIN_EMAIL: is required/);
    expect(error.message).not.toContain('12345678');
  });
});

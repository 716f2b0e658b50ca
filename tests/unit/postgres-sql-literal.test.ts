// The SQL literal the PostgreSQL group commit sends its JSON in must match pg's own escapeLiteral
// (quotes and backslashes doubled, E'…' when a backslash occurs) on every awkward input.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { sqlLiteral } from '../../server/store/postgres-group-commit.js';

const CASES = ['', 'plain', "it's", "''", '\\', 'a\\b', "\\'", '{"text":"say \\"hi\\"","n":1}', '\'; drop table messages; --', '👩‍👧 ünïcödé', '\\\\\'\'\\'];

describe('sqlLiteral', () => {
  it('has cases', () => expect(CASES.length).toBeGreaterThan(0));
  it.each(CASES)('writes %j as pg.escapeLiteral does', (text) => {
    expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text));
  });
});

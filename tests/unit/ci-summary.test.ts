// CI's summary line: under REQUIRE_ALL a skipped test, a file that never loaded or a hook that threw
// is a failure, so `N passed, N failed` cannot read green while tests did not run.
import { describe, expect, it } from 'vitest';
import { summarize, type VitestReport } from '../../.ci/summarize.ts';

/** Trimmed from a real vitest JSON report: one failing test two describes deep, one passing, a
 * skip, a todo, a describe whose beforeAll threw, and a file whose import failed. */
const mixedRun: VitestReport = {
  numTotalTests: 5, numPassedTests: 1, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1, numFailedTestSuites: 5,
  testResults: [
    {
      name: '/p/a.test.ts',
      status: 'failed',
      assertionResults: [
        { status: 'failed', ancestorTitles: ['outer', 'inner'] },
        { status: 'passed', ancestorTitles: ['outer', 'inner'] },
        { status: 'skipped', ancestorTitles: [] },
        { status: 'todo', ancestorTitles: [] },
        { status: 'skipped', ancestorTitles: ['hook'] },
      ],
    },
    { name: '/p/b.test.ts', status: 'failed', assertionResults: [] },
  ],
};
const cleanRun: VitestReport = {
  numTotalTests: 2, numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0,
  testResults: [{ name: '/p/c.test.ts', status: 'passed', assertionResults: [
    { status: 'passed', ancestorTitles: [] }, { status: 'passed', ancestorTitles: ['x'] },
  ] }],
};
const floors = { passed: 4, failed: 0 };

describe('CI summary', () => {
  it('counts the failed test, the broken file, the thrown hook, the skip and the todo under REQUIRE_ALL', () => {
    const summary = summarize(mixedRun, floors, { requireAll: true, testExitCode: 1 });
    expect([summary.passed, summary.failed]).toEqual([5, 6]);
  });

  it('does not count skips as failures without REQUIRE_ALL, but still counts suites that failed', () => {
    const summary = summarize(mixedRun, floors, { requireAll: false, testExitCode: 1 });
    expect([summary.passed, summary.failed]).toEqual([5, 3]);
  });

  it('reads a clean run as clean', () => {
    expect(summarize(cleanRun, floors, { requireAll: true, testExitCode: 0 })).toMatchObject({ passed: 6, failed: 0 });
  });

  it('counts a missing report, an empty run and an unexplained exit code as failures', () => {
    expect(summarize(undefined, undefined, { requireAll: true, testExitCode: 1 }).failed).toBe(2);
    const empty = { ...cleanRun, numTotalTests: 0, numPassedTests: 0, testResults: [] };
    expect(summarize(empty, floors, { requireAll: true, testExitCode: 0 }).failed).toBe(1);
    expect(summarize(cleanRun, floors, { requireAll: true, testExitCode: 1 }).failed).toBe(1);
  });
});

/**
 * CI's one summary line `N passed, N failed` from vitest's JSON report and the triage floors.
 * Under REQUIRE_ALL every test must run: a skipped or todo test, a test file that failed to load
 * or whose hooks threw (a failed suite with no failed test of its own), an empty run, or a
 * non-zero exit of `npm test` that the report does not explain, each counts as a failure.
 * Usage: `node --import tsx .ci/summarize.ts <vitest.json> <floors.json> <npm test exit code>`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The fields of vitest's JSON reporter this summary reads. */
export type VitestReport = {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: Array<{ name: string; status: string; assertionResults: Array<{ status: string; ancestorTitles: string[] }> }>;
};
export type FloorsReport = { passed: number; failed: number };
export type Summary = { passed: number; failed: number; reasons: string[] };

/**
 * Counts one test run honestly; `undefined` stands for a report that is missing or unreadable.
 * @example summarize(report, { passed: 4, failed: 0 }, { requireAll: true, testExitCode: 0 })
 */
export function summarize(
  tests: VitestReport | undefined,
  floors: FloorsReport | undefined,
  options: { requireAll: boolean; testExitCode: number },
): Summary {
  let passed = 0;
  let failed = 0;
  const reasons: string[] = [];
  const fail = (count: number, reason: string) => {
    if (count > 0) { failed += count; reasons.push(reason); }
  };
  if (tests === undefined) {
    fail(1, 'the vitest report is missing or unreadable');
  } else {
    passed += tests.numPassedTests;
    fail(tests.numFailedTests, `${tests.numFailedTests} failed test(s)`);
    fail(tests.numTotalTests === 0 ? 1 : 0, 'no tests ran');
    const brokenFiles = tests.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
    );
    fail(brokenFiles.length, `test file(s) failed outside any test: ${brokenFiles.map((f) => f.name).join(', ')}`);
    // numFailedTestSuites also counts every describe block above a failed test; only suites the
    // failed tests and broken files above do not explain are added.
    const explained = countExplainedSuites(tests) + brokenFiles.length;
    fail(Math.max(0, tests.numFailedTestSuites - explained), 'failed suite(s) (a hook threw)');
    if (options.requireAll) {
      fail(tests.numPendingTests, `${tests.numPendingTests} skipped test(s) (REQUIRE_ALL)`);
      fail(tests.numTodoTests, `${tests.numTodoTests} todo test(s) (REQUIRE_ALL)`);
    }
  }
  if (floors === undefined) {
    fail(1, 'the triage floors report is missing or unreadable');
  } else {
    passed += floors.passed;
    fail(floors.failed, `${floors.failed} triage floor(s) missed`);
  }
  fail(options.testExitCode !== 0 && failed === 0 ? 1 : 0, `npm test exited with ${options.testExitCode}`);
  return { passed, failed, reasons };
}

/** Files and describe blocks that hold a failed test: vitest marks each of them a failed suite. */
function countExplainedSuites(tests: VitestReport): number {
  const suites = new Set<string>();
  for (const file of tests.testResults) {
    for (const test of file.assertionResults) {
      if (test.status !== 'failed') continue;
      suites.add(file.name);
      test.ancestorTitles.forEach((_, depth) => suites.add(`${file.name}\u0000${test.ancestorTitles.slice(0, depth + 1).join('\u0000')}`));
    }
  }
  return suites.size;
}

function readJson<T>(path: string | undefined): T | undefined {
  try {
    return JSON.parse(readFileSync(path ?? '', 'utf8')) as T;
  } catch {
    return undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [testsPath, floorsPath, exitCode] = process.argv.slice(2);
  const summary = summarize(readJson<VitestReport>(testsPath), readJson<FloorsReport>(floorsPath), {
    requireAll: process.env.REQUIRE_ALL === '1',
    testExitCode: Number(exitCode ?? 1),
  });
  for (const reason of summary.reasons) console.log(`counted as failed: ${reason}`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
}

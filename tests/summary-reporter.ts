/**
 * Prints one closing line, "N passed, N failed" (", N skipped"), after the
 * default reporter's output, so a CI log states plainly what ran.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  readonly label: string;

  constructor(label = 'unit') {
    this.label = label;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    console.log(`\n${this.label}: ${counts.passed} passed, ${counts.failed} failed${skipped}`);
  }
}

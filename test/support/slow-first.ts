import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (as measured on CI's fresh clone). Vitest orders a
 * fresh clone's files by size, which left a minute-long file running alone at the end of the
 * run; started first, the long ones overlap the many short ones. A file missing from the list
 * only runs in Vitest's own order.
 */
const slowest = [
  'test/platform/first-fund.browser.test.ts',
  'test/tenders/joint-tender-walk.browser.test.ts',
  'test/platform/faults.engines.test.ts',
  'test/platform/fuzz.engines.test.ts',
  'test/platform/demo.engines.test.ts',
  'test/platform/authorisation-matrix.engines.test.ts',
  'test/overview/example-pages.browser.test.ts',
  'test/overview/what-needs-me.engines.test.ts',
  'test/tenders/draft-journey.engines.test.ts',
  'test/platform/stack-checks.synth.test.ts',
];

const rank = (spec: TestSpecification) => {
  const at = slowest.findIndex((file) => spec.moduleId.endsWith(file));
  return at < 0 ? slowest.length : at;
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    return ordered
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

/**
 * The closing summary of a build: what the site holds and what it cost. Plain text, the same
 * on a terminal and in CI, so a maintainer can compare two builds' logs line by line.
 */
import type { BuildOutcome } from './steps.ts';

const MB = 1e6;

export function formatSummary(outcome: BuildOutcome, dist: string, zip: string): string {
  const { counts, tree } = outcome;
  const failed = counts.failed ? `, ${counts.failed} of them failed with an unexpected error` : '';
  const rejected = counts.rejected ? ` (${counts.rejected} seed${counts.rejected === 1 ? '' : 's'} rejected${failed}: see the errors above)` : '';
  const zipLine = outcome.zipBytes === undefined ? 'no offline zip step' : `${zip} ${(outcome.zipBytes / MB).toFixed(2)} MB`;
  return [
    `Build complete in ${outcome.seconds.toFixed(1)} s: ${dist}/ replaced as a whole.`,
    `  reports   ${counts.reports}${rejected}`,
    `  pages     ${tree.pages}`,
    `  figures   ${counts.figures}`,
    `  warnings  ${counts.warnings}`,
    `  output    ${tree.files} files, ${(tree.bytes / MB).toFixed(2)} MB; ${zipLine}`,
    `  steps     ${outcome.steps.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(' · ')}`,
  ].join('\n');
}

/**
 * Fixture folders `tests/fixtures/<case>/input.txt` → `expected.json`: the pipeline's model
 * (metadata, blocks, notes, warnings, every dropped span and the text accounting) for small
 * shaped inputs, one folder per convention of docs/un-document-anatomy.md. After a deliberate change,
 * `UPDATE=1 npm test` rewrites the expected files; review their diff before committing.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { root } from '../helpers.ts';

const dir = `${root}tests/fixtures`;
for (const name of readdirSync(dir).sort()) {
  test(`fixture ${name}`, () => {
    const input = readFileSync(`${dir}/${name}/input.txt`);
    const { report } = convertSeed('input.txt', input);
    const actual = {
      meta: report.meta,
      blocks: report.blocks,
      notes: report.notes,
      warnings: report.warnings,
      dropped: report.stats.dropped,
      droppedSpans: report.dropped,
      accounting: report.stats.accounting,
    };
    const expectedPath = `${dir}/${name}/expected.json`;
    if (process.env.UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}

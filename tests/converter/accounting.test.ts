/**
 * Text accounting (docs/un-document-anatomy.md §10): every non-whitespace character of an input
 * is kept in the model or listed as dropped with its line and reason, on every fixture, every
 * hostile input and the pinned seeds; and the check itself notices a line that went nowhere.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { keep, newLedger, drop, unaccounted, weight } from '../../scripts/converter/ledger.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { root, seed, seedFiles } from '../helpers.ts';

function assertAccounted(name: string, bytes: Uint8Array) {
  const { report } = convertSeed(name, bytes);
  const a = report.stats.accounting!;
  assert.equal(a.input, a.kept + a.dropped, `${name}: input ${a.input} ≠ kept ${a.kept} + dropped ${a.dropped}`);
  assert.deepEqual(
    report.warnings.filter((w) => w.code === 'text-unaccounted'),
    [],
    name,
  );
  assert.equal(
    a.dropped,
    report.dropped.reduce((n, d) => n + weight(d.text), 0),
  );
  for (const d of report.dropped) assert.ok(d.line >= 1 && d.reason && d.text.trim(), `${name}: drop ${JSON.stringify(d)}`);
}

describe('every character is kept or listed as dropped', () => {
  const fixtures = `${root}tests/fixtures`;
  for (const name of readdirSync(fixtures).sort()) {
    test(`fixture ${name}`, () => assertAccounted(name, readFileSync(`${fixtures}/${name}/input.txt`)));
  }
  const hostile = `${root}tests/hostile`;
  for (const name of readdirSync(hostile)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    test(`hostile ${name}`, (t) => {
      try {
        assertAccounted(name, readFileSync(`${hostile}/${name}`));
      } catch (e) {
        // Inputs the converter rejects (empty, binary) have nothing to account for.
        if ((e as Error).name === 'SeedError') return t.diagnostic(`rejected: ${(e as Error).message}`);
        throw e;
      }
    });
  }
  for (const file of seedFiles) {
    test(`seed ${file}`, () => {
      const { report } = seed(file.slice(0, 3));
      const a = report.stats.accounting!;
      assert.equal(a.input, a.kept + a.dropped);
      assert.deepEqual(
        report.warnings.filter((w) => w.code === 'text-unaccounted'),
        [],
      );
    });
  }
});

describe('the accounting check', () => {
  test('a line whose text went nowhere is reported with how much is missing', () => {
    const ledger = newLedger();
    keep(ledger, 1, '第一行');
    drop(ledger, 3, 'GE.23-04417', 'job-number');
    assert.deepEqual(unaccounted(ledger, ['第一行', '第二行文字', 'GE.23-04417']), [{ line: 2, missing: 5 }]);
  });
  test('text kept twice is reported too', () => {
    const ledger = newLedger();
    keep(ledger, 1, '标题');
    keep(ledger, 1, '标题');
    assert.deepEqual(unaccounted(ledger, ['标题']), [{ line: 1, missing: -2 }]);
  });
});

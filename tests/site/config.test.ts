import { test } from 'node:test';
import assert from 'node:assert/strict';

const { default: config } = await import('../../astro.config.mjs');

test('markdown keeps GFM and never rewrites punctuation (smartypants off)', () => {
  const processor = config.markdown?.processor as { name: string; options: { gfm?: boolean; smartypants?: unknown } };
  assert.equal(processor.name, 'unified');
  assert.equal(processor.options.gfm, true);
  assert.equal(processor.options.smartypants, false);
});

test('pages are built as explicit .html files with inlined styles', () => {
  assert.equal(config.build?.format, 'file');
  assert.equal(config.build?.inlineStylesheets, 'always');
});

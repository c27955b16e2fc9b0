import { test } from 'node:test';
import assert from 'node:assert/strict';

const { default: config } = await import('../../astro.config.mjs');

test('markdown keeps GFM and never rewrites punctuation (Sätteri, smart punctuation off)', () => {
  const processor = config.markdown?.processor as { name: string; options: { features: { gfm?: boolean; smartPunctuation?: unknown } } };
  assert.equal(processor.name, 'satteri');
  assert.equal(processor.options.features.gfm, true);
  assert.equal(processor.options.features.smartPunctuation, false);
});

test('pages are built as explicit .html files with inlined styles', () => {
  assert.equal(config.build?.format, 'file');
  assert.equal(config.build?.inlineStylesheets, 'always');
});

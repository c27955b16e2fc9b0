import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docPath, pagePath, relativeUrl, symbolSlug } from '../../src/lib/urls.ts';

test('links from the home page go down into folders', () => {
  assert.equal(relativeUrl('index.html', 'reports/a-74-36.html'), 'reports/a-74-36.html');
  assert.equal(relativeUrl('index.html', 'about.html'), 'about.html');
});

test('links from a report page climb one level', () => {
  assert.equal(relativeUrl('reports/a-74-36.html', 'index.html'), '../index.html');
  assert.equal(relativeUrl('reports/a-74-36.html', 'docs/a-hrc-40-3.html'), '../docs/a-hrc-40-3.html');
});

test('links within one folder stay in it and keep the fragment', () => {
  assert.equal(relativeUrl('docs/x.html', 'docs/y.html#p-2'), 'y.html#p-2');
  assert.equal(relativeUrl('reports/a.html', 'reports/a.html#fn-1'), 'a.html#fn-1');
});

test('the page path ignores the base and the build format', () => {
  assert.equal(pagePath('/', '/'), 'index.html');
  assert.equal(pagePath('/un/', '/un'), 'index.html');
  assert.equal(pagePath('/un', '/un/'), 'index.html');
  assert.equal(pagePath('/un/reports/a-74-36', '/un/'), 'reports/a-74-36.html');
  assert.equal(pagePath('/reports/a-74-36.html', '/'), 'reports/a-74-36.html');
});

test('document symbols become lower-case file names', () => {
  assert.equal(symbolSlug('A/HRC/40/3'), 'a-hrc-40-3');
  assert.equal(symbolSlug('E/CN.4/2005/L.10/Add.17'), 'e-cn-4-2005-l-10-add-17');
  assert.equal(symbolSlug('S/RES/2467 (2019)'), 's-res-2467-2019');
  assert.equal(docPath('A/RES/48/141'), 'docs/a-res-48-141.html');
  assert.throws(() => symbolSlug('（）'));
});

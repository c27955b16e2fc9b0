import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docPath, pagePath, relativeUrl, symbolSlug } from '../../scripts/model/urls.ts';

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

test('every symbol family gets its own valid file name: dots, dashes and brackets become hyphens', () => {
  const families = {
    'CCPR/C/GBR/CO/8': 'ccpr-c-gbr-co-8',
    'CCPR/C/SR.3900': 'ccpr-c-sr-3900',
    'CAT/C/KAZ/Q/4/Add.1': 'cat-c-kaz-q-4-add-1',
    'CAT/C/SR.1951': 'cat-c-sr-1951',
    'CRC/C/KEN/6-7': 'crc-c-ken-6-7',
    'CEDAW/C/PER/9': 'cedaw-c-per-9',
    'E/C.12/GC/25': 'e-c-12-gc-25',
    'E/CN.6/2023/3': 'e-cn-6-2023-3',
    'A/HRC/40/3/Corr.1': 'a-hrc-40-3-corr-1',
    'A/HRC/DEC/18/117': 'a-hrc-dec-18-117',
    'A/DEC/73/546': 'a-dec-73-546',
    'A/HRC/RES/S-30/1': 'a-hrc-res-s-30-1',
    'S/2023/123': 's-2023-123',
    'S/RES/2250(2015)': 's-res-2250-2015',
    'A/RES/217(III)': 'a-res-217-iii',
  };
  for (const [symbol, slug] of Object.entries(families)) {
    assert.equal(symbolSlug(symbol), slug, symbol);
    assert.match(docPath(symbol), /^docs\/[a-z0-9]+(?:-[a-z0-9]+)*\.html$/);
  }
  assert.equal(new Set(Object.values(families)).size, Object.keys(families).length);
});

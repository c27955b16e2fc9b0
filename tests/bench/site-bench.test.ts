/** What the site bench's table says of the search index's cost. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { searchAfterAstro } from '../../scripts/bench/site-bench.ts';

describe('the site bench', () => {
  test('counts what search indexing adds to the wall time: how long after Astro the index was done, none when it was done first', () => {
    assert.equal(searchAfterAstro({ convert: 11, astro: 143.2, pagefind: 145.8, zip: 11.8 }), 2.6);
    assert.equal(searchAfterAstro({ astro: 19.4, pagefind: 13.9 }), 0);
    assert.equal(searchAfterAstro({ astro: 19.4 }), undefined, 'a build without a search step');
  });
});

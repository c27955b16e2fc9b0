/**
 * The search text rules for Node: loads `public/search/tokenize.js`, the classic script the
 * browser runs, so the build and the browser cut text and queries with the very same code.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/** A display run of an excerpt; `hit` marks a query term. */
export interface Run {
  text: string;
  hit: boolean;
}

/** The functions `tokenize.js` defines (see that file for what each is for). */
export interface SearchText {
  symbolKey(symbol: string): string;
  symbolsIn(text: string): string[];
  tokenize(text: string): string[];
  tokenizeQuery(query: string): string[];
  hostedQuery(query: string): string;
  highlightTerms(query: string): string[];
  markRuns(text: string, terms: string[]): Run[];
  excerpt(text: string, terms: string[], size?: number): Run[];
  holdsPhrase(text: string, query: string): boolean;
  hostedWords(query: string): string[];
  blockMatches(record: { text: string; keys?: readonly string[] }, query: string): boolean;
  phraseScore(record: { text: string; kind: string }, query: string): number;
  rankHits(records: readonly { text: string; kind: string; url: string }[], query: string): number[];
}

/** Where the shared script lives (copied by Astro from `public/` to `dist/search/`). */
export const tokenizeScript = new URL('../../public/search/tokenize.js', import.meta.url);

const load = vm.runInThisContext(`(function (self) {\n${readFileSync(tokenizeScript, 'utf8')}\nreturn self.UNHRSearchText;\n})`) as (
  self: object,
) => SearchText;

/** The shared search text rules. */
export const searchText: SearchText = load({});

/**
 * The search match rules for Node: loads `public/search/match.js`, the classic script the
 * browser runs, so the build writes symbol keys exactly as the browser looks them up.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

/** A display run of an excerpt; `hit` marks a query term. */
export interface Run {
  text: string;
  hit: boolean;
}

/** The functions `match.js` defines (see that file for what each is for). */
export interface SearchText {
  symbolKey(symbol: string): string;
  symbolsIn(text: string): string[];
  hostedQuery(query: string): string;
  highlightTerms(query: string): string[];
  markRuns(text: string, terms: string[]): Run[];
  excerpt(text: string, terms: string[], size?: number): Run[];
  holdsPhrase(text: string, query: string): boolean;
  hostedWords(query: string): string[];
  blockMatches(record: { text: string; keys?: readonly string[] }, query: string): boolean;
  urlOnly(text: string): boolean;
  markable(text: string, query: string): boolean;
  rankBlocks(records: readonly { text: string; kind: string; keys?: readonly string[]; rank: number }[], query: string): number[];
}

/** Where the shared script lives (copied by Astro from `public/` to `dist/search/`). */
export const matchScript = new URL('../../public/search/match.js', import.meta.url);

const load = vm.runInThisContext(`(function (self) {\n${readFileSync(matchScript, 'utf8')}\nreturn self.UNHRSearchText;\n})`) as (
  self: object,
) => SearchText;

/** The shared search match rules. */
export const searchText: SearchText = load({});

/**
 * The search match rules for Node: the same module the browser runs (src/search-client/match.ts,
 * bundled to `search/match.js`), so the build writes symbol keys exactly as the browser looks them up.
 */
import * as match from '../../src/search-client/match.ts';

export type { Run } from '../../src/search-client/match.ts';

/** The functions `match.ts` defines (see that file for what each is for). */
export type SearchText = typeof match;

/** The shared search match rules. */
export const searchText: SearchText = match;

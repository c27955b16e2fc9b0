/**
 * The search match rules for Node: the same module the browser runs (scripts/model/match.ts,
 * bundled to `search/match.js`), so the build writes symbol keys exactly as the browser looks them up.
 */
import * as match from '../model/match.ts';

export type { Run } from '../model/match.ts';

/** The functions `match.ts` defines (see that file for what each is for). */
export type SearchText = typeof match;

/** The shared search match rules. */
export const searchText: SearchText = match;

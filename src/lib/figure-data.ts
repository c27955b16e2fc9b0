/**
 * The figures pages of this build (src/lib/figure-pages.ts): the corpus's figures with this
 * build's page sizes.
 */
import { loadCorpus } from './data.ts';
import { figuresLayoutOf, type FiguresLayout } from './figure-pages.ts';
import { pageSizes } from './paging.ts';

/** The figures layout of the current corpus. */
export function loadFiguresLayout(): FiguresLayout {
  return figuresLayoutOf(loadCorpus().figures, pageSizes());
}

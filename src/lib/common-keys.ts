/**
 * When a shared key is too common to link two reports: the corpus-wide form of a stop-word list.
 *
 * Related reports (src/lib/related.ts) and same-topic sections (src/lib/topics.ts) link reports
 * that share a key: a cited document, a heading's topic phrase, a country named. A key held by
 * many reports says little about any two of them — a country like 中国 named in thousands of
 * reports, a resolution every UPR outcome cites, a heading like `人权状况` that half the corpus
 * has — and linking every pair of its holders costs the square of their number (at 10 000
 * reports, minutes and gigabytes). So a key held by more than {@link COMMON_KEY_REPORTS} reports
 * does not link them: it is not counted in a related-report score nor listed among what two
 * reports share, and a heading phrase found in more than that many reports is not a topic (as
 * `导言` and `结论` never are, GENERIC_PHRASES). Every report then meets at most that many others
 * through each of its keys, so the work grows linearly with the corpus.
 *
 * The bound is a number of reports, not a share of the corpus: what makes a key useless to a
 * reader is how many reports it would tie together (a list shows 5 related reports, 8 sections),
 * whatever the corpus size; a share would let the work grow with the square of the corpus again.
 * A corpus of at most that many reports (the seeds, the pinned test corpus) is not affected.
 */

/** A key held by more reports than this does not relate them (see the module comment). */
export const COMMON_KEY_REPORTS = 100;

/**
 * The promise-based extractions that sync.ts runs on its worker thread (extract-worker.ts), by
 * kind. Imported by sync.ts too, so that they are in the converter's module graph (and cache key).
 */
import { extractDoc } from './doc-extract.ts';
import { extractPdf } from './pdf-extract.ts';

export const EXTRACTORS = { pdf: extractPdf, doc: extractDoc } as const;

export type ExtractKind = keyof typeof EXTRACTORS;

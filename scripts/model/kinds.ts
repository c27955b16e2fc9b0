/**
 * The kinds of UN document in the words a reader knows them by: the catalogue, the report page and
 * the citation files (scripts/model/cite.ts) all name a kind with this one table.
 */
import type { DocumentKind } from './schema.ts';

/** The kind of document as the catalogue and the report page name it. */
export const KIND_LABELS: Record<DocumentKind, string> = {
  report: '报告',
  'concluding-observations': '结论性意见',
  'annual-report': '年度报告',
  resolution: '决议',
  decision: '决定',
  statement: '发言',
  views: '来文意见',
  other: '其他文件',
};

export const kindLabel = (kind: DocumentKind): string => KIND_LABELS[kind];

/** Intermediate, text-only blocks produced by the structure steps, before inline parsing. */

export interface DraftHeading {
  type: 'heading';
  line: number;
  level: 1 | 2 | 3;
  kind: 'chapter' | 'section' | 'subsection';
  label: string;
  /** The number or letter the label carries, for the stable id (`2`, `a`, `1`). */
  key: string;
  text: string;
}
export interface DraftParagraph {
  type: 'paragraph';
  line: number;
  n?: number;
  /** A decimal number as printed (`2.1`); `n` is its first part. */
  label?: string;
  /** A one-line statement on an infographic (`联合国在世界各地 103 个地点维护人权`), anchored `cap-N`. */
  caption?: boolean;
  /** A photo's caption on an infographic, with its credit: not body text; anchored `photo-N`. */
  photo?: boolean;
  /** A pull-quote's attribution as printed under it (`——某某`, `某机构主任某某`). */
  by?: string;
  text: string;
}
export interface DraftItem {
  type: 'item';
  line: number;
  label: string;
  /** For a roman item nested under a lettered one (`(i)` under `(b)`), that letter. */
  parent?: string;
  text: string;
}
export interface DraftFigure {
  type: 'figure';
  line: number;
  value: string;
  caption: string;
}
export type DraftBlock = DraftHeading | DraftParagraph | DraftItem | DraftFigure;

export interface DraftNote {
  line: number;
  /** The printed mark: `1` (page-bottom block) or `¹` (superscript). */
  mark: string;
  n: number;
  style: 'bare' | 'superscript';
  text: string;
}

export interface DraftDiagnostic {
  code: string;
  line?: number;
  message: string;
}

/** An entry of the printed table of contents (constructs/contents.ts), checked against the body. */
export interface ContentsEntry {
  line: number;
  /** The printed label (`一.`, `A.`, `第一章`), if any. */
  label?: string;
  title: string;
  /** Paragraph range the entry gives, when it gives one. */
  from?: number;
  to?: number;
}

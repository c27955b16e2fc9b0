/**
 * The large members of the hostile corpus, generated at test time into a temporary folder
 * (20 MB of text does not belong in git). Deterministic: the same call writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paragraph text for the large report: prose with a document symbol and a resolution, as real reports have. */
const SENTENCE = '人权高专办根据大会第 48/141 号决议，在 A/HRC/40/3 所述期间支持各国落实普遍定期审议的建议，并与民间社会合作。';

/**
 * A well-formed report of at least `bytes` UTF-8 bytes: one chapter and long numbered
 * paragraphs of eight wrapped lines (about 2.7 KB each).
 */
export function largeReport(bytes = 20_000_000): { text: string; paragraphs: number } {
  const parts = ['一. 导言\n\n'];
  let size = Buffer.byteLength(parts[0]!);
  let n = 0;
  while (size < bytes) {
    n++;
    const paragraph = `${n}. ${`${SENTENCE}${SENTENCE}\n`.repeat(8)}\n`;
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph);
  }
  return { text: parts.join(''), paragraphs: n };
}

/** One line of at least `bytes` UTF-8 bytes and no line end at all: the body of paragraph 2. */
export function longLine(bytes = 1_000_000): string {
  const head = '1. 第一段。\n\n2. ';
  const repeats = Math.ceil((bytes - Buffer.byteLength(head)) / Buffer.byteLength(SENTENCE));
  return head + SENTENCE.repeat(repeats);
}

/** Writes `large-report.txt` (20 MB) and `long-line.txt` (one 1 MB line) into `dir`; returns their names. */
export function writeLarge(dir: string): string[] {
  writeFileSync(join(dir, 'large-report.txt'), largeReport().text);
  writeFileSync(join(dir, 'long-line.txt'), longLine());
  return ['large-report.txt', 'long-line.txt'];
}

/**
 * The free text of the cover page in units (docs/un-document-anatomy.md §1.7, §1.9): runs of
 * lines that are no field, without a field or a blank line between them, split where a wrapped
 * line clearly ended. Each unit is then a title, an agenda item's title, the author line, or text
 * (constructs/cover.ts).
 */
import type { TextLine } from '../clean.ts';
import { joinLines } from '../join.ts';
import { keep, type Ledger } from '../ledger.ts';
import { NOTICE } from './cover-fields.ts';

/** A cover line read: all fields, or free text left over. */
export type Field = { line: TextLine; kind: 'field' } | { line: TextLine; kind: 'free'; text: string };

export interface Unit {
  line: TextLine;
  text: string;
}

/** `…的报告`, `…的说明`: who reports. */
export const AUTHOR = /^.{0,60}的(?:报告|说明)\s*\*?$/;

/**
 * A resolution's or decision's numbered title (§8.3): `78/302．标题`, `58/7.  标题`, `35/3.标题`, or
 * the number with no stop at all (`44/11人权与…`, as real HRC resolutions print it), then the
 * title's first character; `12/2023年`, `3/4的` are no number of a title. Group 1 is the number;
 * the match ends where the title begins.
 */
export const NUMBERED_TITLE = /^(\d{1,3}\/\d{1,4})(?:\s*[.．]\s*(?=\S)|\s*(?=[\u4e00-\u9fff《“])(?![号年月日届次段条项的]))/;

/** Runs of free lines without a field or blank line between them, split where a wrapped line clearly ended. */
export function unitsOf(items: (Field | 'gap')[]): Unit[][] {
  const runs = runsOf(items);
  const width = Math.max(0, ...runs.flat().map((u) => u.text.length));
  return runs.flatMap((run) => splitRun(run, width));
}

/** Runs of free lines; a layout with a blank line after every line says nothing by its blank lines: only fields separate. */
function runsOf(items: (Field | 'gap')[]): Unit[][] {
  const runs: Unit[][] = [];
  let current: Unit[] = [];
  const flush = () => {
    if (current.length) runs.push(current);
    current = [];
  };
  const doubleSpaced = everyLineSpaced(items);
  for (const item of items) {
    if (item === 'gap') {
      if (!doubleSpaced) flush();
    } else if (item.kind === 'field') flush();
    else current.push({ line: item.line, text: item.text });
  }
  flush();
  return runs;
}

/** A run split into units where a line ended short of the widest line, or an author line or a note begins. */
function splitRun(run: Unit[], width: number): Unit[][] {
  const units: Unit[][] = [];
  let unit: Unit[] = [];
  run.forEach((u, i) => {
    unit.push(u);
    const next = run[i + 1];
    if (!next) return;
    const connector = /[、，,及和与或的—（(《“]$/.test(u.text) || /^(?:国际)?(?:公约|议定书)/.test(next.text);
    const continues = connector || (u.text.length >= 15 && u.text.length >= width - 3 && !/[。：:*]$/.test(u.text));
    // A numbered title (`58/7.  标题`) starts a unit of its own, whatever the line before it.
    const breaks = NUMBERED_TITLE.test(next.text) || (!connector && (AUTHOR.test(next.text) || AUTHOR.test(u.text) || NOTICE.test(next.text)));
    if (!continues || breaks) {
      units.push(unit);
      unit = [];
    }
  });
  if (unit.length) units.push(unit);
  return units;
}

/** True when every two consecutive lines of the cover have a blank line between them. */
function everyLineSpaced(items: (Field | 'gap')[]): boolean {
  let pairs = 0;
  let gapBefore = false;
  let seen = false;
  for (const item of items) {
    if (item === 'gap') {
      gapBefore = true;
      continue;
    }
    if (seen) {
      if (!gapBefore) return false;
      pairs++;
    }
    seen = true;
    gapBefore = false;
  }
  return pairs >= 2;
}

export function joinUnit(unit: Unit[]): string {
  return unit.reduce((acc, u) => (acc ? joinLines(acc, u.text) : u.text), '');
}

/** A unit taken as a field's value: its lines kept, its text joined. */
export function takeUnit(unit: Unit[], ledger: Ledger): string {
  for (const u of unit) keep(ledger, u.line.no, u.text);
  return joinUnit(unit);
}

/** Running prose rather than a title: long, or ending a sentence. */
export function isProse(unit: Unit[]): boolean {
  const text = joinUnit(unit);
  return text.length > 160 || /[。！？]$/.test(text);
}

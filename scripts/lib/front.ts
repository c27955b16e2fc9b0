/**
 * Step 4 — title block: the lines before the report body → metadata stated by the text.
 *
 * UN documents print, in order: body, session, dates, agenda items, the agenda items' titles,
 * the report's title, who reports (`…的报告`), an optional `*` note, then `概要` and the summary.
 * Groups are runs of lines without a blank line between them.
 */
import type { TextLine } from './clean.ts';
import { joinLines } from './join.ts';

export interface FrontMeta {
  body?: string;
  session?: string;
  dates?: string;
  agendaItems: string[];
  agendaTitles: string[];
  title?: string;
  author?: string;
  notice?: string;
  summary?: string;
}

const BODIES = /^(大会|人权理事会|安全理事会|经济及社会理事会)$/;
const SESSION = /^第.{1,8}届(?:特别)?会议$/;
const DATES = /^\d{4}\s*年.{1,30}日$/;
const AGENDA = /^议程项目\s*(.+)$/;
const AUTHOR = /的报告\s*\*?$/;

export function readFront(lines: TextLine[]): FrontMeta {
  const meta: FrontMeta = { agendaItems: [], agendaTitles: [] };
  const groups = groupLines(lines);
  const rest: string[] = [];
  let summary: string[] | undefined;
  for (const group of groups) {
    const text = group.reduce((acc, l) => joinLines(acc, l.text), '');
    let m: RegExpExecArray | null;
    if (summary) summary.push(text);
    else if (group.length === 1 && BODIES.test(text) && !meta.body) meta.body = text;
    else if (SESSION.test(text) && !meta.session) meta.session = text;
    else if (DATES.test(text) && !meta.dates) meta.dates = text;
    else if ((m = AGENDA.exec(text))) meta.agendaItems = m[1]!.split(/\s*(?:和|、|,|，|及)\s*/).filter(Boolean);
    else if (/^概\s*要$/.test(text)) summary = [];
    else if (text.startsWith('*')) meta.notice = text.replace(/^\*\s*/, '');
    else rest.push(text);
  }
  const authorAt = rest.findLastIndex((t) => AUTHOR.test(t));
  if (authorAt >= 0) {
    meta.author = rest[authorAt]!.replace(/\s*\*$/, '');
    if (authorAt > 0) meta.title = rest[authorAt - 1]!;
    meta.agendaTitles = rest.slice(0, Math.max(0, authorAt - 1)).slice(0, meta.agendaItems.length);
  } else if (rest.length) {
    meta.title = rest.at(-1)!;
    meta.agendaTitles = rest.slice(0, -1).slice(0, meta.agendaItems.length);
  }
  if (summary?.length) meta.summary = summary.join('\n\n');
  return meta;
}

function groupLines(lines: TextLine[]): TextLine[][] {
  const groups: TextLine[][] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && line.no === last.at(-1)!.no + 1) last.push(line);
    else groups.push([line]);
  }
  return groups;
}

/**
 * The groups of the document index (`docs.html`) and how a cited document is named: reports of
 * this corpus first, then resolutions and decisions by body, treaty-body documents by committee
 * (the committees of `scripts/model/bodies.ts`), and other documents by the organ whose symbol
 * series they belong to. Rule-based on the UN symbol; pure.
 */
import { paginate, type Page } from './paging.ts';
import { SYMBOL_BODIES, symbolBody } from '../../scripts/model/bodies.ts';

export interface DocGroup {
  /** Stable id, used as the section anchor on the index page (`#g-hrc-res`). */
  id: string;
  /** Heading the reader sees. */
  label: string;
}

/** Each committee's group: `人权事务委员会（CCPR）`, anchored `#g-ccpr`. */
const TREATY_RULES = SYMBOL_BODIES.filter((b) => b.treaty).map((b) => ({
  id: b.id,
  label: `${b.name}（${b.abbr}）`,
  pattern: new RegExp(`^${b.prefix.replace(/[.]/g, '\\.')}`),
}));

/** Most specific first: the first rule whose pattern matches the symbol names its group. */
const RULES: readonly (DocGroup & { pattern: RegExp })[] = [
  { id: 'ga-res', label: '大会决议', pattern: /^A\/RES\// },
  { id: 'hrc-res', label: '人权理事会决议', pattern: /^A\/HRC\/RES\// },
  { id: 'sc-res', label: '安全理事会决议', pattern: /^S\/RES\// },
  { id: 'ecosoc-res', label: '经济及社会理事会决议', pattern: /^E\/RES\// },
  { id: 'ga-dec', label: '大会决定', pattern: /^A\/DEC\// },
  { id: 'hrc-dec', label: '人权理事会决定', pattern: /^A\/HRC\/DEC\// },
  { id: 'ecosoc-dec', label: '经济及社会理事会决定', pattern: /^E\/DEC\// },
  ...TREATY_RULES,
  { id: 'hrc', label: '人权理事会文件', pattern: /^A\/HRC\// },
  { id: 'ga', label: '大会文件', pattern: /^A\// },
  { id: 'sc', label: '安全理事会文件', pattern: /^S\// },
  { id: 'ecosoc', label: '经济及社会理事会文件', pattern: /^E\// },
];

export const CORPUS_GROUP: DocGroup = { id: 'corpus', label: '本站收录的报告' };
export const OTHER_GROUP: DocGroup = { id: 'other', label: '其他文件' };

/** The group of one cited symbol; `inCorpus` says whether it is a report of this site. */
export function docGroup(symbol: string, inCorpus: boolean): DocGroup {
  if (inCorpus) return CORPUS_GROUP;
  const rule = RULES.find((r) => r.pattern.test(symbol));
  return rule ? { id: rule.id, label: rule.label } : OTHER_GROUP;
}

/** Documents grouped in index order (corpus, the rules' order, other); empty groups left out. */
export function groupDocs<T extends { symbol: string }>(docs: readonly T[], inCorpus: (symbol: string) => boolean): { group: DocGroup; docs: T[] }[] {
  const order = [CORPUS_GROUP, ...RULES.map(({ id, label }) => ({ id, label })), OTHER_GROUP];
  const byId = new Map<string, T[]>();
  for (const doc of docs) {
    const { id } = docGroup(doc.symbol, inCorpus(doc.symbol));
    byId.set(id, [...(byId.get(id) ?? []), doc]);
  }
  return order.filter((g) => byId.has(g.id)).map((group) => ({ group, docs: byId.get(group.id)! }));
}

/** What a reader calls a cited document, from its symbol alone. */
export interface DocDescription {
  /** The body that issued it, when its series says so (`禁止酷刑委员会`). */
  body: string | undefined;
  /** What kind of document it is: `决议`, `决定`, `简要记录`, `结论性意见`, … or `文件`. */
  type: string;
  /** Its name where the symbol spells it out: `人权理事会第 18/117 号决定`, `禁止酷刑委员会第 1950 次会议简要记录`. */
  name: string | undefined;
}

/** A last part that makes a document part of another: an addendum, corrigendum, revision. */
const SUFFIXES: readonly [RegExp, string][] = [
  [/\/Add\.\d+$/, '增编'],
  [/\/Corr\.\d+$/, '更正'],
  [/\/Rev\.\d+$/, '修订本'],
];

/** The series' conventions; the first that matches names the type. */
const TYPES: readonly [RegExp, string][] = [
  [/\/RES\//, '决议'],
  [/\/DEC\//, '决定'],
  [/\/PRST\//, '主席声明'],
  [/\/SR\.\d+$/, '简要记录'],
  [/\/CO\/[\d-]+$/, '结论性意见'],
  [/\/(?:Q|LOIPR)\/[\d-]+$/, '问题清单'],
  [/\/GC\/\d+$/, '一般性意见'],
  [/\/GR\/\d+$/, '一般性建议'],
  [/^(?:CCPR|CAT|CRC|CEDAW|CERD|CMW|CED|CRPD|E\/C\.12)\/(?:C\/)?[A-Z]{3}\/\d+(?:-\d+)?$/, '缔约国报告'],
];

/**
 * The body, type and (where the symbol spells it out) name of a cited document:
 * `A/HRC/DEC/18/117` → 人权理事会 · 决定 · 人权理事会第 18/117 号决定;
 * `CAT/C/SR.1950` → 禁止酷刑委员会 · 简要记录 · 禁止酷刑委员会第 1950 次会议简要记录.
 */
export function describeDoc(symbol: string): DocDescription {
  const of = symbolBody(symbol);
  const body = of?.name;
  let base = symbol;
  const suffixes: string[] = [];
  for (let s = SUFFIXES.find(([p]) => p.test(base)); s; s = SUFFIXES.find(([p]) => p.test(base))) {
    suffixes.unshift(s[1]);
    base = base.replace(s[0], '');
  }
  const baseType = TYPES.find(([pattern]) => pattern.test(base))?.[1];
  const type = suffixes.length === 0 ? (baseType ?? '文件') : `${baseType ?? ''}${suffixes.join('')}`;
  let name: string | undefined;
  const adopted = /^(?:A\/HRC|A|S|E)\/(RES|DEC)\/(.+)$/.exec(symbol);
  const record = /\/SR\.(\d+)$/.exec(symbol);
  const hrcRecord = /^A\/HRC\/(\d+)\/SR\.(\d+)$/.exec(symbol);
  if (body && adopted) name = `${body}第 ${adopted[2]} 号${adopted[1] === 'RES' ? '决议' : '决定'}`;
  else if (body && hrcRecord) name = `${body}第 ${hrcRecord[1]} 届会议第 ${hrcRecord[2]} 次会议简要记录`;
  else if (body && record && of?.treaty) name = `${body}第 ${record[1]} 次会议简要记录`;
  return { body, type, name };
}
/** One page of the document index: its rows as runs of groups, and where every group starts. */
export interface DocIndexPage<T> {
  page: Page<T>;
  /** This page's rows, grouped (a group cut by a page break continues on the next page). */
  groups: { group: DocGroup; docs: T[]; count: number }[];
  /** Every group of the whole index with its size and the site-root path (with `#g-<id>`) of its first row. */
  nav: { group: DocGroup; count: number; href: string }[];
}

/**
 * The document index (`docs.html`) in pages of at most `size` rows, the others at
 * `doc-index/2.html` …; one page, as it always was, when the documents fit. Pure.
 */
export function docIndexPages<T>(groups: readonly { group: DocGroup; docs: readonly T[] }[], size: number): DocIndexPage<T>[] {
  const rows = groups.flatMap(({ group, docs }) => docs.map((doc) => ({ group, doc })));
  const pages = paginate(rows, size, 'docs.html', (n) => `doc-index/${n}.html`);
  const firstPage = new Map<string, string>();
  for (const page of pages) for (const { group } of page.items) if (!firstPage.has(group.id)) firstPage.set(group.id, page.path);
  const nav = groups.map(({ group, docs }) => ({ group, count: docs.length, href: `${firstPage.get(group.id)}#g-${group.id}` }));
  return pages.map((page) => {
    const runs: DocIndexPage<T>['groups'] = [];
    for (const { group, doc } of page.items) {
      const last = runs.at(-1);
      if (last?.group.id === group.id) last.docs.push(doc);
      else runs.push({ group, docs: [doc], count: nav.find((n) => n.group.id === group.id)!.count });
    }
    return { page: { ...page, items: page.items.map((r) => r.doc) }, groups: runs, nav };
  });
}

/**
 * The groups of the document index (`docs.html`): reports of this corpus first, then
 * resolutions by body, treaty-body documents, and other documents by the organ whose
 * symbol series they belong to. Rule-based on the UN symbol's prefix; pure.
 */

export interface DocGroup {
  /** Stable id, used as the section anchor on the index page (`#g-hrc-res`). */
  id: string;
  /** Heading the reader sees. */
  label: string;
}

/** Most specific first: the first rule whose pattern matches the symbol names its group. */
const RULES: readonly (DocGroup & { pattern: RegExp })[] = [
  { id: 'ga-res', label: '大会决议', pattern: /^A\/RES\// },
  { id: 'hrc-res', label: '人权理事会决议', pattern: /^A\/HRC\/RES\// },
  { id: 'sc-res', label: '安全理事会决议', pattern: /^S\/RES\// },
  { id: 'ecosoc-res', label: '经济及社会理事会决议', pattern: /^E\/RES\// },
  {
    id: 'treaty',
    label: '条约机构文件',
    pattern: /^(?:E\/C\.12|CCPR|CERD|CEDAW|CAT|CRC|CRPD|CMW|CED|HRI)\//,
  },
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

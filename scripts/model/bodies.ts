/**
 * The UN organs and treaty bodies a document symbol names, by its leading series
 * (`CCPR/…` → 人权事务委员会, `E/C.12/…` → 经济、社会及文化权利委员会, `A/HRC/…` → 人权理事会).
 * One table for the converter (a report's body from its symbol) and the site (the groups of
 * the document index), so both name a committee the same way.
 */

export interface SymbolBody {
  /** Stable id, used as the document index's section anchor (`#g-ccpr`). */
  id: string;
  /** The body's Chinese name. */
  name: string;
  /** The series prefix, with its closing slash (`CAT/OP/`). */
  prefix: string;
  /** A treaty body (committee or subcommittee) rather than a principal organ. */
  treaty: boolean;
  /** The short name readers know a treaty body by (`CCPR`, `E/C.12`, `SPT`). */
  abbr?: string;
  /** A deliberative organ: it meets in sessions, adopts resolutions and decisions, and is addressed by name (`大会，`). */
  deliberative?: true;
}

/** Most specific prefix first: the first whose prefix starts the symbol names its body. */
export const SYMBOL_BODIES: readonly SymbolBody[] = [
  { id: 'ccpr', name: '人权事务委员会', prefix: 'CCPR/', treaty: true, abbr: 'CCPR' },
  { id: 'cescr', name: '经济、社会及文化权利委员会', prefix: 'E/C.12/', treaty: true, abbr: 'E/C.12' },
  { id: 'spt', name: '防范酷刑小组委员会', prefix: 'CAT/OP/', treaty: true, abbr: 'SPT' },
  { id: 'cat', name: '禁止酷刑委员会', prefix: 'CAT/', treaty: true, abbr: 'CAT' },
  { id: 'crc', name: '儿童权利委员会', prefix: 'CRC/', treaty: true, abbr: 'CRC' },
  { id: 'cedaw', name: '消除对妇女歧视委员会', prefix: 'CEDAW/', treaty: true, abbr: 'CEDAW' },
  { id: 'cerd', name: '消除种族歧视委员会', prefix: 'CERD/', treaty: true, abbr: 'CERD' },
  { id: 'cmw', name: '保护所有移徙工人及其家庭成员权利委员会', prefix: 'CMW/', treaty: true, abbr: 'CMW' },
  { id: 'ced', name: '强迫失踪问题委员会', prefix: 'CED/', treaty: true, abbr: 'CED' },
  { id: 'crpd', name: '残疾人权利委员会', prefix: 'CRPD/', treaty: true, abbr: 'CRPD' },
  { id: 'hri', name: '人权条约机构共同文件', prefix: 'HRI/', treaty: true, abbr: 'HRI' },
  { id: 'hrc', name: '人权理事会', prefix: 'A/HRC/', treaty: false, deliberative: true },
  { id: 'ga', name: '大会', prefix: 'A/', treaty: false, deliberative: true },
  { id: 'sc', name: '安全理事会', prefix: 'S/', treaty: false, deliberative: true },
  { id: 'ecosoc', name: '经济及社会理事会', prefix: 'E/', treaty: false, deliberative: true },
  { id: 'secretariat', name: '秘书处', prefix: 'ST/', treaty: false },
];

/** The body whose series a symbol belongs to, if known. */
export function symbolBody(symbol: string): SymbolBody | undefined {
  return SYMBOL_BODIES.find((b) => symbol.startsWith(b.prefix));
}

/**
 * The deliberative organs' names: those of the table marked `deliberative`, and the Trusteeship
 * Council (suspended since 1994: its `T/` series is not in the table, so that the citation finder
 * does not take `T/…` for a symbol). The converter knows a resolution's series line (`大会决议`),
 * its adoption line, a preamble's opener (`人权理事会，`), a speech's salutation and a cover's
 * reporting body by them, so a body added here is known to all five.
 */
export const DELIBERATIVE_BODIES: readonly string[] = [...SYMBOL_BODIES.filter((b) => b.deliberative).map((b) => b.name), '托管理事会'];

/** {@link DELIBERATIVE_BODIES} as a regular-expression alternation (`人权理事会|大会|…`), for the patterns that name them. */
export const DELIBERATIVE_BODY_PATTERN = DELIBERATIVE_BODIES.map((name) => name.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('|');

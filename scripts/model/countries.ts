/**
 * Step 6b — countries: every country or territory named in the text becomes a `country` inline
 * node carrying its ISO 3166-1 alpha-3 code, so pages can link each mention to the country page.
 *
 * Codes and the common Chinese names come from i18n-iso-countries; the United Nations short names
 * (`委内瑞拉玻利瓦尔共和国`, `刚果民主共和国`, `巴勒斯坦国`), extra aliases and the words that
 * contain a country name without meaning it (`发展中国家` holds `中国`) are data, in
 * `scripts/data/countries.json`. The longest name wins (`几内亚比绍` over `几内亚`), and a
 * non-country word masks the names inside it.
 */
import isoCountries from 'i18n-iso-countries';
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { z } from 'zod';
import committed from '../data/countries.json' with { type: 'json' };
import { zodIssues, type Inline } from './schema.ts';

const entrySchema = z.strictObject({
  name: z.string().min(1).optional(),
  aliases: z.array(z.string().min(2)).optional(),
  ignorePackageName: z.boolean().optional(),
  exclude: z.boolean().optional(),
  note: z.string().optional(),
});

/** The shape of `scripts/data/countries.json`. */
export const countryDataSchema = z.strictObject({
  $comment: z.string().optional(),
  countries: z.record(z.string().regex(/^[A-Z]{2}$/), entrySchema),
  notCountries: z.array(z.string().min(2)),
});
export type CountryData = z.output<typeof countryDataSchema>;

/** A country or territory as the site shows it. */
export interface Country {
  /** ISO 3166-1 alpha-3 (`VEN`); `XKK` for Kosovo, which has no ISO code. */
  code: string;
  /** The United Nations Chinese short name, else the common Chinese name. */
  name: string;
  /** Every spelling that counts as a mention, the name included. */
  names: string[];
  /** A footnote that must accompany the name (Kosovo: Security Council resolution 1244 (1999)). */
  note?: string;
}

export interface Gazetteer {
  /** By alpha-3 code. */
  countries: Map<string, Country>;
  /** Every name and non-country word by its first character, longest first. */
  byFirst: Map<string, string[]>;
  /** Name → alpha-3 code; non-country words are absent. */
  byName: Map<string, string>;
}

/** Validate country data (the committed `scripts/data/countries.json` by default); throws naming the bad key. */
export function readCountryData(raw: unknown = committed): CountryData {
  const parsed = countryDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`scripts/data/countries.json: ${zodIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** Build the name index from the ISO package and the UN data. Throws if a name is claimed twice. */
export function buildGazetteer(data: CountryData): Gazetteer {
  const packageNames = zh.countries as Record<string, string | string[]>;
  const countries = new Map<string, Country>();
  const byName = new Map<string, string>();
  for (const alpha2 of Object.keys(packageNames).sort()) {
    const extra = data.countries[alpha2] ?? {};
    if (extra.exclude) continue;
    const code = isoCountries.alpha2ToAlpha3(alpha2);
    if (!code) throw new Error(`i18n-iso-countries has no alpha-3 code for ${alpha2}`);
    const own = [packageNames[alpha2]!].flat();
    const name = extra.name ?? own[0]!;
    const names = [...new Set([name, ...(extra.aliases ?? []), ...(extra.ignorePackageName ? [] : own)])];
    for (const n of names) {
      const other = byName.get(n);
      if (other && other !== code) throw new Error(`country name ${n} is claimed by both ${other} and ${code}`);
      byName.set(n, code);
    }
    countries.set(code, { code, name, names, ...(extra.note ? { note: extra.note } : {}) });
  }
  for (const alpha2 of Object.keys(data.countries)) {
    if (!(alpha2 in packageNames)) throw new Error(`countries.json: ${alpha2} is not a code i18n-iso-countries knows`);
  }
  const byFirst = new Map<string, string[]>();
  for (const word of [...new Set([...byName.keys(), ...data.notCountries])]) {
    byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word]);
  }
  for (const words of byFirst.values()) words.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { countries, byFirst, byName };
}

let shared: Gazetteer | undefined;

/** The gazetteer of the committed data, built once. */
export function gazetteer(): Gazetteer {
  shared ??= buildGazetteer(readCountryData());
  return shared;
}

/** The country with this alpha-3 code, if the gazetteer knows it. */
export function countryByCode(code: string): Country | undefined {
  return gazetteer().countries.get(code);
}

/**
 * Split the text runs of `content` at country names. Other nodes (document symbols, links,
 * footnote marks) are kept as they are, so a symbol is never read as a name.
 */
export function markCountries(content: Inline[], g: Gazetteer = gazetteer()): Inline[] {
  const starts = firstUnits(g);
  const out: Inline[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = out.at(-1);
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  for (const run of content) {
    if (run.type !== 'text') {
      out.push(run);
      continue;
    }
    const text = run.value;
    let at = 0;
    for (let i = 0; i < text.length;) {
      // Most characters start no name, nor do most pairs: lookups by code unit skip them without a string.
      const first = text.charCodeAt(i);
      const word =
        starts.first[first] && (starts.single[first] || starts.pairs.has(first * 0x10000 + text.charCodeAt(i + 1)))
          ? g.byFirst.get(text[i]!)?.find((w) => text.startsWith(w, i))
          : undefined;
      if (!word) {
        i += 1;
        continue;
      }
      const code = g.byName.get(word);
      if (code) {
        pushText(text.slice(at, i));
        out.push({ type: 'country', code, text: word });
        at = i + word.length;
      }
      i += word.length;
    }
    pushText(text.slice(at));
  }
  return out;
}

interface Starts {
  /** By UTF-16 code unit: 1 where some name or non-country word starts with it. */
  first: Uint8Array;
  /** 1 where a one-unit word is that unit. */
  single: Uint8Array;
  /** The first two code units of every longer word, as `first × 0x10000 + second`. */
  pairs: Set<number>;
}

const startTables = new WeakMap<Gazetteer, Starts>();

/** How the gazetteer's words begin, for skipping text that begins none of them. */
function firstUnits(g: Gazetteer): Starts {
  let starts = startTables.get(g);
  if (!starts) {
    starts = { first: new Uint8Array(0x10000), single: new Uint8Array(0x10000), pairs: new Set() };
    for (const words of g.byFirst.values()) {
      for (const w of words) {
        const c = w.charCodeAt(0);
        starts.first[c] = 1;
        if (w.length === 1) starts.single[c] = 1;
        else starts.pairs.add(c * 0x10000 + w.charCodeAt(1));
      }
    }
    startTables.set(g, starts);
  }
  return starts;
}

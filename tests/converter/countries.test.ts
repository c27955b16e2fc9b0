/** Country detection: UN names, longest match, words that only look like names, exact counts on the seeds. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildGazetteer, countryByCode, countryDataSchema, markCountries, readCountryData } from '../../scripts/model/countries.ts';
import type { Inline, Report } from '../../scripts/model/schema.ts';
import { allContent, seed } from '../helpers.ts';

/** The countries found in a sentence, as `code:text`. */
const found = (text: string): string[] => markCountries([{ type: 'text', value: text }]).flatMap((r) => (r.type === 'country' ? [`${r.code}:${r.text}`] : []));

/** How many times each code is named in a report's model. */
function counts(report: Report): Map<string, number> {
  const out = new Map<string, number>();
  for (const { content } of allContent(report)) {
    for (const run of content) if (run.type === 'country') out.set(run.code, (out.get(run.code) ?? 0) + 1);
  }
  return out;
}

describe('country names', () => {
  test('UN short names and the common names both name the country, by ISO alpha-3 code', () => {
    assert.deepEqual(found('委内瑞拉玻利瓦尔共和国和委内瑞拉'), ['VEN:委内瑞拉玻利瓦尔共和国', 'VEN:委内瑞拉']);
    assert.deepEqual(found('巴勒斯坦国、叙利亚、阿拉伯叙利亚共和国'), ['PSE:巴勒斯坦国', 'SYR:叙利亚', 'SYR:阿拉伯叙利亚共和国']);
    assert.equal(countryByCode('VEN')?.name, '委内瑞拉玻利瓦尔共和国');
    assert.equal(countryByCode('COD')?.name, '刚果民主共和国');
    assert.equal(countryByCode('PSE')?.name, '巴勒斯坦国');
    assert.equal(countryByCode('GBR')?.name, '大不列颠及北爱尔兰联合王国');
  });

  test('Kosovo is named with the UN footnote on Security Council resolution 1244 (1999)', () => {
    assert.deepEqual(found('在科索沃，'), ['XKK:科索沃']);
    assert.match(countryByCode('XKK')?.note ?? '', /安全理事会第 1244\(1999\)号决议/);
  });

  test('the longest name wins: 几内亚比绍, 赤道几内亚 and 巴布亚新几内亚 are not 几内亚', () => {
    assert.deepEqual(found('几内亚、几内亚比绍、赤道几内亚和巴布亚新几内亚'), ['GIN:几内亚', 'GNB:几内亚比绍', 'GNQ:赤道几内亚', 'PNG:巴布亚新几内亚']);
    assert.deepEqual(found('刚果民主共和国和刚果'), ['COD:刚果民主共和国', 'COG:刚果']);
    assert.deepEqual(found('南苏丹和苏丹'), ['SSD:南苏丹', 'SDN:苏丹']);
    assert.deepEqual(found('索马里和马里'), ['SOM:索马里', 'MLI:马里']);
  });

  test('words that contain a name without meaning the country are not mentions', () => {
    assert.deepEqual(found('发展中国家、拉美国家和欧美国家'), []);
    assert.deepEqual(found('在这一过程中国际社会'), []);
    assert.deepEqual(found('印度洋和约旦河西岸'), []);
    assert.deepEqual(found('南非洲和南非'), ['ZAF:南非']);
    assert.deepEqual(found('埃马纽埃尔·马克龙'), []);
    assert.deepEqual(found('加勒比海地区和沿海地带'), []);
    assert.deepEqual(found('有关岛屿'), []);
    assert.deepEqual(found('支持过渡司法国家战略'), []);
  });

  test('regions and continents are not countries', () => {
    assert.deepEqual(found('非洲、欧洲、美洲、拉丁美洲、亚洲、大洋洲、中东、西非、中非、南极洲'), []);
  });

  test('only text runs are searched: symbols and links keep their nodes, the text reads the same', () => {
    const content: Inline[] = [
      { type: 'text', value: '见' },
      { type: 'doc', symbol: 'E/C.12/UKR/CO/7', text: 'E/C.12/UKR/CO/7', kind: 'document' },
      { type: 'text', value: '关于乌克兰。' },
    ];
    const out = markCountries(content);
    assert.deepEqual(
      out.map((r) => r.type),
      ['text', 'doc', 'text', 'country', 'text'],
    );
    assert.equal(out.map((r) => (r.type === 'text' ? r.value : r.type === 'noteRef' ? '' : r.text)).join(''), '见E/C.12/UKR/CO/7关于乌克兰。');
  });
});

describe('country data', () => {
  test('the committed data validates and names 249 countries and territories', () => {
    const g = buildGazetteer(readCountryData());
    assert.equal(g.countries.size, 249);
    assert.ok(!g.countries.has('ATA'), 'Antarctica is a continent, not a country');
  });

  test('a misspelt key, an unknown code or a name claimed twice is rejected', () => {
    assert.throws(() => readCountryData({ countries: { VE: { nmae: 'x' } }, notCountries: [] }), /countries\.VE/);
    assert.equal(countryDataSchema.safeParse({ countries: { VEN: {} }, notCountries: [] }).success, false);
    assert.throws(() => buildGazetteer({ countries: { QQ: { name: '某国' } }, notCountries: [] }), /QQ/);
    assert.throws(
      () => buildGazetteer({ countries: { VE: { aliases: ['哥伦比亚'] } }, notCountries: [] }),
      /哥伦比亚 is claimed by both COL and VEN|哥伦比亚 is claimed by both VEN and COL/,
    );
  });

  test('an invalid file is named with every offending key, not just the first', () => {
    assert.throws(
      () => readCountryData({ countries: { VE: { nmae: 'x' }, CO: { aliases: 'x' } }, notCountries: 3 }),
      (e: Error) =>
        /^scripts\/data\/countries\.json: /.test(e.message) &&
        ['countries.VE: ', 'countries.CO.aliases: ', 'notCountries: '].every((key) => e.message.includes(key)) &&
        e.message.split('; ').length === 3,
    );
    assert.throws(() => readCountryData(null), /^Error: scripts\/data\/countries\.json: \(root\): /);
  });
});

// Counted independently on the seed text with line breaks and spaces removed
// (`tr -d ' \n' < seed | grep -o NAME | wc -l`), minus longer names that contain the name.
describe('exact mention counts on the real seeds', () => {
  test('seed 001 (A/74/36)', () => {
    const c = counts(seed('001').report);
    assert.deepEqual(
      ['GTM', 'TUN', 'UKR', 'GIN', 'GNB', 'XKK', 'PSE', 'COD', 'PRK', 'VEN'].map((k) => [k, c.get(k) ?? 0]),
      [
        ['GTM', 15],
        ['TUN', 15],
        ['UKR', 7],
        ['GIN', 9],
        ['GNB', 3],
        ['XKK', 2],
        ['PSE', 4],
        ['COD', 9],
        ['PRK', 1],
        ['VEN', 4],
      ],
    );
    assert.equal(c.size, 115);
  });
  test('seed 002 (international cooperation)', () => {
    const c = counts(seed('002').report);
    assert.deepEqual(
      ['GTM', 'TUN', 'UKR', 'GIN', 'GNB', 'XKK', 'PSE', 'COD'].map((k) => [k, c.get(k) ?? 0]),
      [
        ['GTM', 1],
        ['TUN', 5],
        ['UKR', 7],
        ['GIN', 4],
        ['GNB', 0],
        ['XKK', 1],
        ['PSE', 3],
        ['COD', 2],
      ],
    );
    assert.equal(c.has('CHN'), false, '发展中国家 (11 times) is not 中国');
  });
  test('seed 004 (A/HRC/55/69)', () => {
    const c = counts(seed('004').report);
    assert.deepEqual(
      ['PRK', 'AFG', 'MMR', 'GTM'].map((k) => [k, c.get(k) ?? 0]),
      [
        ['PRK', 5],
        ['AFG', 4],
        ['MMR', 2],
        ['GTM', 0],
      ],
    );
    assert.equal(c.size, 23);
  });
});

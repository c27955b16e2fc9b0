import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, contentDir } from '../pinned.ts';
import { reportSchema, type Report } from '../../scripts/model/schema.ts';
import { headingKeys, phraseCovers, sameTopicSections, topicIndex, type Section } from '../../src/lib/topics.ts';
import { citedBy, relatedReports, type KeyFn } from '../../src/lib/related.ts';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';

const dir = join(built(contentDir), 'data');
const reports: Report[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => reportSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
const links = buildCrossLinks(reports);
const where = (list: { shown: { section: { slug: string; id: string }; phrases: string[] }[]; total: number } | undefined) =>
  (list?.shown ?? []).map((s) => `${s.section.slug}#${s.section.id} ${s.phrases.join('/')}`);

test('heading keys drop labels, numbering and punctuation, and split lists', () => {
  assert.deepEqual(headingKeys('第二章 高级专员办事处的活动'), ['高级专员办事处的活动']);
  assert.deepEqual(headingKeys('B. 经济、社会及文化权利'), ['经济社会及文化权利', '经济', '社会及文化权利']);
  assert.deepEqual(headingKeys('3. 普遍定期审议'), ['普遍定期审议']);
  assert.deepEqual(headingKeys('三.  普遍定期审议。'), ['普遍定期审议']);
  assert.deepEqual(headingKeys('2030 年可持续发展议程'), ['2030年可持续发展议程']);
  assert.deepEqual(headingKeys('1.5 摄氏度'), ['15摄氏度']);
  assert.deepEqual(headingKeys('(a) 条约机构'), ['条约机构']);
  assert.deepEqual(headingKeys('COVID-19, 联合国 75 周年, 共同前进'), ['covid19联合国75周年共同前进', 'covid19', '联合国75周年', '共同前进']);
});

test('generic headings such as 导言 and 结论 are never topics', () => {
  assert.deepEqual(headingKeys('一. 导言'), []);
  assert.deepEqual(headingKeys('第四章 结论'), []);
  assert.deepEqual(headingKeys('引言'), []);
});

test('a phrase covers a key when equal, or contained when four characters or longer', () => {
  assert.equal(phraseCovers('特别程序', '人权理事会特别程序'), true);
  assert.equal(phraseCovers('参与', '参与'), true);
  assert.equal(phraseCovers('发展', '发展权'), false);
  assert.equal(phraseCovers('条约机构', '普遍定期审议'), false);
});

test('the corpus has ten topics shared across reports, each with its sections', () => {
  assert.deepEqual(
    topicIndex(reports).map((t) => `${t.phrase}: ${t.sections.map((s) => `${s.slug}#${s.id}`).join(' ')}`),
    [
      '不歧视: a-74-36#h-2-d sg-2023-human-rights#h-u7',
      '人权理事会: a-74-36#h-2-a-2 hrc-47-international-cooperation#h-3-b-3',
      '参与: a-74-36#h-2-f sg-2023-human-rights#h-u8',
      '可持续发展目标: a-74-36#h-2-b-1 hrc-47-international-cooperation#h-3-a-2',
      '和平与安全: a-74-36#h-2-c sg-2023-human-rights#h-u6',
      '国际人权机制: a-74-36#h-2-a hrc-47-international-cooperation#h-3-a-5',
      '普遍定期审议: a-74-36#h-2-a-3 hrc-47-international-cooperation#h-3-b-1',
      '条约机构: a-74-36#h-2-a-1 hrc-47-international-cooperation#h-3-b-2',
      '特别程序: a-74-36#h-2-a-4 a-hrc-55-69#h-2-j a-hrc-55-69#h-2-l a-hrc-55-69#h-2-m a-hrc-55-69#h-3 hrc-47-international-cooperation#h-3-b-3',
      '问责: a-74-36#h-2-e sg-2023-human-rights#h-u9',
    ],
  );
});

test('普遍定期审议 in A/74/36 finds the same section in the international-cooperation report, and back', () => {
  assert.deepEqual(where(links.sameTopic.get('a-74-36#h-2-a-3')), ['hrc-47-international-cooperation#h-3-b-1 普遍定期审议']);
  assert.deepEqual(where(links.sameTopic.get('hrc-47-international-cooperation#h-3-b-1')), ['a-74-36#h-2-a-3 普遍定期审议']);
});

test('人权理事会特别程序 matches both 人权理事会 and every 特别程序 section, each saying why', () => {
  assert.deepEqual(where(links.sameTopic.get('hrc-47-international-cooperation#h-3-b-3')), [
    'a-74-36#h-2-a-2 人权理事会',
    'a-74-36#h-2-a-4 特别程序',
    'a-hrc-55-69#h-2-j 特别程序',
    'a-hrc-55-69#h-2-l 特别程序',
    'a-hrc-55-69#h-2-m 特别程序',
    'a-hrc-55-69#h-3 特别程序',
  ]);
});

test('a section lists at most eight same-topic sections and counts the rest: 1000 reports stay linear', () => {
  const section = (n: number): Section => ({
    slug: `r-${String(n).padStart(4, '0')}`,
    id: 'h-1',
    report: `R${n}`,
    label: '',
    text: '普遍定期审议',
    keys: ['普遍定期审议'],
    position: 0,
  });
  const lists = sameTopicSections([{ phrase: '普遍定期审议', sections: Array.from({ length: 1000 }, (_, n) => section(n)) }]);
  const first = lists.get('r-0000#h-1')!;
  assert.equal(first.total, 999);
  assert.deepEqual(
    first.shown.map((s) => s.section.slug),
    ['r-0001', 'r-0002', 'r-0003', 'r-0004', 'r-0005', 'r-0006', 'r-0007', 'r-0008'],
  );
  assert.equal(lists.get('r-0500#h-1')!.shown[0]!.section.slug, 'r-0000');
  assert.equal(links.sameTopic.get('hrc-47-international-cooperation#h-3-b-3')!.total, 6); // the seeds list every one
});

test('sections on a subject no other report treats have no same-topic list', () => {
  assert.equal(links.sameTopic.get('a-74-36#h-2-e-2'), undefined); // 死刑
  assert.equal(links.sameTopic.get('a-74-36#h-1'), undefined); // 导言
  assert.equal(links.sameTopic.get('a-hrc-55-69#h-2-d'), undefined); // 函件
  assert.equal(links.sameTopic.size, 23);
});

test('related reports are ranked by shared documents, topics and countries, with what they share', () => {
  // Countries are listed by count here; a shared country weighs a quarter of a document or topic.
  const keys = (s: { name: string; keys: string[] }) => (s.name === 'countries' ? `${s.keys.length}` : s.keys.join('、'));
  const summary = (slug: string) => (links.related.get(slug) ?? []).map((r) => `${r.slug} ${r.score} ${r.shared.map((s) => `${s.name}=${keys(s)}`).join(' ')}`);
  assert.deepEqual(summary('a-74-36'), [
    'hrc-47-international-cooperation 15.75 topics=国际人权机制、可持续发展目标、普遍定期审议、人权理事会、特别程序、条约机构 countries=39',
    'sg-2023-human-rights 7 documents=S/RES/1244(1999) topics=不歧视、参与、和平与安全、问责 countries=8',
    'a-hrc-55-69 6 topics=特别程序 countries=20',
  ]);
  const sgWithA7436 = links.related.get('sg-2023-human-rights')?.find((r) => r.slug === 'a-74-36');
  assert.deepEqual(sgWithA7436?.shared.find((s) => s.name === 'countries')?.keys, [
    '巴勒斯坦国',
    '海地',
    '科索沃',
    '肯尼亚',
    '墨西哥',
    '危地马拉',
    '乌克兰',
    '伊朗伊斯兰共和国',
  ]);
  assert.equal(summary('sg-2023-human-rights')[0], 'a-74-36 7 documents=S/RES/1244(1999) topics=不歧视、参与、和平与安全、问责 countries=8');
  assert.match(summary('a-hrc-55-69')[0] ?? '', /^a-74-36 6 topics=特别程序 countries=20$/);
});

test('related reports take any key function, e.g. countries, and weigh it', () => {
  const fn: KeyFn = { name: 'letters', label: '字母', weight: 10, keys: (r) => new Set(r.slug.startsWith('a-') ? ['a'] : []) };
  const related = relatedReports(reports, [fn]);
  assert.deepEqual(
    (related.get('a-74-36') ?? []).map((r) => [r.slug, r.score, r.shared]),
    [['a-hrc-55-69', 10, [{ name: 'letters', label: '字母', keys: ['a'] }]]],
  );
  assert.deepEqual(related.get('sg-2023-human-rights'), []);
});

test('no report of the corpus cites another one, so nothing is cited by', () => {
  assert.deepEqual(
    [...links.citedBy].map(([slug, list]) => [slug, list.length]),
    [
      ['a-74-36', 0],
      ['a-hrc-55-69', 0],
      ['hrc-47-international-cooperation', 0],
      ['sg-2023-human-rights', 0],
    ],
  );
});

test('a report citing A/74/36 shows up as citing it, at the paragraph, and not its own symbol', () => {
  const sg = reports.find((r) => r.slug === 'sg-2023-human-rights');
  const un = reports.find((r) => r.slug === 'a-74-36');
  assert.ok(sg && un);
  // The real SG report, with its first paragraph also citing A/74/36 (full width, as seeds sometimes print it).
  const first = sg.blocks.findIndex((b) => b.type === 'paragraph');
  const citing: Report = {
    ...sg,
    blocks: sg.blocks.map((b, i) =>
      i === first && b.type === 'paragraph'
        ? {
            ...b,
            content: [
              ...b.content,
              { type: 'text', value: '见' },
              { type: 'doc', symbol: 'Ａ/74/36', text: 'Ａ/74/36', kind: 'document' },
              { type: 'text', value: '。' },
            ],
          }
        : b,
    ),
  };
  const byA7436 = citedBy([un, citing]).get('a-74-36') ?? [];
  assert.deepEqual(
    byA7436.map((c) => [c.report.slug, c.anchor, c.place]),
    [['sg-2023-human-rights', sg.blocks[first]?.id, '正文']],
  );
  assert.match(byA7436[0]?.sentence ?? '', /见Ａ\/74\/36。$/);
  assert.deepEqual(citedBy([un, citing]).get('sg-2023-human-rights'), []);
});

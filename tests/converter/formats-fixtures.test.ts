/**
 * Layout conventions the text alone cannot show, each printed by the producers and read back
 * (docs/input-formats.md): a note that runs over onto the next page is one note; a running
 * header that is no document symbol is dropped as page furniture because it repeats; a heading
 * set in bold without a label is a heading, and the model says the layout decided.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { makeDocx } from '../../scripts/bench/producers/docx.ts';
import { printPdf } from '../../scripts/bench/producers/html.ts';
import { libreOffice } from '../../scripts/bench/producers/lo.ts';
import type { PrintBlock, Printable } from '../../scripts/bench/producers/printable.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import { plainText } from '../../scripts/model/plain.ts';
import { extractPdf } from '../../scripts/converter/readers/pdf-extract.ts';
import { layoutPdf } from '../../scripts/converter/readers/pdf.ts';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const SENTENCES = [
  '特别报告员在本报告所述期间继续与各国政府、国家人权机构和民间社会组织开展对话。',
  '她就有关立法、政策和做法提出了建议，并呼吁各方加强合作。',
  '工作组收到了关于任意拘留和强迫失踪的来文，并向有关国家转交了紧急呼吁。',
  '在国别访问期间，特别报告员会见了政府官员、法官、律师、记者和受害者家属。',
  '委员会审议了缔约国提交的报告，通过了结论性意见并确定了后续程序。',
  '人权高专办为区域机制提供了技术援助，支持其监测和报告工作。',
  '与会者强调，必须确保民间社会能够在不受恐吓和报复的情况下参与。',
];
/** A paragraph of its own words (identical lines at one height on many pages would look like furniture). */
const para = (n: number, refs: number[] = []): PrintBlock => ({
  kind: 'para',
  runs: [`${n}. `, ...[0, 1, 2, 3].map((k) => SENTENCES[(n * 3 + k) % SENTENCES.length]!), ...refs.map((ref) => ({ ref }))],
});
const SENTENCE = SENTENCES[0]!;
/** A note longer than a page's foot can hold (Chromium's pages here never split a note: a shorter one for it). */
const longNote = (sentences: number) =>
  Array.from({ length: sentences }, (_, i) => `见人权理事会第${i + 1}/1号决议及其所附的报告，其中详细说明了各项程序和工作方法。`).join('');

const fixture = (sentences: number): Printable => ({
  symbol: 'A/HRC/99/1',
  header: '特别报告员的报告（续）',
  job: 'GE.24-01234',
  cover: ['人权理事会', '第九十九届会议', '议程项目3', '特别报告员的报告'],
  blocks: [
    { kind: 'heading', level: 1, runs: ['一. 导言'] },
    ...Array.from({ length: 8 }, (_, i) => para(i + 1, i === 0 ? [1] : [])),
    { kind: 'heading', level: 3, runs: ['背景情况'] },
    { kind: 'para', runs: [SENTENCE, SENTENCE] },
    para(9, [2]),
    ...Array.from({ length: 12 }, (_, i) => para(i + 10, i === 5 ? [3] : [])),
  ],
  notes: new Map([
    [1, '见 A/HRC/98/1。'],
    [2, longNote(sentences)],
    [3, '同上，第 5 段。'],
  ]),
});

describe('layout conventions printed and read back', () => {
  const files: Record<string, Buffer> = {};
  before(async () => {
    files.docx = await makeDocx(fixture(250));
    files.chromium = await printPdf(fixture(30));
    files.libreoffice = libreOffice(files.docx, 'docx', 'pdf');
  });
  for (const producer of ['docx', 'chromium', 'libreoffice'] as const) {
    const read = () => convertSeed(`fixture.${producer === 'docx' ? 'docx' : 'pdf'}`, files[producer]!).report;
    it(`${producer}: 21 paragraphs and 3 notes, with their texts`, () => {
      const r = read();
      assert.equal(r.stats.paragraphs, 21);
      assert.deepEqual(
        r.notes.map((n) => squeeze(plainText(n.content))),
        [...fixture(producer === 'chromium' ? 30 : 250).notes.values()].map(squeeze),
      );
      assert.deepEqual(
        r.notes.map((n) => n.refs.length),
        [1, 1, 1],
      );
    });
    it(`${producer}: a running header that is no symbol is dropped as furniture`, () => {
      const r = read();
      const all = JSON.stringify(r.blocks);
      assert.ok(!all.includes('特别报告员的报告（续）'));
      assert.ok(r.dropped.some((d) => d.reason === 'running-header' && d.text.includes('特别报告员的报告（续）')));
    });
    it(`${producer}: an unlabelled bold heading is a heading, said to be the layout's`, () => {
      const r = read();
      const h = r.blocks.find((b) => b.type === 'heading' && plainText(b.content) === '背景情况');
      assert.ok(h, 'no heading 背景情况');
      assert.ok(r.warnings.some((w) => w.code === 'layout-heading' && w.message.includes('背景情况') && w.message.includes('bold')));
    });
  }
  it('libreoffice: the long note runs over onto the next page, and is read as one note', async () => {
    const { pages } = await extractPdf(new Uint8Array(files.libreoffice!));
    const on = (text: string) => pages.findIndex((p) => squeeze(p.items.map((it) => it.s).join('')).includes(text));
    const head = on('见人权理事会第1/1号决议');
    const tail = on('见人权理事会第250/1号决议');
    assert.ok(head >= 0 && tail > head, `note 2 starts on page ${head + 1} and ends on page ${tail + 1}`);
  });
  it('a seed folder with a .docx, a PDF and a bad PDF: manifest slugs, accounting, the cache, the others still build', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'formats-run-'));
    try {
      const seeds = join(dir, 'seeds');
      fs.mkdirSync(seeds);
      fs.writeFileSync(join(seeds, 'report.docx'), files.docx!);
      fs.writeFileSync(join(seeds, 'report.pdf'), files.libreoffice!);
      fs.writeFileSync(join(seeds, 'scan.pdf'), '%PDF-1.7 not really');
      fs.writeFileSync(join(seeds, 'manifest.json'), JSON.stringify({ 'report.docx': { slug: 'report-word' }, 'report.pdf': { slug: 'report-pdf' } }));
      const run = () => {
        const lines: string[] = [];
        const result = convertAll({
          seedsDir: seeds,
          outDir: join(dir, 'content'),
          fs: { ...fs, join } as unknown as RunOptions['fs'],
          log: (l) => lines.push(l),
        });
        return { result, lines };
      };
      const first = run();
      assert.equal(first.result.converted, 2);
      assert.deepEqual(
        first.result.errors.map((e) => [e.file, e.code]),
        [['scan.pdf', 'damaged']],
      );
      assert.ok(first.lines.some((l) => l.startsWith('error scan.pdf: not a readable PDF') || l.startsWith('error scan.pdf:')));
      for (const slug of ['report-word', 'report-pdf']) {
        const model = JSON.parse(fs.readFileSync(join(dir, 'content', 'data', `${slug}.json`), 'utf8'));
        assert.equal(model.stats.paragraphs, 21);
        assert.ok(!model.warnings.some((w: { code: string }) => w.code === 'text-unaccounted'), `${slug}: text unaccounted`);
        assert.equal(model.stats.accounting.input, model.stats.accounting.kept + model.stats.accounting.dropped);
      }
      const second = run();
      assert.equal(second.result.converted, 0);
      assert.equal(second.result.unchanged, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A masthead whose left column runs on beside the right one (`人权理事会` / `第六十届会议` / the
 * session's dates beside `Distr.: General` / the document's date / the languages), as UN covers
 * are set; then the agenda item, its title, the title and who reports.
 */
const MAST_SENTENCE = '特别报告员在本报告所述期间继续与各国政府、国家人权机构和民间社会组织开展对话，并就有关立法提出了建议。';
const mastheadCover: Printable = {
  symbol: 'A/HRC/60/99',
  job: 'GE.26-07123',
  masthead: {
    left: ['联合国', '大会', '人权理事会', '第六十届会议', '2026年6月15日至7月10日'],
    right: ['A/HRC/60/99', 'Distr.: General', '2026年5月4日', 'Chinese', 'Original: English'],
  },
  cover: [
    '议程项目3',
    '促进和保护所有人权——公民权利、政治权利、',
    '经济、社会及文化权利，包括发展权',
    '数字空间中的意见和表达自由',
    '意见和表达自由权特别报告员的报告',
  ],
  blocks: [
    { kind: 'heading', level: 1, runs: ['一. 导言'] },
    ...Array.from({ length: 6 }, (_, i): PrintBlock => ({ kind: 'para', runs: [`${i + 1}. `, MAST_SENTENCE, MAST_SENTENCE] })),
  ],
  notes: new Map(),
};
/** The same report as a text version gives it: the masthead's rows, then the left column's session block. */
const mastheadText = [
  '联 合 国 A/HRC/60/99',
  '大 会 Distr.: General',
  '2026年5月4日',
  'Chinese',
  'Original: English',
  '',
  '人权理事会',
  '第六十届会议',
  '2026年6月15日至7月10日',
  '',
  ...mastheadCover.cover,
  '',
  '一. 导言',
  '',
  ...Array.from({ length: 6 }, (_, i) => `${i + 1}. ${MAST_SENTENCE}${MAST_SENTENCE}`),
  '',
].join('\n');

describe('a masthead whose columns share rows with the session block', () => {
  const files: Record<string, Buffer> = {};
  before(async () => {
    files.docx = await makeDocx(mastheadCover);
    files.chromium = await printPdf(mastheadCover);
    files.libreoffice = libreOffice(files.docx, 'docx', 'pdf');
  });
  const fields = (name: string, bytes: Buffer) => {
    const r = convertSeed(name, bytes).report;
    const m = r.meta;
    return {
      fields: [m.symbol, m.date, m.distribution, m.original, m.body, m.session, squeeze(m.dates ?? ''), m.agendaItems, m.agendaTitles, m.title, m.author],
      notes: r.warnings.filter((w) => w.code === 'note-missing').map((w) => w.message),
    };
  };
  it('the text path reads every cover field', () => {
    assert.deepEqual(fields('cover.txt', Buffer.from(mastheadText)).fields, [
      'A/HRC/60/99',
      '2026-05-04',
      'General',
      'English',
      '人权理事会',
      '第六十届会议',
      '2026年6月15日至7月10日',
      ['3'],
      ['促进和保护所有人权——公民权利、政治权利、经济、社会及文化权利，包括发展权'],
      '数字空间中的意见和表达自由',
      '意见和表达自由权特别报告员的报告',
    ]);
  });
  for (const producer of ['docx', 'chromium', 'libreoffice'] as const) {
    it(`${producer}: the same cover fields as the text path; the date's digits beside larger type are no note reference`, () => {
      const text = fields('cover.txt', Buffer.from(mastheadText));
      const read = fields(`cover.${producer === 'docx' ? 'docx' : 'pdf'}`, files[producer]!);
      assert.deepEqual(read.fields, text.fields);
      assert.deepEqual(read.notes, []);
    });
  }
});

/**
 * Spaces between Chinese and Latin letters or digits (readers/script-gaps.ts): UN documents type
 * none (`第52/9号决议`), their producers set a gap there, and the PDF gives the gap, not whether a
 * space was typed. Paragraphs typed as UN documents are read back from both PDFs exactly as typed,
 * white space included, wherever a line wraps; a citation is recognised with or without spaces.
 */
const TIGHT = [
  '委员会在2026年11月3日和4日举行的第2,801次和2,802次会议(见CAT/C/SR.2801和2802)上审议了缔约国的第二次定期报告，并在2026年11月20日举行的第2,820次会议上通过了本结论性意见。',
  '回顾人权理事会第52/9号决议和大会第77/214号决议，以及A/HRC/55/69号文件所载关于COVID-19疫情期间12,450起投诉的资料，其中312起导致起诉，涉及约3.5亿美元。',
  '据缔约国报告，2025年共有48所监狱关押了35,000名被拘留者，其中1,200名为妇女，另有16个省报告了超过2,000起事件；委员会请缔约国在2027年11月20日之前提供资料。',
];
/** The same text as PDF extractions give it, a space at every meeting of the scripts (`第 2,801 次`). */
const spaced = (t: string) => t.replace(/([\u4e00-\u9fff])(?=[0-9A-Za-z])|([0-9A-Za-z])(?=[\u4e00-\u9fff])/g, '$1$2 ');
const spacing: Printable = {
  symbol: 'CAT/C/XYZ/CO/2',
  job: 'GE.26-04321',
  cover: ['禁止酷刑委员会', '关于某国第二次定期报告的结论性意见'],
  blocks: [
    { kind: 'heading', level: 1, runs: ['A. 导言'] },
    ...[...TIGHT, ...TIGHT.map(spaced)].map((t, i): PrintBlock => ({ kind: 'para', runs: [`${i + 1}. `, t, t] })),
    { kind: 'para', runs: ['7. 回顾人权理事会第 52/9 号决议和 2026 年 5 月 4 日的报告 CCPR/C/XYZ/CO/8 。'] },
  ],
  notes: new Map(),
};

describe('spaces between Chinese and Latin letters or digits in a PDF', () => {
  const files: Record<string, Buffer> = {};
  before(async () => {
    files.chromium = await printPdf(spacing);
    files.libreoffice = libreOffice(await makeDocx(spacing), 'docx', 'pdf');
  });
  for (const producer of ['chromium', 'libreoffice'] as const) {
    it(`${producer}: paragraphs typed without them read back exactly as typed, white space included, and so do those typed with them`, () => {
      const r = convertSeed('spacing.pdf', files[producer]!).report;
      const texts = r.blocks.flatMap((b) => (b.type === 'paragraph' ? [plainText(b.content)] : []));
      assert.deepEqual(
        texts.slice(0, 6),
        [...TIGHT, ...TIGHT].map((t) => t + t),
      );
      assert.equal(r.stats.accounting!.input, r.stats.accounting!.kept + r.stats.accounting!.dropped);
    });
    it(`${producer}: a typed space there is a gap like any other; the citation is recognised either way`, () => {
      const r = convertSeed('spacing.pdf', files[producer]!).report;
      const p7 = r.blocks.find((b) => b.type === 'paragraph' && b.n === 7);
      assert.ok(p7 && p7.type === 'paragraph');
      assert.equal(plainText(p7.content), '回顾人权理事会第52/9号决议和2026年5月4日的报告CCPR/C/XYZ/CO/8。');
      assert.deepEqual(
        p7.content.flatMap((c) => (c.type === 'doc' ? [c.symbol] : [])),
        ['A/HRC/RES/52/9', 'CCPR/C/XYZ/CO/8'],
      );
      const text = convertSeed('spacing.txt', Buffer.from('一. 导言\n7. 回顾人权理事会第 52/9 号决议。\n')).report;
      assert.deepEqual(
        text.blocks.flatMap((b) => (b.type === 'paragraph' ? b.content.flatMap((c) => (c.type === 'doc' ? [c.symbol] : [])) : [])),
        ['A/HRC/RES/52/9'],
      );
    });
  }
  it('a gap of an em or more between them is a space; a narrower one is none; between Latin words a word space stays', () => {
    const item = (s: string, x: number) => ({ s, x, y: 700, size: 10, w: s.length * (/[\u4e00-\u9fff]/.test(s) ? 10 : 5), font: 'f' });
    const read = (items: ReturnType<typeof item>[]) =>
      layoutPdf('gap.pdf', {
        pages: [{ width: 595, height: 842, items: [item('一. 导言', 70), ...items.map((it) => ({ ...it, y: 680 }))] }],
        fonts: { f: 'NotoSerifCJKsc-Regular' },
      })
        .text.split('\n')
        .at(-1);
    // 回顾第 = 30 wide from 70: ends at 100.
    assert.equal(read([item('回顾第', 70), item('52/9', 102.5), item('号', 122.5)]), '回顾第52/9号');
    assert.equal(read([item('回顾第', 70), item('52/9', 110.5), item('号', 130.5)]), '回顾第 52/9号');
    assert.equal(read([item('回顾第 52/9 号', 70)]), '回顾第52/9号');
    assert.equal(read([item('Distr.:', 70), item('General', 109)]), 'Distr.: General');
  });
});

/**
 * The layout a maintainer's trial once misread (docs/input-formats.md, "Tried as a new
 * maintainer"): the masthead in the first page's header with the document's date, the session
 * block in the body under it. The date is the document's, the session's dates the block's.
 */
const sessionUnderMasthead: Printable = {
  ...mastheadCover,
  masthead: { left: ['联合国', '大会'], right: ['A/HRC/60/99', 'Distr.: General', '4 May 2026', 'Chinese', 'Original: English'] },
  cover: ['人权理事会', '第六十届会议', '2026年6月15日至7月10日', ...mastheadCover.cover],
};

describe('a masthead in the first-page header, the session block under it in the body', () => {
  const files: Record<string, Buffer> = {};
  before(async () => {
    files.docx = await makeDocx(sessionUnderMasthead);
    files.libreoffice = libreOffice(files.docx, 'docx', 'pdf');
  });
  for (const producer of ['docx', 'libreoffice'] as const) {
    it(`${producer}: the masthead's date is the document's, the session's dates and agenda title are the block's`, () => {
      const m = convertSeed(`cover.${producer === 'docx' ? 'docx' : 'pdf'}`, files[producer]!).report.meta;
      assert.deepEqual(
        [m.date, m.session, m.dates, m.agendaItems, m.agendaTitles, m.title],
        [
          '2026-05-04',
          '第六十届会议',
          '2026年6月15日至7月10日',
          ['3'],
          ['促进和保护所有人权——公民权利、政治权利、经济、社会及文化权利，包括发展权'],
          '数字空间中的意见和表达自由',
        ],
      );
    });
  }
});

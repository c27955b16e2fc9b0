/** What changed between versions of a report: the pure diff, the history file, and the converter run that records it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { changeSummary, diffReports, historySchema, rewording, updateHistory } from '../../scripts/model/changes.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import type { Block, Note, Report } from '../../scripts/model/schema.ts';
import { seedsDir } from './helpers.ts';

const para = (n: number, text: string): Block => ({ type: 'paragraph', id: `p-${n}`, line: n, n, content: [{ type: 'text', value: text }] });
const note = (n: number, text: string): Note => ({ id: `fn-${n}`, line: 0, n, mark: String(n), refs: [], content: [{ type: 'text', value: text }] });
const model = (sha256: string, blocks: Block[], notes: Note[], title = '标题', printed = '723'): Report => ({
  slug: 'r',
  source: { file: 'r.txt', sha256, encoding: 'utf-8' },
  meta: { title, kind: 'report', symbols: [], agendaItems: [], agendaTitles: [], sources: {} },
  blocks,
  notes,
  stats: { paragraphs: blocks.length, notes: notes.length, headings: { chapter: 0, section: 0, subsection: 0 }, figures: 0, dropped: {} },
  dropped: [],
  warnings: [],
  figures: {
    values: [{ id: 'p-1-v1', block: 'p-1', value: Number(printed), printed, unit: '份', noun: '函件', approx: false, sentence: 0, at: 0 }],
    charts: [],
    headline: [],
    sentences: [''],
  },
});

const v1 = model('a', [para(1, '发送了 723 份函件。'), para(2, '第二段。'), para(3, '将被删除。')], [note(1, '注一。'), note(2, '注二。')]);
const v2 = model('b', [para(1, '发送了 725 份函件。'), para(2, '第二段。'), para(4, '新的一段。')], [note(1, '注一（更正）。')], '新标题', '725');

describe('the difference between two versions', () => {
  test('names reworded, added and removed paragraphs with their old and new text', () => {
    const d = diffReports(v1, v2);
    assert.deepEqual(d.paragraphs.reworded, [{ id: 'p-1', n: 1, old: '发送了 723 份函件。', new: '发送了 725 份函件。' }]);
    assert.deepEqual(d.paragraphs.added, [{ id: 'p-4', n: 4, text: '新的一段。' }]);
    assert.deepEqual(d.paragraphs.removed, [{ id: 'p-3', n: 3, text: '将被删除。' }]);
  });

  test('names changed notes, figures and metadata', () => {
    const d = diffReports(v1, v2);
    assert.deepEqual(d.notes.reworded, [{ id: 'fn-1', n: 1, old: '注一。', new: '注一（更正）。' }]);
    assert.deepEqual(d.notes.removed, [{ id: 'fn-2', n: 2, text: '注二。' }]);
    assert.deepEqual(d.figures, [{ id: 'p-1-v1', block: 'p-1', old: '723 函件', new: '725 函件' }]);
    assert.deepEqual(d.meta, [{ field: 'title', old: '标题', new: '新标题' }]);
    assert.equal(changeSummary(d), '1 段改写，1 段新增，1 段删除，1 条注释改写，1 条注释删除，1 个数字变化，1 项文件信息变化');
  });

  test('the same model twice has no difference', () => {
    assert.equal(changeSummary(diffReports(v1, v1)), '文字未变');
  });
});

describe('the history file', () => {
  test('records a replaced seed once, newest first, and nothing for the same seed or a first conversion', () => {
    assert.equal(updateHistory(undefined, v1, undefined), undefined);
    assert.equal(updateHistory(JSON.stringify(v1), { ...v1, blocks: [] }, undefined), undefined, 'same seed, converter change only');
    const first = updateHistory(JSON.stringify(v1), v2, undefined)!;
    assert.equal(historySchema.parse(JSON.parse(first.json)).versions.length, 1);
    assert.equal(updateHistory(JSON.stringify(v1), v2, first.json), undefined, 'already recorded');
    const v3 = { ...v2, source: { ...v2.source, sha256: 'c' } };
    const second = historySchema.parse(JSON.parse(updateHistory(JSON.stringify(v2), v3, first.json)!.json));
    assert.deepEqual(
      second.versions.map((v) => `${v.from.sha256}→${v.to.sha256}`),
      ['b→c', 'a→b'],
    );
  });
});

describe('converting a replaced seed', () => {
  const realFs = { ...fs, join } as unknown as RunOptions['fs'];
  test('writes content/changes/<slug>.json, says so in the output, and a second run changes nothing', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'changes-'));
    try {
      const seeds = join(dir, 'seeds');
      const out = join(dir, 'content');
      fs.mkdirSync(seeds);
      const seed = '001_deca3a15a9972238.txt';
      const original = fs.readFileSync(join(seedsDir, seed), 'utf8');
      fs.writeFileSync(join(seeds, seed), original);
      const lines: string[] = [];
      const run = () => convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: (l) => lines.push(l) });
      run();
      assert.equal(fs.existsSync(join(out, 'changes')), false);
      const phrase = '2018 年，人权高专办为庆祝';
      assert.ok(original.includes(phrase));
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（修订本）为庆祝'));
      lines.length = 0;
      run();
      const history = historySchema.parse(JSON.parse(fs.readFileSync(join(out, 'changes', 'a-74-36.json'), 'utf8')));
      assert.equal(history.versions.length, 1);
      assert.deepEqual(
        history.versions[0]!.paragraphs.reworded.map((r) => r.id),
        ['p-3'],
      );
      assert.match(history.versions[0]!.paragraphs.reworded[0]!.new, /（修订本）/);
      assert.ok(
        lines.some((l) => l.includes('changes since the committed version of a-74-36: 1 段改写')),
        lines.join('\n'),
      );
      const before = fs.readFileSync(join(out, 'changes', 'a-74-36.json'), 'utf8');
      run();
      convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: () => {}, force: true });
      assert.equal(fs.readFileSync(join(out, 'changes', 'a-74-36.json'), 'utf8'), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a rewording', () => {
  test('is shown as the changed span between shared context, cut with an ellipsis', () => {
    assert.deepEqual(rewording('发送了 723 份函件。', '发送了 725 份函件。'), { before: '发送了 72', removed: '3', added: '5', after: ' 份函件。' });
    assert.deepEqual(rewording('一二三四五六七八九十甲', '一二三四五六七八九十乙', 3), { before: '…八九十', removed: '甲', added: '乙', after: '' });
    assert.deepEqual(rewording('甲乙', '甲新乙'), { before: '甲', removed: '', added: '新', after: '乙' });
  });
});

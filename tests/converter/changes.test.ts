/** What changed between versions of a report: the pure diff, the history file, and the converter run that records it. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { changeSummary, diffReports, historySchema, nextHistory } from '../../scripts/model/changes.ts';
import { convertAll, type RunOptions } from '../../scripts/converter/run.ts';
import type { Block, Note, Report } from '../../scripts/model/schema.ts';
import { seedsDir } from '../helpers.ts';

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

describe('the history after a conversion', () => {
  const h = (json: string | undefined) => historySchema.parse(JSON.parse(json!));
  const base = { committedHistory: undefined, current: undefined, today: '2026-01-02' };
  test('a report not committed yet, or converted from its committed seed, has no change', () => {
    assert.equal(nextHistory({ ...base, committed: undefined, after: v2 }).json, undefined);
    assert.equal(nextHistory({ ...base, committed: JSON.stringify(v1), after: { ...v1, blocks: [] } }).json, undefined, 'same seed, converter change only');
  });
  test('an edited seed is one dated change against the committed model, however often it is converted', () => {
    const first = nextHistory({ ...base, committed: JSON.stringify(v1), after: v2 });
    assert.deepEqual(
      h(first.json).versions.map((v) => [v.date, `${v.from.sha256}→${v.to.sha256}`]),
      [['2026-01-02', 'a→b']],
    );
    const v3 = { ...v2, source: { ...v2.source, sha256: 'c' } };
    const again = nextHistory({ ...base, committed: JSON.stringify(v1), after: v3, current: first.json, today: '2026-01-05' });
    assert.deepEqual(
      h(again.json).versions.map((v) => `${v.from.sha256}→${v.to.sha256}`),
      ['a→c'],
    );
    const same = nextHistory({ ...base, committed: JSON.stringify(v1), after: v2, current: first.json, today: '2026-01-09' });
    assert.equal(same.json, first.json, 'the same change keeps the day it was first recorded');
  });
  test('the committed history stays under the new change, and alone when the seed is the committed one again', () => {
    const recorded = nextHistory({ ...base, committed: JSON.stringify(v1), after: v2 }).json;
    const v3 = { ...v2, source: { ...v2.source, sha256: 'c' }, blocks: [para(1, '改过。')] };
    const next = nextHistory({ ...base, committed: JSON.stringify(v2), committedHistory: recorded, after: v3 });
    assert.deepEqual(
      h(next.json).versions.map((v) => `${v.from.sha256}→${v.to.sha256}`),
      ['b→c', 'a→b'],
    );
    assert.equal(nextHistory({ ...base, committed: JSON.stringify(v2), committedHistory: recorded, after: v2, current: next.json }).json, recorded);
  });
});

/** A seed folder and its content in a git repository of their own, as a maintainer's clone has them. */
function repository() {
  const dir = fs.mkdtempSync(join(tmpdir(), 'changes-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
    });
  git('init', '-q');
  const seeds = join(dir, 'seeds');
  fs.mkdirSync(seeds);
  for (const f of fs.readdirSync(seedsDir)) fs.copyFileSync(join(seedsDir, f), join(seeds, f));
  return { dir, seeds, out: join(dir, 'content'), git };
}

describe('changes across a maintainer’s edits (a git repository of seeds and content)', () => {
  const realFs = { ...fs, join } as unknown as RunOptions['fs'];
  const seed = '001_deca3a15a9972238.txt';
  const slug = 'a-74-36';
  const phrase = '2018 年，人权高专办为庆祝';
  test('first build, edit, second edit, revert, removal, clean clone', () => {
    const { dir, seeds, out, git } = repository();
    try {
      const lines: string[] = [];
      const run = (content = out, today = '2026-03-04') => {
        lines.length = 0;
        return convertAll({ seedsDir: join(content, '..', 'seeds'), outDir: content, fs: realFs, log: (l) => lines.push(l), today });
      };
      const history = () =>
        fs.existsSync(join(out, 'changes', `${slug}.json`))
          ? historySchema.parse(JSON.parse(fs.readFileSync(join(out, 'changes', `${slug}.json`), 'utf8')))
          : undefined;
      const original = fs.readFileSync(join(seeds, seed), 'utf8');
      assert.ok(original.includes(phrase));

      // First build: nothing committed, nothing to compare with.
      run();
      assert.equal(history(), undefined);
      git('add', '-A');
      git('commit', '-qm', 'first');

      // An edit: one change against the committed version, dated, the earlier text kept.
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（修订本）为庆祝'));
      run();
      let h = history()!;
      assert.equal(h.versions.length, 1);
      assert.equal(h.versions[0]!.date, '2026-03-04');
      assert.deepEqual(
        h.versions[0]!.paragraphs.reworded.map((r) => r.id),
        ['p-3'],
      );
      assert.ok(h.versions[0]!.paragraphs.reworded[0]!.old.includes(phrase));
      assert.ok(lines.includes('  changes since the committed version of a-74-36: 1 段改写'), lines.join('\n'));

      // A second edit, days later: still one change, against the committed version, with both edits and its first date.
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（第二次修订）为庆祝'));
      run(out, '2026-03-09');
      h = history()!;
      assert.equal(h.versions.length, 1);
      assert.ok(h.versions[0]!.paragraphs.reworded[0]!.old.includes(phrase), 'measured against the committed text');
      assert.ok(h.versions[0]!.paragraphs.reworded[0]!.new.includes('（第二次修订）'));

      // A revert to the committed text: no change at all.
      fs.writeFileSync(join(seeds, seed), original);
      run();
      assert.equal(history(), undefined);
      assert.ok(lines.includes('  no changes since the committed version of a-74-36 (its seed is the committed one again)'), lines.join('\n'));
      assert.equal(git('status', '--porcelain'), '', 'the content is the committed content again');

      // An edit, committed: recorded in git; a clean clone shows that change and only that one.
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（修订本）为庆祝'));
      run();
      git('add', '-A');
      git('commit', '-qm', 'corrected version');
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（未提交的修改）为庆祝'));
      run();
      assert.equal(history()!.versions.length, 2, 'the uncommitted edit above the committed change');
      const clone = `${dir}-clone`;
      execFileSync('git', ['clone', '-q', dir, clone]);
      try {
        const cloneRun = convertAll({ seedsDir: join(clone, 'seeds'), outDir: join(clone, 'content'), fs: realFs, log: () => {}, today: '2027-01-01' });
        assert.equal(cloneRun.converted, 0, 'the committed content is fresh');
        const cloned = historySchema.parse(JSON.parse(fs.readFileSync(join(clone, 'content', 'changes', `${slug}.json`), 'utf8')));
        assert.deepEqual(
          cloned.versions.map((v) => [v.date, v.paragraphs.reworded[0]!.new.includes('（修订本）')]),
          [['2026-03-04', true]],
        );
        convertAll({ seedsDir: join(clone, 'seeds'), outDir: join(clone, 'content'), fs: realFs, log: () => {}, force: true, today: '2027-01-01' });
        assert.equal(execFileSync('git', ['-C', clone, 'status', '--porcelain'], { encoding: 'utf8' }), '', 'converting everything again changes nothing');
      } finally {
        fs.rmSync(clone, { recursive: true, force: true });
      }

      // A removal: the report and its history go, and the log says so.
      fs.rmSync(join(seeds, seed));
      const removed = run();
      assert.equal(history(), undefined);
      assert.equal(fs.existsSync(join(out, 'data', `${slug}.json`)), false);
      assert.deepEqual(
        removed.removed.map((r) => r.slug),
        [slug],
      );
      assert.ok(
        lines.some((l) => l.startsWith(`report removed: ${slug} (its seed ${seed} is no longer in`)),
        lines.join('\n'),
      );
      // Its manifest entry, left behind, is a counted warning.
      assert.equal(removed.warnings, removed.seeds.reduce((n, o) => n + o.warnings.length, 0) + 1);
      assert.deepEqual(removed.notices.length, 1);
      assert.match(removed.notices[0]!, new RegExp(`entry "${seed}" names no seed file.*\\[manifest-orphan\\]`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without git nothing is recorded and a history on disk is left as it is', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'changes-nogit-'));
    try {
      const seeds = join(dir, 'seeds');
      const out = join(dir, 'content');
      fs.mkdirSync(seeds);
      fs.copyFileSync(join(seedsDir, seed), join(seeds, seed));
      const run = () => convertAll({ seedsDir: seeds, outDir: out, fs: realFs, log: () => {}, published: null });
      run();
      const original = fs.readFileSync(join(seeds, seed), 'utf8');
      fs.writeFileSync(join(seeds, seed), original.replace(phrase, '2018 年，人权高专办（修订本）为庆祝'));
      run();
      assert.equal(fs.existsSync(join(out, 'changes')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

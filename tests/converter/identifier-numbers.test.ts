/**
 * Numbers that name something — a meeting, a session, an article, a paragraph, an agenda item, a
 * document — are not quantities: they are never figures, so never key figures
 * (docs/un-document-anatomy.md §9.1). The fixture `figures-identifiers-not-counted` is a
 * concluding observations in the treaty bodies' layout: meeting numbers in the opening sentence
 * (where a number scores as "introduction") beside the report's statistics.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { findMentions } from '../../scripts/converter/figures/mentions.ts';
import { convertSeed } from '../../scripts/converter/pipeline.ts';
import { root } from '../helpers.ts';

const fixture = `${root}tests/fixtures/figures-identifiers-not-counted/input.txt`;
const { report } = convertSeed('input.txt', readFileSync(fixture));
const figures = report.figures!;
const shown = (id: string) => {
  const v = figures.values.find((x) => x.id === id)!;
  return `${v.printed}${v.unit}${v.noun}`;
};
const counted = (text: string) => findMentions(text).map((m) => `${m.printed}${m.unit}`);

describe('numbers that name are not key figures', () => {
  test('the key figures of concluding observations are its statistics, not the meeting that adopted it', () => {
    assert.deepEqual(figures.headline.map(shown), ['12,450起投诉', '48所监狱']);
  });

  test('meeting, session, article, paragraph, agenda-item, resolution and record numbers are no figures at all', () => {
    assert.deepEqual(
      figures.values.map((v) => `${v.block} ${v.printed}${v.unit}`),
      ['p-3 12,450起', 'p-3 312起', 'p-5 48所', 'p-5 16个'],
    );
  });

  test('a later member of a list of meetings is a meeting number too, with or without its own 第', () => {
    assert.deepEqual(counted('在第1588次和1589次会议(见CRC/C/SR.1588和1589)上'), []);
    assert.deepEqual(counted('在第60和61次会议(见E/C.12/2017/SR.60和61)上'), []);
    assert.deepEqual(counted('在第 1227 次和第 1228 次会议 ( 见 CEDAW/C/SR.1227 和 1228 ) 上'), []);
    assert.deepEqual(counted('在第1707次和第1708次会议(见CRC/C/SR. 1707和1708)上'), []);
    assert.deepEqual(counted('在第2,801次至2,805次会议上'), []);
  });

  test('articles, paragraphs, agenda items, goals and reports listed after one 第 or label are not counted', () => {
    assert.deepEqual(counted('依照第10、11和12条以及第3至5段，在议程项目3和4下，目标 5、8 和 16。'), []);
    assert.deepEqual(counted('审议了第四和五次合并定期报告以及第五条(辰)项第(4)目。'), []);
  });

  test('the tally of a vote under a resolution is not counted', () => {
    assert.deepEqual(counted('第45次会议 [以记录表决方式，以28票对9票、10票弃权获得通过。]'), []);
    assert.deepEqual(counted('以45票赞成、0票反对、2票弃权获得通过；共有3,415起投诉。'), ['3,415起']);
  });

  test('a count joined to an ordinal is still a count: its measure word is not the ordinal’s mark', () => {
    assert.deepEqual(counted('委员会关切第3段和12,450起投诉，以及第2条和16个国家。'), ['12,450起', '16个']);
    assert.deepEqual(counted('委员会举行了12次会议，审议了35份报告，共有1,003件申诉。'), ['12次', '35份', '1,003件']);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docGroup, groupDocs } from '../../src/lib/docgroups.ts';
import { citedDocuments } from '../../src/lib/citations.ts';
import { loadReport, reportSlugs } from '../../src/lib/data.ts';

test('a symbol falls in the group of its organ, resolutions and treaty bodies first', () => {
  const group = (s: string) => docGroup(s, false).label;
  assert.equal(group('A/RES/48/141'), '大会决议');
  assert.equal(group('A/HRC/RES/38/18'), '人权理事会决议');
  assert.equal(group('S/RES/2391(2017)'), '安全理事会决议');
  assert.equal(group('E/C.12/2020/1'), '条约机构文件');
  assert.equal(group('CCPR/C/GC/37'), '条约机构文件');
  assert.equal(group('A/HRC/40/38/Add.1'), '人权理事会文件');
  assert.equal(group('A/78/131'), '大会文件');
  assert.equal(group('E/2016/58'), '经济及社会理事会文件');
  assert.equal(group('ST/SGB/2018/1'), '其他文件');
  assert.equal(docGroup('A/74/36', true).label, '本站收录的报告');
});

test('the 123 documents the four reports cite fall into seven groups, in index order', () => {
  const docs = citedDocuments(reportSlugs().map(loadReport));
  const groups = groupDocs(docs, () => false).map(({ group, docs }) => `${group.label} ${docs.length}`);
  assert.deepEqual(groups, ['大会决议 8', '人权理事会决议 13', '安全理事会决议 3', '条约机构文件 8', '人权理事会文件 64', '大会文件 26', '经济及社会理事会文件 1']);
  assert.equal(docs.length, 123); // one page each in dist/docs/
});

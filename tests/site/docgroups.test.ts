import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDoc, docGroup, groupDocs } from '../../src/lib/docgroups.ts';
import { parseInline } from '../../scripts/converter/inline.ts';
import { citedDocuments } from '../../scripts/model/citations.ts';
import { loadReport, reportSlugs } from '../../src/lib/data.ts';

test('a symbol falls in the group of its organ, resolutions and treaty bodies (by committee) first', () => {
  const group = (s: string) => docGroup(s, false).label;
  assert.equal(group('A/RES/48/141'), '大会决议');
  assert.equal(group('A/HRC/RES/38/18'), '人权理事会决议');
  assert.equal(group('S/RES/2391(2017)'), '安全理事会决议');
  assert.equal(group('E/C.12/2020/1'), '经济、社会及文化权利委员会（E/C.12）');
  assert.equal(group('CCPR/C/GC/37'), '人权事务委员会（CCPR）');
  assert.equal(group('A/HRC/40/38/Add.1'), '人权理事会文件');
  assert.equal(group('A/78/131'), '大会文件');
  assert.equal(group('E/2016/58'), '经济及社会理事会文件');
  assert.equal(group('ST/SGB/2018/1'), '其他文件');
  assert.equal(docGroup('A/74/36', true).label, '本站收录的报告');
});

test('the 123 documents the four reports cite fall into seven groups, in index order (their treaty-body documents are all E/C.12)', () => {
  const docs = citedDocuments(reportSlugs().map(loadReport));
  const groups = groupDocs(docs, () => false).map(({ group, docs }) => `${group.label} ${docs.length}`);
  assert.deepEqual(groups, [
    '大会决议 8',
    '人权理事会决议 13',
    '安全理事会决议 3',
    '经济、社会及文化权利委员会（E/C.12） 8',
    '人权理事会文件 64',
    '大会文件 26',
    '经济及社会理事会文件 1',
  ]);
  assert.equal(docs.length, 123); // one page each in dist/docs/
});

test('every symbol family cited in running text lands in its own group, committees apart', () => {
  const text = [
    '人权事务委员会（CCPR/C/GBR/CO/8，CCPR/C/SR.3900）、禁止酷刑委员会（CAT/C/KAZ/Q/4/Add.1，CAT/C/SR.1950和1951）、',
    '防范酷刑小组委员会（CAT/OP/MEX/R.1）、儿童权利委员会（CRC/C/KEN/6-7）、消除对妇女歧视委员会（CEDAW/C/PER/9）、',
    '经社文权利委员会（E/C.12/GC/25）、CERD/C/FRA/CO/22-23、CMW/C/MEX/CO/3、CED/C/COL/OAI/1、CRPD/C/GC/7、HRI/GEN/1/Rev.9；',
    '妇女地位委员会（E/CN.6/2023/3）、E/2019/22、A/HRC/40/3和Corr.1、A/78/131、S/2023/123、S/RES/2250(2015)；',
    '人权理事会第18/117号决定和第 38/18 号决议；大会第73/546号决定和第 48/141 号决议；经济及社会理事会第 2019/209 号决定。',
  ].join('');
  const symbols = parseInline(text, { links: [], defaultBody: 'A' }).flatMap((r) => (r.type === 'doc' ? [{ symbol: r.symbol }] : []));
  const groups = Object.fromEntries(groupDocs(symbols, () => false).map(({ group, docs }) => [group.id, docs.map((d) => d.symbol)]));
  assert.deepEqual(groups, {
    'ga-res': ['A/RES/48/141'],
    'hrc-res': ['A/HRC/RES/38/18'],
    'sc-res': ['S/RES/2250(2015)'],
    'ga-dec': ['A/DEC/73/546'],
    'hrc-dec': ['A/HRC/DEC/18/117'],
    'ecosoc-dec': ['E/DEC/2019/209'],
    ccpr: ['CCPR/C/GBR/CO/8', 'CCPR/C/SR.3900'],
    cescr: ['E/C.12/GC/25'],
    spt: ['CAT/OP/MEX/R.1'],
    cat: ['CAT/C/KAZ/Q/4/Add.1', 'CAT/C/SR.1950', 'CAT/C/SR.1951'],
    crc: ['CRC/C/KEN/6-7'],
    cedaw: ['CEDAW/C/PER/9'],
    cerd: ['CERD/C/FRA/CO/22-23'],
    cmw: ['CMW/C/MEX/CO/3'],
    ced: ['CED/C/COL/OAI/1'],
    crpd: ['CRPD/C/GC/7'],
    hri: ['HRI/GEN/1/Rev.9'],
    hrc: ['A/HRC/40/3', 'A/HRC/40/3/Corr.1'],
    ga: ['A/78/131'],
    sc: ['S/2023/123'],
    ecosoc: ['E/CN.6/2023/3', 'E/2019/22'],
  });
  const labels = groupDocs(symbols, () => false).map(({ group }) => group.label);
  assert.deepEqual(labels.slice(6, 12), [
    '人权事务委员会（CCPR）',
    '经济、社会及文化权利委员会（E/C.12）',
    '防范酷刑小组委员会（SPT）',
    '禁止酷刑委员会（CAT）',
    '儿童权利委员会（CRC）',
    '消除对妇女歧视委员会（CEDAW）',
  ]);
});

test('a document is named by its body and type; decisions, resolutions and summary records by name', () => {
  const said = (s: string) => Object.values(describeDoc(s)).filter(Boolean).join(' · ');
  assert.equal(said('A/HRC/DEC/18/117'), '人权理事会 · 决定 · 人权理事会第 18/117 号决定');
  assert.equal(said('A/DEC/73/546'), '大会 · 决定 · 大会第 73/546 号决定');
  assert.equal(said('S/RES/2250(2015)'), '安全理事会 · 决议 · 安全理事会第 2250(2015) 号决议');
  assert.equal(said('CAT/C/SR.1950'), '禁止酷刑委员会 · 简要记录 · 禁止酷刑委员会第 1950 次会议简要记录');
  assert.equal(said('A/HRC/40/SR.5'), '人权理事会 · 简要记录 · 人权理事会第 40 届会议第 5 次会议简要记录');
  assert.equal(said('CCPR/C/GBR/CO/8'), '人权事务委员会 · 结论性意见');
  assert.equal(said('CAT/C/KAZ/Q/4/Add.1'), '禁止酷刑委员会 · 问题清单增编');
  assert.equal(said('CRC/C/KEN/6-7'), '儿童权利委员会 · 缔约国报告');
  assert.equal(said('E/C.12/GC/25'), '经济、社会及文化权利委员会 · 一般性意见');
  assert.equal(said('A/HRC/40/3/Corr.1'), '人权理事会 · 更正');
  assert.equal(said('E/CN.6/2023/3'), '经济及社会理事会 · 文件');
  assert.equal(said('XYZ/1'), '文件');
});

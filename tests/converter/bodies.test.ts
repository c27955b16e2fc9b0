/** The body a symbol's series names: one table for the report's metadata and the document index. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { symbolBody } from '../../scripts/model/bodies.ts';
import { inferMeta } from '../../scripts/converter/metadata.ts';

test('each series names its body, the most specific prefix first', () => {
  const body = (s: string) => symbolBody(s)?.name;
  assert.equal(body('CCPR/C/GBR/CO/8'), '人权事务委员会');
  assert.equal(body('CAT/C/SR.1950'), '禁止酷刑委员会');
  assert.equal(body('CAT/OP/MEX/R.1'), '防范酷刑小组委员会');
  assert.equal(body('CRC/C/KEN/6-7'), '儿童权利委员会');
  assert.equal(body('CEDAW/C/PER/9'), '消除对妇女歧视委员会');
  assert.equal(body('E/C.12/GC/25'), '经济、社会及文化权利委员会');
  assert.equal(body('E/CN.6/2023/3'), '经济及社会理事会');
  assert.equal(body('A/HRC/DEC/18/117'), '人权理事会');
  assert.equal(body('A/DEC/73/546'), '大会');
  assert.equal(body('S/2023/123'), '安全理事会');
  assert.equal(body('XYZ/1'), undefined);
  assert.equal(body('CATS/1'), undefined);
});

test('a report whose only clue is a treaty-body symbol gets that committee as its body', () => {
  const { meta } = inferMeta({
    file: 'x.txt',
    front: { agendaItems: [], agendaTitles: [], symbols: [], title: '结论性意见' },
    headerSymbols: [
      { symbol: 'CCPR/C/GBR/CO/8', line: 30 },
      { symbol: 'CCPR/C/GBR/CO/8', line: 60 },
    ],
    coverEnd: 1,
    jobYears: [],
    blocks: [],
    notes: [],
    manifest: undefined,
  });
  assert.equal(meta.symbol, 'CCPR/C/GBR/CO/8');
  assert.equal(meta.body, '人权事务委员会');
  assert.equal(meta.sources.body, 'text');
});

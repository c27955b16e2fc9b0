/** The body a symbol's series names: one table for the report's metadata and the document index. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DELIBERATIVE_BODIES, symbolBody } from '../../scripts/model/bodies.ts';
import { inferMeta } from '../../scripts/converter/metadata.ts';
import { isOpener } from '../../scripts/converter/constructs/body-start.ts';
import { readFields, type FrontMeta } from '../../scripts/converter/constructs/cover-fields.ts';
import { preambleAfter } from '../../scripts/converter/constructs/preamble.ts';
import { newLedger } from '../../scripts/converter/ledger.ts';

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

test('every deliberative organ of the model is read alike by the cover, the preamble and the salutation (one list: 托管理事会 as 大会)', () => {
  assert.deepEqual(DELIBERATIVE_BODIES, ['人权理事会', '大会', '安全理事会', '经济及社会理事会', '托管理事会']);
  const cover = (text: string): FrontMeta => {
    const meta: FrontMeta = { agendaItems: [], agendaTitles: [], symbols: [] };
    assert.equal(readFields({ kind: 'line', no: 1, raw: text, text }, meta, newLedger()), undefined, `${text} is a cover field`);
    return meta;
  };
  for (const body of DELIBERATIVE_BODIES) {
    assert.equal(cover(body).body, body, `${body}: the cover's body line`);
    assert.equal(cover(`${body}决议`).author, `${body}决议`, `${body}决议: a resolution's series line`);
    assert.equal(cover(`${body}2023年12月19日通过的决定`).date, '2023-12-19', `${body}…通过的决定: the adoption line`);
    assert.ok(preambleAfter(false, { type: 'paragraph', text: `${body}，` } as Parameters<typeof preambleAfter>[1]), `${body}，opens a preamble`);
    assert.ok(isOpener(`${body}：`), `${body}：opens the body`);
  }
});

/**
 * Citations in running text (`scripts/converter/inline.ts`): every UN symbol series becomes a `doc`
 * node with its exact symbol, shortened lists and resolution or decision phrases are normalised
 * to symbols, and reading a long list costs time in proportion to its length.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSymbol, parseInline, type InlineContext } from '../../scripts/converter/inline.ts';
import type { Inline } from '../../scripts/model/schema.ts';

const ctx: InlineContext = { links: [], defaultBody: 'A' };

/** The documents a sentence cites, as `printed→symbol`. */
const cited = (text: string, context: InlineContext = ctx): string[] =>
  parseInline(text, context).flatMap((r) => (r.type === 'doc' ? [`${r.text}→${r.symbol}`] : []));

/** The printed text of the nodes, joined: parsing never loses or adds a character. */
const printed = (nodes: Inline[]): string => nodes.map((r) => (r.type === 'text' ? r.value : 'text' in r ? r.text : '')).join('');

describe('document symbols of every series', () => {
  test('treaty bodies: concluding observations, lists of issues, combined reports, state reports', () => {
    assert.deepEqual(cited('委员会在其结论性意见（CCPR/C/GBR/CO/8）中表示关切。'), ['CCPR/C/GBR/CO/8→CCPR/C/GBR/CO/8']);
    assert.deepEqual(cited('问题清单的增编见CAT/C/KAZ/Q/4/Add.1，答复见后文。'), ['CAT/C/KAZ/Q/4/Add.1→CAT/C/KAZ/Q/4/Add.1']);
    assert.deepEqual(cited('缔约国提交了合并定期报告(CRC/C/KEN/6-7)。'), ['CRC/C/KEN/6-7→CRC/C/KEN/6-7']);
    assert.deepEqual(cited('第九次定期报告CEDAW/C/PER/9已于去年审议。'), ['CEDAW/C/PER/9→CEDAW/C/PER/9']);
    assert.deepEqual(cited('见CERD/C/FRA/CO/22-23、CMW/C/MEX/CO/3、CED/C/COL/OAI/1和CRPD/C/GC/7。'), [
      'CERD/C/FRA/CO/22-23→CERD/C/FRA/CO/22-23',
      'CMW/C/MEX/CO/3→CMW/C/MEX/CO/3',
      'CED/C/COL/OAI/1→CED/C/COL/OAI/1',
      'CRPD/C/GC/7→CRPD/C/GC/7',
    ]);
    assert.deepEqual(cited('一般性意见E/C.12/GC/25.'), ['E/C.12/GC/25→E/C.12/GC/25']);
    assert.deepEqual(cited('小组委员会的访问报告（CAT/OP/MEX/R.1）'), ['CAT/OP/MEX/R.1→CAT/OP/MEX/R.1']);
  });

  test('summary records, and a shortened list of meetings', () => {
    assert.deepEqual(cited('审议情况见CCPR/C/SR.3900。'), ['CCPR/C/SR.3900→CCPR/C/SR.3900']);
    assert.deepEqual(cited('委员会在第1950和1951次会议(CAT/C/SR.1950和1951)上审议了报告。'), ['CAT/C/SR.1950→CAT/C/SR.1950', '1951→CAT/C/SR.1951']);
    assert.deepEqual(cited('见CRC/C/SR.2700、2701和2702。'), ['CRC/C/SR.2700→CRC/C/SR.2700', '2701→CRC/C/SR.2701', '2702→CRC/C/SR.2702']);
  });

  test('a number after a summary record that is a year, a count or an earlier meeting stays text', () => {
    assert.deepEqual(cited('见CAT/C/SR.1950和2019年的报告。'), ['CAT/C/SR.1950→CAT/C/SR.1950']);
    assert.deepEqual(cited('见CAT/C/SR.1950和12段。'), ['CAT/C/SR.1950→CAT/C/SR.1950']);
    assert.deepEqual(cited('见CAT/C/SR.1950和1949。'), ['CAT/C/SR.1950→CAT/C/SR.1950']);
    assert.deepEqual(cited('A/HRC/40/3和1951'), ['A/HRC/40/3→A/HRC/40/3']);
  });

  test('ECOSOC and its subsidiary bodies', () => {
    assert.deepEqual(cited('妇女地位委员会收到了秘书长的报告（E/CN.6/2023/3）。'), ['E/CN.6/2023/3→E/CN.6/2023/3']);
    assert.deepEqual(cited('委员会的年度报告E/2019/22载有这些意见。'), ['E/2019/22→E/2019/22']);
    assert.deepEqual(cited('见E/CN.4/Sub.2/2005/9。'), ['E/CN.4/Sub.2/2005/9→E/CN.4/Sub.2/2005/9']);
  });

  test('corrigenda and addenda printed after the symbol they belong to', () => {
    assert.deepEqual(cited('见A/HRC/40/3和Corr.1。'), ['A/HRC/40/3→A/HRC/40/3', 'Corr.1→A/HRC/40/3/Corr.1']);
    assert.deepEqual(cited('见A/HRC/40/3/Add.1和Add.2。'), ['A/HRC/40/3/Add.1→A/HRC/40/3/Add.1', 'Add.2→A/HRC/40/3/Add.2']);
    assert.deepEqual(cited('见A/78/131及Add.1、Corr.1.'), ['A/78/131→A/78/131', 'Add.1→A/78/131/Add.1', 'Corr.1→A/78/131/Add.1/Corr.1']);
    assert.deepEqual(cited('A/HRC/54/67 和 A/HRC/54/67/Corr.1。'), ['A/HRC/54/67→A/HRC/54/67', 'A/HRC/54/67/Corr.1→A/HRC/54/67/Corr.1']);
  });

  test('Security Council documents and resolutions, with or without a space before the year', () => {
    assert.deepEqual(cited('安理会主席收到了一封信（S/2023/123）。'), ['S/2023/123→S/2023/123']);
    assert.deepEqual(cited('安全理事会第S/RES/2250(2015)号'), ['S/RES/2250(2015)→S/RES/2250(2015)']);
    assert.deepEqual(cited('见S/RES/2250 (2015)。'), ['S/RES/2250 (2015)→S/RES/2250(2015)']);
    assert.deepEqual(cited('见S/RES/2250（2015）。'), ['S/RES/2250→S/RES/2250']);
  });

  test('a symbol ends before a dash or bracket that is not part of it', () => {
    assert.deepEqual(cited('A/HRC/40/3-A/HRC/40/5'), ['A/HRC/40/3→A/HRC/40/3', 'A/HRC/40/5→A/HRC/40/5']);
    assert.deepEqual(cited('(见A/HRC/40/3)'), ['A/HRC/40/3→A/HRC/40/3']);
    assert.deepEqual(cited('A/HRC/40/3(a)段'), ['A/HRC/40/3→A/HRC/40/3']);
  });

  test('letters and slashes that are not a UN symbol stay text', () => {
    for (const text of ['A/B 测试', 'CAT/DOG', 'XCCPR/C/GC/37', 'CCPR/c/gc/37', 'E/', 'CAT/C/SR.', 'http/1.1', 'AS/2020/1']) {
      assert.deepEqual(cited(text), [], text);
    }
    assert.equal(isSymbol('CCPR/C/GC/37'), true);
    assert.equal(isSymbol('CRC/C/KEN/6-7'), true);
    assert.equal(isSymbol('A/HRC/RES/S-30/1'), true);
    assert.equal(isSymbol('A/HRC/40/3/xyz'), false);
  });

  test('the printed text is kept exactly', () => {
    const text = '见CAT/C/SR.1950和1951、A/HRC/40/3和Corr.1，以及人权理事会第 18/117 号决定和S/RES/2250 (2015)。';
    assert.equal(printed(parseInline(text, ctx)), text);
  });
});

describe('resolutions and decisions named by their body', () => {
  test('decisions of the Human Rights Council, the General Assembly and ECOSOC', () => {
    assert.deepEqual(cited('根据人权理事会第18/117号决定，秘书处编写了本报告。'), ['18/117→A/HRC/DEC/18/117']);
    assert.deepEqual(cited('大会第73/546号决定决定推迟审议。'), ['73/546→A/DEC/73/546']);
    assert.deepEqual(cited('经济及社会理事会第 2019/209 号决定'), ['2019/209→E/DEC/2019/209']);
    assert.deepEqual(cited('理事会第 1/102 和 2/102 号决定'), ['1/102→A/HRC/DEC/1/102', '2/102→A/HRC/DEC/2/102']);
    assert.deepEqual(cited('第 5/1 号决定', { links: [], defaultBody: 'A/HRC' }), ['5/1→A/HRC/DEC/5/1']);
  });

  test('resolutions as before, and resolutions of special sessions', () => {
    assert.deepEqual(cited('大会第 48/141 号决议'), ['48/141→A/RES/48/141']);
    assert.deepEqual(cited('人权理事会第 26/2 号和第 36/17 号决议'), ['26/2→A/HRC/RES/26/2', '36/17→A/HRC/RES/36/17']);
    assert.deepEqual(cited('安全理事会第 2391(2017)号决议'), ['2391(2017)→S/RES/2391(2017)']);
    assert.deepEqual(cited('大会第 217(III)号决议'), ['217(III)→A/RES/217(III)']);
    assert.deepEqual(cited('见大会第217 A(III)号决议。'), ['217 A(III)→A/RES/217(III)']);
    assert.deepEqual(cited('人权理事会第S-30/1号决议'), ['S-30/1→A/HRC/RES/S-30/1']);
    assert.deepEqual(cited('经社理事会第 2019/12 号决议'), ['2019/12→E/RES/2019/12']);
  });

  test('each number follows the body named nearest before it, across dates and joiners', () => {
    assert.deepEqual(cited('铭记大会2006年3月15日第60/251号和2007年12月22日第62/219号决议'), ['60/251→A/RES/60/251', '62/219→A/RES/62/219']);
    assert.deepEqual(cited('回顾人权委员会第2003/12号决议和人权理事会第7/9号决议'), ['2003/12→E/CN.4/RES/2003/12', '7/9→A/HRC/RES/7/9']);
    assert.deepEqual(cited('大会第59/191号、人权理事会2007年12月14日第6/28号和第15/15号决议'), [
      '59/191→A/RES/59/191',
      '6/28→A/HRC/RES/6/28',
      '15/15→A/HRC/RES/15/15',
    ]);
  });

  test('a number printed with a year is the Economic and Social Council’s after 理事会, and text where the body disagrees', () => {
    assert.deepEqual(cited('理事会1990年5月25日第1990/252号决定'), ['1990/252→E/DEC/1990/252']);
    assert.deepEqual(cited('第2005/1号决议'), []);
    assert.deepEqual(cited('大会第2005/1号决议'), []);
  });

  test('a Security Council “decision” and numbers without 号决议 or 号决定 stay text', () => {
    assert.deepEqual(cited('安全理事会第 2391(2017)号决定'), []);
    assert.deepEqual(cited('第 48/141 号文件'), []);
    assert.deepEqual(cited('第 48/141 和 49/1 号报告'), []);
  });
});

describe('time is linear in the text', () => {
  /** A list of numbers joined by 和 and 、 with runs of spaces, never closed by 号决议. */
  const list = (count: number): string =>
    '第 ' +
    Array.from({ length: count }, (_, i) => `${(i % 90) + 1}/${(i % 80) + 2}   `)
      .map((s, i) => (i === 0 ? s : `${i % 2 ? '和' : '、'}   ${s}`))
      .join('') +
    ' 报告';

  test('a 400-byte list of numbers with spaces and no 号决议 converts in well under a second', () => {
    const text = list(30);
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes > 350 && bytes < 450, `${bytes} bytes`);
    const start = performance.now();
    assert.deepEqual(cited(text), []);
    assert.ok(performance.now() - start < 250, `${(performance.now() - start).toFixed(0)} ms`);
  });

  test('a list eight times as long takes about eight times as long, not sixty-four', () => {
    /** The fastest of fifteen runs over the same text, in ms: the least disturbed by other work. */
    const fastest = (text: string): number => {
      let best = Infinity;
      for (let i = 0; i < 15; i += 1) {
        const start = performance.now();
        parseInline(text, ctx);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    // Sizes small enough (12 KB and 94 KB) that both stay in the processor's cache.
    const short = list(1_000);
    const long = list(8_000);
    fastest(long); // compile the code and the patterns first
    const ratio = fastest(long) / fastest(short);
    assert.ok(ratio > 2 && ratio < 24, `8× the input took ${ratio.toFixed(1)}× the time`);
  });
});

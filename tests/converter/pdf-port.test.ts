/**
 * The port joining pdf.js's two halves in the reader's thread (scripts/converter/readers/pdf-port.ts)
 * hands messages over without copying them, but a stream's chunk is read as it was when posted:
 * pdf.js's worker side empties or replaces a chunk's arrays once it has posted it (the text
 * content's items, the operator list's arrays), and a page's text must not lose them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SharedPort } from '../../scripts/converter/readers/pdf-port.ts';

/** Every message the port delivers, once the deliveries queued so far have run. */
async function received(port: SharedPort, post: () => void): Promise<unknown[]> {
  const got: unknown[] = [];
  port.addEventListener('message', (event) => got.push(event.data));
  post();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return got;
}

test('a chunk is delivered as posted, though the sender empties its arrays right after posting', async () => {
  const port = new SharedPort();
  const chunk = { items: ['第 1 段', '第 2 段'], fnArray: [1, 2, 3], styles: { f1: { fontFamily: 'serif' } } };
  const got = await received(port, () => {
    port.postMessage({ stream: 4, chunk });
    // What pdf.js does after posting: the operator list's arrays emptied in place, the text content's replaced.
    chunk.fnArray.length = 0;
    chunk.items.length = 0;
    chunk.items = ['第 3 段'];
  });
  const [message] = got as { chunk: typeof chunk }[];
  assert.deepEqual(message!.chunk.items, ['第 1 段', '第 2 段']);
  assert.deepEqual(message!.chunk.fnArray, [1, 2, 3]);
  assert.equal(message!.chunk.styles, chunk.styles, 'the chunk is copied one level deep, not cloned');
});

test('any other message is handed over as it is, later and in the order posted', async () => {
  const port = new SharedPort();
  const font = { action: 'commonobj', data: ['g_d0_f1', 'Font', { name: 'AAAAAA+NotoSerifCJKsc-Bold' }] };
  const after = { action: 'ready' };
  const got: unknown[] = [];
  port.addEventListener('message', (event) => got.push(event.data));
  port.postMessage(font);
  port.postMessage(after);
  assert.equal(got.length, 0, 'delivered later, as a port does, not during the post');
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(got.length, 2);
  assert.equal(got[0], font, 'not copied');
  assert.equal(got[1], after);
});

test('a listener removed, or the port terminated, receives nothing more', async () => {
  const port = new SharedPort();
  const got: unknown[] = [];
  const listener = (event: { data: unknown }) => got.push(event.data);
  port.addEventListener('message', listener);
  port.removeEventListener('message', listener);
  port.postMessage({ action: 'one' });
  port.addEventListener('message', listener);
  port.terminate();
  port.postMessage({ action: 'two' });
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(got, []);
});

/** Deflating the offline zip's files on worker threads: the same bytes as in-process, and no thread keeps a finished build alive. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { deflateSync, inflateSync } from 'fflate';
import { deflatePool } from '../../scripts/zip/deflate-pool.ts';

test('threads give byte for byte what fflate gives in-process, for many files at once, and leave the callers’ bytes alone', async () => {
  const pool = deflatePool(2);
  // Small Buffers share one pooled ArrayBuffer: each must travel as its own bytes.
  const inputs = Array.from({ length: 40 }, (_, i) => Buffer.from(`第${i}段：${'人权报告'.repeat(i * 50)}`));
  const before = inputs.map((b) => Buffer.from(b));
  const deflated = await Promise.all(inputs.map((data, i) => pool.deflate(data, i % 2 ? 6 : 9)));
  deflated.forEach((d, i) => {
    assert.deepEqual(d, deflateSync(before[i]!, { level: i % 2 ? 6 : 9 }));
    assert.deepEqual(Buffer.from(inflateSync(d)), before[i]);
  });
  assert.deepEqual(inputs, before);
});

test('an idle pool does not keep the process alive', () => {
  const script = `import { deflatePool } from ${JSON.stringify(new URL('../../scripts/zip/deflate-pool.ts', import.meta.url).href)};
const d = await deflatePool(2).deflate(new Uint8Array(1000), 6);
console.log(d.length);`;
  // Would hang (and time out) if a thread stayed referenced after its last job.
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.match(out, /^\d+\n$/);
});

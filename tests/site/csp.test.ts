/** The Content-Security-Policy options: strict directives, and every inline script of src/ hashed. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CSP_DIRECTIVES, inlineScriptHashes, scriptHash, SCRIPT_RESOURCES } from '../../src/lib/csp.ts';

const { default: config } = await import('../../astro.config.mjs');

test('the site config turns on the CSP with our directives, script sources and inline-script hashes', () => {
  const csp = config.security?.csp;
  assert.ok(csp && typeof csp === 'object');
  assert.deepEqual(csp.directives, [...CSP_DIRECTIVES]);
  assert.deepEqual(csp.scriptDirective?.resources, ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp.scriptDirective?.hashes, inlineScriptHashes(join(process.cwd(), 'src')));
  assert.deepEqual([...SCRIPT_RESOURCES], ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(!CSP_DIRECTIVES.some((d) => /unsafe|\*|https?:/.test(d)));
});

test('the copy-citation script of the report page is among the hashes, hashed over its exact text', () => {
  const page = readFileSync(join(process.cwd(), 'src/pages/reports/[slug].astro'), 'utf8');
  const code = /<script is:inline>([\s\S]*?)<\/script>/.exec(page)![1]!;
  assert.ok(inlineScriptHashes(join(process.cwd(), 'src')).includes(scriptHash(code)));
});

test('hashes are the CSP form of SHA-256 (base64), and JSON or define:vars scripts are handled', () => {
  assert.equal(scriptHash('alert(1)'), 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
  const dir = mkdtempSync(join(tmpdir(), 'csp-src-'));
  writeFileSync(join(dir, 'a.astro'), '<script is:inline>run()</script><script type="application/ld+json" is:inline>{}</script><script>bundled()</script>');
  assert.deepEqual(inlineScriptHashes(dir), [scriptHash('run()')]);
  writeFileSync(join(dir, 'b.astro'), '<script is:inline define:vars={{ x }}>run(x)</script>');
  assert.throws(() => inlineScriptHashes(dir), /b\.astro: <script define:vars> cannot be hashed/);
});

/** Every command line parses its flags strictly: a misspelt flag is an error naming it, and nothing runs. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from './helpers.ts';

const CLIS = [
  'scripts/build.ts',
  'scripts/convert.ts',
  'scripts/check.ts',
  'scripts/check-links.ts',
  'scripts/bench/bench.ts',
  'scripts/bench/bench-search.ts',
  'scripts/offline-zip.ts',
  'scripts/bench/page-weight.ts',
  'scripts/search/pagefind.ts',
  'tests/pinned.ts',
  'tests/hostile/site.ts',
];

for (const cli of CLIS) {
  test(`${cli} refuses an unknown flag, naming it, with its usage`, () => {
    const run = spawnSync(process.execPath, [join(root, cli), '--froce'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /✗ Unknown option '--froce'/);
    assert.match(run.stderr, /usage: /);
    assert.equal(run.stdout, '', 'nothing ran');
  });
}

for (const cli of CLIS) {
  test(`${cli} --help prints its usage and flags and exits 0`, () => {
    const run = spawnSync(process.execPath, [join(root, cli), '--help'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^usage: /);
    assert.doesNotMatch(run.stderr, /Unknown option/);
  });
}

test('npm run build -- --help lists every flag with what it does', () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--help'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  for (const flag of ['--force', '--dist <value>', '--zip <value>', '--seeds <value>', '--cache <value>', '--fail-after <value>', '--json <value>']) {
    assert.ok(run.stdout.includes(flag), `${flag} in\n${run.stdout}`);
  }
  assert.match(run.stdout, /--force\s+ignore every cache/);
});

test('a flag without its value and a stray argument are errors too', () => {
  const missing = spawnSync(process.execPath, [join(root, 'scripts/build.ts'), '--dist'], { cwd: root, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--dist/);
  const stray = spawnSync(process.execPath, [join(root, 'scripts/convert.ts'), 'seeds'], { cwd: root, encoding: 'utf8' });
  assert.equal(stray.status, 2);
  assert.match(stray.stderr, /unexpected argument 'seeds'/i);
});

/** Every command line parses its flags strictly: a misspelt flag is an error naming it, and nothing runs. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers.ts';

const CLIS = [
  'scripts/commands/build.ts',
  'scripts/commands/convert.ts',
  'scripts/commands/check.ts',
  'scripts/commands/check-links.ts',
  'scripts/bench/bench.ts',
  'scripts/bench/bench-search.ts',
  'scripts/zip/offline-zip.ts',
  'scripts/bench/page-weight.ts',
  'scripts/search/pagefind.ts',
  'tests/pinned.ts',
  'tests/hostile/site.ts',
  'tests/scale/site.ts',
  'tests/changes/site.ts',
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
  const run = spawnSync(process.execPath, [join(root, 'scripts/commands/build.ts'), '--help'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  for (const flag of ['--force', '--dist DIR', '--zip FILE', '--seeds DIR', '--cache DIR', '--today DATE', '--fail-after STEP', '--json FILE']) {
    assert.ok(run.stdout.includes(flag), `${flag} in\n${run.stdout}`);
  }
  assert.match(run.stdout, /--force\s+ignore every cache/);
});

test('--today takes only a real day written YYYY-MM-DD (build and convert): anything else is an error naming it, and nothing runs', () => {
  for (const cli of ['scripts/commands/build.ts', 'scripts/commands/convert.ts']) {
    for (const day of ['2026-02-30', '4.3.2026']) {
      const run = spawnSync(process.execPath, [join(root, cli), '--today', day], { cwd: root, encoding: 'utf8' });
      assert.equal(run.status, 2, `${cli} --today ${day}: ${run.stderr}`);
      assert.match(run.stderr, new RegExp(`✗ --today ${day.replaceAll('.', '\\.')}: expected a day written YYYY-MM-DD`));
      assert.equal(run.stdout, '', 'nothing ran');
    }
  }
});

test('a flag without its value and a stray argument are errors too', () => {
  const missing = spawnSync(process.execPath, [join(root, 'scripts/commands/build.ts'), '--dist'], { cwd: root, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--dist/);
  const stray = spawnSync(process.execPath, [join(root, 'scripts/commands/convert.ts'), 'seeds'], { cwd: root, encoding: 'utf8' });
  assert.equal(stray.status, 2);
  assert.match(stray.stderr, /unexpected argument 'seeds'/i);
});

test('npm run convert -- --help prints every flag and what it does, and converts nothing', () => {
  const before = projectContent();
  const run = spawnSync(process.execPath, [join(root, 'scripts/commands/convert.ts'), '--help'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^usage: npm run convert/);
  for (const flag of ['--seeds DIR', '--out DIR', '--check', '--force', '--strict', '--quiet', '--help']) assert.match(run.stdout, new RegExp(flag));
  assert.match(run.stdout, /content\/ beside the seeds folder/);
  assert.equal(projectContent(), before);
});

/** The project's own content/: its index and the names of its models. */
function projectContent(): string {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return '(none)';
  return `${readFileSync(join(dir, 'index.json'), 'utf8')}\n${readdirSync(join(dir, 'reports')).sort().join('\n')}`;
}

test('convert --seeds DIR without --out writes content/ beside DIR, as the build does, and leaves the project content/ untouched', () => {
  const trial = mkdtempSync(join(tmpdir(), 'trial-'));
  try {
    mkdirSync(join(trial, 'seeds'));
    writeFileSync(join(trial, 'seeds', 'trial.txt'), '关于某一专题的报告\n\n1. 这是第一段的文字。\n\n2. 这是第二段的文字。\n');
    const before = projectContent();
    const run = spawnSync(process.execPath, [join(root, 'scripts/commands/convert.ts'), '--seeds', join(trial, 'seeds'), '--quiet'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(join(trial, 'content', 'reports')), ['trial.mdx']);
    assert.equal(projectContent(), before);
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
});

test('convert refuses a seeds folder inside the project whose neighbour is the project content/, unless --out names the target', () => {
  const trial = mkdtempSync(join(root, '.trial-seeds-'));
  try {
    writeFileSync(join(trial, 'trial.txt'), '关于某一专题的报告\n\n1. 这是第一段的文字。\n');
    const before = projectContent();
    const run = spawnSync(process.execPath, [join(root, 'scripts/commands/convert.ts'), '--seeds', trial], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /project's own content\//);
    assert.match(run.stderr, /--out /);
    assert.equal(run.stdout, '', 'nothing ran');
    assert.equal(projectContent(), before);
  } finally {
    rmSync(trial, { recursive: true, force: true });
  }
});

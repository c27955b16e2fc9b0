/**
 * `npm run verify:reproducible`: build twice from the same seeds into two temporary folders
 * and compare every file by hash (the site and the offline zip). Exits 1 naming the files
 * that differ, with the first differing line of each, so the nondeterminism can be found.
 * The second build runs with `--force` (no convert or Astro cache), so a cached result
 * cannot hide a difference.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffHashes, treeHashes } from '../tasks/tree.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'un-hr-repro-'));
const zipHash = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'none');

try {
  const builds = ['a', 'b'].map((name, i) => {
    const dist = join(tmp, name, 'dist');
    const zip = join(tmp, name, 'offline.zip');
    console.log(`build ${name}${i ? ' (--force)' : ''} → ${dist}`);
    execFileSync(process.execPath, [join(root, 'scripts', 'commands', 'build.ts'), '--dist', dist, '--zip', zip, ...(i ? ['--force'] : [])], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: '1' },
    });
    const files = treeHashes(dist);
    files.set('(offline zip)', zipHash(zip));
    return { dist, files };
  });
  const [a, b] = builds as [(typeof builds)[0], (typeof builds)[0]];
  const differing = diffHashes(a.files, b.files);
  if (differing.length) {
    console.error(`${differing.length} of ${a.files.size} files differ between two builds from the same seeds:`);
    for (const path of differing.slice(0, 20)) {
      const read = (dist: string) => (existsSync(join(dist, path)) ? readFileSync(join(dist, path), 'utf8').split('\n') : []);
      const [la, lb] = [read(a.dist), read(b.dist)];
      const line = la.findIndex((l, i) => l !== lb[i]);
      console.error(`  ${path}${line >= 0 ? ` line ${line + 1}:\n    a: ${la[line]?.slice(0, 160)}\n    b: ${lb[line]?.slice(0, 160)}` : ''}`);
    }
    process.exitCode = 1;
  } else
    console.log(
      `reproducible: ${a.files.size - 1} files and the offline zip (${a.files.get('(offline zip)') === 'none' ? 'not built yet' : 'identical'}) are byte-identical across two builds`,
    );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

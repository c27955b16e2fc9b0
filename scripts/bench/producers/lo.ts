/**
 * LibreOffice (Debian's libreoffice-writer-nogui, headless) converting a Word document: to PDF
 * (the second PDF producer) or to Word 97–2003 `.doc`. Each conversion runs in its own profile
 * folder, so parallel runs and a user's LibreOffice do not meet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function libreOffice(input: Buffer, from: string, to: 'pdf' | 'doc'): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'lo-'));
  try {
    const file = join(dir, `in.${from}`);
    writeFileSync(file, input);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to === 'doc' ? 'doc:MS Word 97' : 'pdf', '--outdir', dir, file],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    return readFileSync(join(dir, `in.${to}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

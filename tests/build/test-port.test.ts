/**
 * `npm test`'s browser tests never fail minutes in because a fixed port is taken: without
 * E2E_PORT the config picks a free port (and the workers agree on it); with E2E_PORT set to a
 * port in use, loading the config fails at once, naming the variable.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers.ts';

const LOAD = `const c = (await import(${JSON.stringify(join(root, 'playwright.config.ts'))})).default; console.log(JSON.stringify({ url: c.use.baseURL, command: c.webServer.command, env: process.env.E2E_PORT }));`;

function loadConfig(env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', LOAD], { cwd: root, encoding: 'utf8', env });
}

/** Hold a port (the one the old config used, or any if that one is already held by someone else). */
async function hold(port: number): Promise<{ server: Server; port: number }> {
  const listen = (p: number) =>
    new Promise<Server | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(p, '127.0.0.1', () => resolve(server));
    });
  const server = (await listen(port)) ?? (await listen(0))!;
  return { server, port: (server.address() as { port: number }).port };
}

test('with 4329 taken and no E2E_PORT, the browser tests use a free port, server and pages alike', async () => {
  const held = await hold(4329);
  try {
    const env = { ...process.env };
    delete env.E2E_PORT;
    delete env.E2E_PORT_CHOSEN;
    const run = loadConfig(env);
    assert.equal(run.status, 0, run.stderr);
    const { url, command, env: chosen } = JSON.parse(run.stdout) as { url: string; command: string; env: string };
    const port = Number(new URL(url).port);
    assert.notEqual(port, 4329);
    assert.ok(command.includes(`--port ${port} `), command);
    assert.equal(chosen, String(port), 'the workers inherit the chosen port');
    const free = await hold(port);
    assert.equal(free.port, port, 'the chosen port is free');
    free.server.close();
  } finally {
    held.server.close();
  }
});

test('an E2E_PORT in use is an error at once that names E2E_PORT', async () => {
  const held = await hold(0);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: String(held.port) };
    delete env.E2E_PORT_CHOSEN;
    const run = loadConfig(env);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, new RegExp(`port ${held.port} \\(E2E_PORT\\) is in use`));
  } finally {
    held.server.close();
  }
});

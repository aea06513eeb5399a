import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The supervisor (`npm start`) only spawns and watches the host: what it loads stays in its memory
// for as long as the system runs. Every module its start-up imports is listed (a resolve hook, as
// in bench/module-count.ts) by starting it with a bad DTI_LAYOUT: the imports are all loaded, then
// the configuration is refused before anything is launched.
const HOOK = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
import { writeSync } from 'node:fs';
const seen = new Set();
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.add(r.url); return r; } });
process.on('exit', () => writeSync(1, JSON.stringify([...seen]) + '\\n'));
`)}`;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** What the supervisor may load: Node's own modules, zod (configuration), and its own small modules. */
const ALLOWED = [
  /^node:/,
  /\/node_modules\/zod\//,
  /\/scripts\/start\.ts$/,
  /\/lib\/launcher\/(index|restart|service|idle-gc|ports)\.ts$/,
  /\/lib\/config\/index\.ts$/,
  /\/lib\/topology\/index\.ts$/,
  /\/lib\/access\/gateway-keys\.ts$/,
];

describe('the supervisor of npm start', () => {
  it('imports only what it needs to spawn and watch: no GraphQL, no access barrel, no server or tracing libraries', () => {
    const run = spawnSync(process.execPath, ['--import', HOOK, 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, DTI_LAYOUT: 'no-such-layout', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toContain('DTI_LAYOUT');
    const loaded = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    expect(loaded).toContain(new URL('lib/launcher/index.ts', new URL(`file://${ROOT}`)).href);
    expect(loaded.filter((url) => !ALLOWED.some((re) => re.test(url)))).toEqual([]);
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_URL, loadCatalogue } from '../catalogue.ts';
import { openCatalogueStore } from '../catalogue-store.ts';
import { dtiScore } from '../score.ts';

const builtIn = loadCatalogue();
const raw = JSON.parse(readFileSync(CATALOGUE_URL, 'utf8')) as Record<string, unknown>;

/** A version file: the committed catalogue under a new version string, with points for 405 filled in. */
function versionFile(version: string, from: number, patch: (c: Record<string, unknown>) => void = () => undefined): string {
  const catalogue = structuredClone(raw);
  catalogue['version'] = version;
  patch(catalogue);
  return JSON.stringify({ citation: 'Hướng dẫn 405/QĐ-BKHCN (test)', effectiveYears: { from, to: null }, catalogue });
}

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dti-catalogue-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('catalogue versions', () => {
  it('loads a valid version, keeps the built-in one, and scores each year with the version governing it', () => {
    const store = openCatalogueStore({ dir: null, builtIn, builtInCitation: 'built in' });
    const v = store.load(versionFile('2026-01-10', 2025));
    expect(v).toMatchObject({ version: '2026-01-10', effectiveFrom: 2025, builtIn: false });
    expect(store.versions().map((x) => x.version)).toEqual([builtIn.version, '2026-01-10']);
    expect(store.forYear(2024).builtIn).toBe(true);
    expect(store.forYear(2025).version).toBe('2026-01-10');
    expect(store.latest().version).toBe('2026-01-10');
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no citation', JSON.stringify({ effectiveYears: { from: 2025 }, catalogue: raw }), /malformed at citation/],
    ['years reversed', JSON.stringify({ citation: 'x', effectiveYears: { from: 2026, to: 2025 }, catalogue: raw }), /effectiveYears/],
    ['catalogue off schema', versionFile('bad', 2025, (c) => { c['methodologies'] = []; }), /fails the catalogue schema/],
    ['cross-reference broken', versionFile('bad2', 2025, (c) => {
      const inputs = c['inputs'] as Array<Record<string, unknown>>;
      inputs[0] = { ...inputs[0], feeds: ['922-M-99'] };
    }), /unknown main indicator/],
  ])('rejects a malformed version (%s) with BAD_USER_INPUT and keeps the old one in force', (_, file, message) => {
    const store = openCatalogueStore({ dir: null, builtIn, builtInCitation: 'built in' });
    expect(() => store.load(file)).toThrow(message);
    try {
      store.load(file);
    } catch (e: unknown) {
      expect((e as { code?: string }).code).toBe('BAD_USER_INPUT');
    }
    expect(store.versions()).toHaveLength(1);
    expect(store.forYear(2025).builtIn).toBe(true);
  });

  it('rejects a conflicting version (same version string, or same start year) with CONFLICT', () => {
    const store = openCatalogueStore({ dir: null, builtIn, builtInCitation: 'built in' });
    store.load(versionFile('2026-01-10', 2025));
    expect(() => store.load(versionFile(builtIn.version, 2026))).toThrow(/already loaded/);
    expect(() => store.load(versionFile('2026-02-01', 2025))).toThrow(/already takes effect from 2025/);
    try {
      store.load(versionFile('2026-02-01', 2025));
    } catch (e: unknown) {
      expect((e as { code?: string }).code).toBe('CONFLICT');
    }
    expect(store.versions().map((v) => v.version)).toEqual([builtIn.version, '2026-01-10']);
  });

  it('writes versions atomically to its folder and reads them back at start; every version kept', () => {
    const dir = tempDir();
    const first = openCatalogueStore({ dir, builtIn, builtInCitation: 'built in' });
    first.load(versionFile('2026-01-10', 2025));
    first.load(versionFile('2027-01-10', 2027));
    expect(readdirSync(dir).sort()).toEqual(['2025-2026-01-10.json', '2027-2027-01-10.json']);
    const again = openCatalogueStore({ dir, builtIn, builtInCitation: 'built in' });
    expect(again.versions().map((v) => v.version)).toEqual([builtIn.version, '2026-01-10', '2027-01-10']);
    expect(again.forYear(2026).version).toBe('2026-01-10');
    expect(again.forYear(2028).version).toBe('2027-01-10');
  });
});

describe('provisional points', () => {
  const m405 = builtIn.methodologies.find((m) => m.code === '405/QĐ-BKHCN')!;
  const codes = m405.mainIndicators.map((i) => i.code);

  it('without points a 405 score is null; with provisional points for every indicator it is a provisional total, never confirmed', () => {
    const values = codes.map((code) => ({ code, value: 0.5 }));
    expect(dtiScore('405/QĐ-BKHCN', values, builtIn)).toMatchObject({ score: null, provisional: false });
    const s = dtiScore('405/QĐ-BKHCN', values, builtIn, codes.map((code) => ({ code, points: 125 })));
    expect(s).toMatchObject({ score: 0.5, totalPoints: 1000, provisional: true, confirmed: false });
    expect(s.reason).toMatch(/^PROVISIONAL: /);
  });

  it('points for only some indicators leave the score null and say which are still missing', () => {
    const s = dtiScore('405/QĐ-BKHCN', [{ code: codes[0]!, value: 0.5 }], builtIn, [{ code: codes[0]!, points: 100 }]);
    expect(s).toMatchObject({ score: null, provisional: true });
    expect(s.reason).toMatch(/Supply provisional points for every one/);
  });

  it('refuses provisional points for confirmed ones or unknown items', () => {
    expect(() => dtiScore('922/QĐ-BTTTT', [], builtIn, [{ code: '922-M-1', points: 10 }])).toThrow(/confirmed points/);
    expect(() => dtiScore('405/QĐ-BKHCN', [], builtIn, [{ code: 'X', points: 10 }])).toThrow(/not a scored item/);
    expect(() => dtiScore('405/QĐ-BKHCN', [], builtIn, [{ code: codes[0]!, points: -1 }])).toThrow(/Invalid provisional points/);
  });
});

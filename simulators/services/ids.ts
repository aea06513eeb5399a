import { hashSeed } from '../shared/random.ts';
import { seedUnits } from '../shared/units.ts';

// The portal keys provinces by its own numeric id, not the official code. Only An Giang's id
// ("398126", reference §B.5 [S21]) was observed; every other id is invented here, derived
// deterministically from the official code so every run serves the same ids.
const OBSERVED: Readonly<Record<string, string>> = { '89': '398126' };

function buildIds(): ReadonlyMap<string, string> {
  const codes = [...new Set(seedUnits().filter((u) => u.level === 'province').map((u) => u.code))].sort();
  const taken = new Set(Object.values(OBSERVED));
  const ids = new Map<string, string>();
  for (const code of codes) {
    const observed = OBSERVED[code];
    if (observed !== undefined) {
      ids.set(code, observed);
      continue;
    }
    let n = 390_000 + (hashSeed(`services|portal-id|${code}`) % 20_000);
    while (taken.has(String(n))) n += 1;
    taken.add(String(n));
    ids.set(code, String(n));
  }
  return ids;
}

let cached: ReadonlyMap<string, string> | undefined;

/** Official province code → the portal's internal province id (the mapping a client must keep). */
export function portalIds(): ReadonlyMap<string, string> {
  cached ??= buildIds();
  return cached;
}

/** The portal id a province code files under, or undefined for a code the portal does not know. */
export function portalIdOf(code: string): string | undefined {
  return portalIds().get(code);
}

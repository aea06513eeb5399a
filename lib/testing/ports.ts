import { createServer } from 'node:net';
import type { Ports } from '../launcher/index.ts';
import { SIMULATORS, SUBGRAPHS } from '../topology/index.ts';

/** Finds `count` consecutive free loopback ports, probing from a random base in a quiet range. */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below Linux's ephemeral range (32768–60999): a port found free there can be taken by any
    // outgoing connection before the service binds it (nginx lost such a race in a CI run).
    const base = 20_000 + Math.floor(Math.random() * Math.max(1, 12_000 - count));
    const ok = await Promise.all(
      Array.from(
        { length: count },
        (_, i) =>
          new Promise<boolean>((resolve) => {
            const s = createServer();
            s.once('error', () => resolve(false));
            s.listen(base + i, '127.0.0.1', () => s.close(() => resolve(true)));
          }),
      ),
    );
    if (ok.every(Boolean)) return base;
  }
  throw new Error('no free port range found');
}

/** Ports for one whole system (gateway, every subgraph and simulator, the identity provider) on a free run, laid out from the topology. */
export async function freeSystemPorts(): Promise<Ports> {
  const base = await freePortRun(2 + SUBGRAPHS.length + SIMULATORS.length);
  return {
    host: '127.0.0.1',
    gateway: base,
    subgraphBase: base + 1,
    simulatorBase: base + 1 + SUBGRAPHS.length,
    identity: base + 1 + SUBGRAPHS.length + SIMULATORS.length,
  };
}

/**
 * What the supervisor (./index.ts) and the embedded host's crash containment (./contain.ts) share:
 * the restart backoff and the events the host sends up. Kept apart from contain.ts so the
 * supervisor does not load the host's logging and tracing to read them.
 */
import { z } from 'zod';

/** Backoff before restart n of a quick-crash streak: 250 ms doubling, at most 10 s. */
export function restartDelayMs(streak: number): number {
  return Math.min(10_000, 250 * 2 ** Math.max(0, streak));
}

/** What the host tells its supervisor (over the IPC channel) about a service it restarts in place. */
export const containedEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('service-crashed'), name: z.string().min(1).max(200), restartInMs: z.number().int().min(0) }),
  z.object({ type: z.literal('service-restarted'), name: z.string().min(1).max(200) }),
]);
export type ContainedEvent = z.infer<typeof containedEventSchema>;

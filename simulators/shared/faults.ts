import { z } from 'zod';

/** How a simulator misbehaves, set through `POST /_sim/faults`. */
export interface Faults {
  /** Added delay before each API response, in milliseconds. @default 0 */
  readonly latencyMs: number;
  /** Share of API requests answered with a 5xx, 0..1. @default 0 */
  readonly errorRate: number;
  /** Refuse every API request by closing the connection. @default false */
  readonly down: boolean;
  /** Answer with payloads that break the documented shape. @default false */
  readonly malformed: boolean;
  /** Send the headers and half the body, then reset the connection. @default false */
  readonly reset: boolean;
  /** Spread the body over this many milliseconds, in small pieces (a slow drip). @default 0 */
  readonly dripMs: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, down: false, malformed: false, reset: false, dripMs: 0 };

/**
 * Body of `POST /_sim/faults`: any subset of the fields, unknown keys rejected. `crash: true` is an
 * action, not a state: after answering, the simulator throws an uncaught exception from a timer, as
 * a bug would (its own process dies, or, in the embedded host, only it is restarted). Simulators
 * are test and development stand-ins; no subgraph or gateway has such a switch.
 */
export const faultsPatchSchema = z
  .object({
    crash: z.boolean(),
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    down: z.boolean(),
    malformed: z.boolean(),
    reset: z.boolean(),
    dripMs: z.number().int().min(0).max(60_000),
  })
  .partial()
  .strict();

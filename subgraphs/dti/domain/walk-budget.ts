import { BadUserInputError } from '../../../lib/errors/index.ts';

/** How many units one request may reach through predecessors, successors and children. */
export interface WalkBudget {
  /** Spends `n` units; throws once the request has walked more than its budget. */
  spend(n: number): void;
}

/**
 * The subgraph's own guard against nesting bombs that reach it (a gateway misconfigured or
 * bypassed): `predecessors { successors { … } }` doubles at each level, so a request gets a fixed
 * number of units to walk, and every walk past it fails at once instead of computing on.
 */
export function createWalkBudget(limit: number): WalkBudget {
  let used = 0;
  return {
    spend(n) {
      used += n;
      if (used > limit) {
        throw new BadUserInputError(
          `this query walks more than ${limit} units through predecessors/successors/children (UNIT_WALK_BUDGET); ask for fewer levels`,
          { argument: 'selection' },
        );
      }
    },
  };
}

/**
 * Ports the Fetch standard blocks ("bad ports", https://fetch.spec.whatwg.org/#port-blocking):
 * Node's `fetch` refuses them, so a service there could never be probed or called. Rejected
 * before anything starts, with the reason.
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119,
  123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990,
  993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Problems with a set of named ports: blocked by fetch, out of range, or used twice. Empty when fine. */
export function portProblems(ports: ReadonlyArray<{ readonly name: string; readonly port: number }>): string[] {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const { name, port } of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`${name}: port ${port} is not a TCP port (1–65535)`);
    else if (FETCH_BLOCKED_PORTS.has(port)) {
      problems.push(`${name}: port ${port} is on the Fetch standard's blocked list, so Node's fetch refuses to connect to it; choose another`);
    }
    const other = seen.get(port);
    if (other !== undefined) problems.push(`${name}: port ${port} is already given to ${other}`);
    else seen.set(port, name);
  }
  return problems;
}

import { MockAgent } from 'undici';

/**
 * An undici MockAgent that refuses real connections and closes when its scope ends:
 * `await using upstream = mockUpstream()`, then pass it as the client's `dispatcher`.
 */
export function mockUpstream(): MockAgent & AsyncDisposable {
  const agent = new MockAgent();
  agent.disableNetConnect();
  return Object.assign(agent, { [Symbol.asyncDispose]: () => agent.close() });
}

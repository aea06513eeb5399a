import { describe, expect, it } from 'vitest';
import { createLogger, withRequestId } from './index.ts';

function capture(): { lines: string[]; write: (l: string) => void } {
  const lines: string[] = [];
  return { lines, write: (l) => lines.push(l) };
}

describe('issue #8 - logs', () => {
  it('writes one JSON line with the shared schema: time, level, service, message, requestId', () => {
    const out = capture();
    const log = createLogger({ level: 'info', fields: { service: 'subgraph-labour' }, write: out.write });
    withRequestId('req-1', () => log.warn('upstream call failed', { system: 'labour' }));
    log.debug('dropped below level');
    expect(out.lines).toHaveLength(1);
    const entry: unknown = JSON.parse(out.lines[0] ?? '');
    expect(entry).toMatchObject({ level: 'warn', service: 'subgraph-labour', message: 'upstream call failed', requestId: 'req-1', system: 'labour' });
    expect(Object.keys(entry as object).slice(0, 4)).toEqual(['time', 'level', 'service', 'message']);
  });

  it('never writes a token or a request body, however deep', () => {
    const out = capture();
    const log = createLogger({ level: 'debug', fields: { service: 'gateway' }, write: out.write });
    log.info('request', { headers: { authorization: 'Bearer abc.def.ghi', accept: 'json' }, body: '{"text":"plan"}', token: 'xyz', nested: { refreshToken: 'r', variables: { text: 'secret plan' } } });
    const line = out.lines[0] ?? '';
    for (const secret of ['abc.def.ghi', 'plan', 'xyz', '"r"']) expect(line).not.toContain(secret);
    expect(line).toContain('"accept":"json"');
  });

  it('is readable by a person when asked to be', () => {
    const out = capture();
    createLogger({ level: 'info', fields: { service: 'gateway' }, write: out.write, pretty: true }).info('gateway listening', { url: 'http://127.0.0.1:4000/graphql' });
    expect(out.lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  gateway: gateway listening {2}url=http:\/\/127\.0\.0\.1:4000\/graphql\n$/);
  });
});

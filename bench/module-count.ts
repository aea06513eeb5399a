/**
 * Which modules a process loads: preload it with `--import` and every module resolved (ESM and
 * CommonJS, Node 24's synchronous hooks) is written, one URL a line, to
 * `$DTI_MODULE_COUNT_DIR/modules.<pid>.txt` (every 100 ms when it grew, and at exit, so a process
 * stopped by a signal still leaves its list). To count the embedded host's modules at start:
 *   DTI_MODULE_COUNT_DIR=/tmp/m NODE_OPTIONS="--import $PWD/bench/module-count.ts" \
 *     ./node_modules/.bin/node bench/startup.bench.ts 1 single && wc -l /tmp/m/modules.*.txt
 * (the larger file is the host; the other is the benchmark itself). Copies per package:
 *   grep node_modules /tmp/m/modules.<pid>.txt | sed -E 's#(.*node_modules/(@[^/]+/)?[^/]+)/.+#\1#' | sort | uniq -c | sort -rn
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const dir = process.env['DTI_MODULE_COUNT_DIR'];
if (dir !== undefined && dir !== '') {
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>();
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      seen.add(resolved.url);
      return resolved;
    },
  });
  let written = 0;
  const dump = (): void => {
    if (seen.size === written) return;
    written = seen.size;
    writeFileSync(`${dir}/modules.${process.pid}.txt`, `${[...seen].join('\n')}\n`);
  };
  // Often: a supervisor may stop the process harder than an 'exit' handler survives.
  setInterval(dump, 100).unref();
  process.on('exit', dump);
}

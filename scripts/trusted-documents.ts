/**
 * `npm run trusted-documents [-- --check]`
 * Writes schema/trusted-documents.json from the operations under schema/operations/*.graphql
 * (the export route's and the command-line tools') and the workspace's codegen manifest
 * (web/src/generated/persisted-documents.json). With --check, fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadTrustedDocuments, loadWebDocuments, MANIFEST_PATH, toManifest } from '../lib/trusted-documents/index.ts';

const text = `${JSON.stringify(toManifest([...loadTrustedDocuments(), ...loadWebDocuments()]), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(MANIFEST_PATH, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    process.stderr.write('schema/trusted-documents.json is stale: run `npm run trusted-documents` and commit it\n');
    process.exit(1);
  }
  process.stdout.write('schema/trusted-documents.json is up to date\n');
} else {
  writeFileSync(MANIFEST_PATH, text);
  process.stdout.write(`wrote ${MANIFEST_PATH}\n`);
}

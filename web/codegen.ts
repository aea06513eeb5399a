import type { CodegenConfig } from '@graphql-codegen/cli';
import { preset as clientPreset } from '@graphql-codegen/client-preset';

// Types come from the committed supergraph (never a live URL); documents are the .graphql files.
// Persisted-document mode drops every document's text from the bundle: only its sha256 ships.
const config: CodegenConfig = {
  schema: 'schema/supergraph.graphql',
  documents: ['web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/generated/': {
      preset: clientPreset,
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: 'useFragment' },
        persistedDocuments: { mode: 'replaceDocumentWithHash', hashAlgorithm: 'sha256' },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { ID: 'string' }, skipTypename: true },
    },
  },
};
export default config;

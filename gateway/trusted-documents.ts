import { readManifest } from '../lib/trusted-documents/index.ts';
import type { Profile } from './security-config.ts';

/**
 * The runtime's `persistedDocuments` over the committed manifest. Clients send `documentId`
 * (Hive's field) or APQ's `extensions.persistedQuery.sha256Hash`; both are read by the runtime's
 * default extractor. Only the development profile also runs ad-hoc query text.
 */
export function persistedDocumentsOptions(manifestPath: string, profile: Profile) {
  const documents = new Map(Object.entries(readManifest(manifestPath).documents).map(([id, d]) => [id, d.document]));
  return {
    getPersistedOperation: (id: string): string | null => documents.get(id) ?? null,
    allowArbitraryDocuments: profile === 'development',
    // Given as options, not error instances: the plugin builds them with Yoga's own GraphQLError,
    // which Yoga does not mask (an error from another copy of graphql would become a 500).
    customErrors: {
      persistedQueryOnly: {
        message: 'only registered (trusted) documents run in the production profile: send its documentId',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      notFound: { message: 'no registered document has this documentId', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      keyNotFound: { message: 'send a documentId (or, in development, a query)', extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } } },
    },
  };
}

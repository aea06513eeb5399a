import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

type RenderOptions = Parameters<typeof renderGraphiQL>[0];

let rendered: { key: string; html: string } | undefined;

/**
 * GraphiQL with every asset inlined (`@graphql-yoga/render-graphiql` bundles the editor, its
 * workers, styles and icon): a browser on a closed government network gets a working IDE from
 * the gateway alone, with no CDN. The page is ~9 MB, so it is rendered once and reused.
 */
export function renderOfflineGraphiQL(options: RenderOptions): string {
  const key = JSON.stringify(options ?? {});
  if (rendered?.key !== key) rendered = { key, html: renderGraphiQL(options) };
  return rendered.html;
}

export const IDE_DEFAULT_QUERY = `# dti-graph: every DTI input of a province, each value with its source.
query Province {
  unit(code: "56") {
    code
    name
    year(year: 2024) {
      documents { signedDigitallyRate source { system status } }
    }
  }
}
`;

import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';

type RenderOptions = Parameters<typeof renderGraphiQL>[0];

let rendered: { key: string; html: string } | undefined;

/**
 * GraphiQL with every asset inlined (`@graphql-yoga/render-graphiql` bundles the editor, its
 * workers, styles and icon): a browser on a closed government network gets a working IDE from
 * the gateway alone, with no CDN. The page is ~9 MB, so it is rendered once and reused, and the
 * module is imported on the first browser request for it, not at start: importing it costs
 * ≈ 90 ms of CPU and ≈ 70 MB of resident memory that an API-only gateway never needs.
 */
export async function renderOfflineGraphiQL(options: RenderOptions): Promise<string> {
  const key = JSON.stringify(options ?? {});
  if (rendered?.key !== key) {
    const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
    rendered = { key, html: render(options) };
  }
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

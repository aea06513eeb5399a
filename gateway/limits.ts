import type { Plugin } from '@envelop/core';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import type { QueryLimits } from './security-config.ts';

/** `extensions.code` of each query-limit refusal. */
export const LIMIT_CODES = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxTokens: 'TOO_MANY_TOKENS',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
  maxCost: 'QUERY_TOO_COSTLY',
} as const satisfies Record<keyof QueryLimits, string>;

export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

const WHAT: Record<keyof QueryLimits, { readonly what: string; readonly variable: string }> = {
  maxDepth: { what: 'query depth', variable: 'DTI_MAX_DEPTH' },
  maxAliases: { what: 'number of aliases', variable: 'DTI_MAX_ALIASES' },
  maxTokens: { what: 'number of tokens', variable: 'DTI_MAX_TOKENS' },
  maxDirectives: { what: 'number of directives', variable: 'DTI_MAX_DIRECTIVES' },
  maxCost: { what: 'estimated query cost', variable: 'DTI_MAX_COST' },
};

/** The refusal of a query over one limit: message and extensions name the limit, its value and what was found. */
export function limitError(limit: keyof QueryLimits, max: number, found: number | null): GraphQLError {
  const { what, variable } = WHAT[limit];
  const foundText = found === null ? `more than ${max}` : String(found);
  return new GraphQLError(`${what} ${foundText} exceeds the limit of ${max} (${limit}, configured by ${variable})`, {
    extensions: { code: LIMIT_CODES[limit], limit, max, ...(found === null ? {} : { found }) },
  });
}

// graphql-armor's own error has no code and a "Syntax Error:" prefix; it says what it found only in text.
function foundIn(err: GraphQLError): number | null {
  const m = /found (\d+(?:\.\d+)?)/.exec(err.message);
  return m?.[1] === undefined ? null : Math.round(Number(m[1]));
}

function reporting(limit: keyof QueryLimits, max: number): { onReject: GraphQLArmorRejectCallback[]; propagateOnRejection: boolean } {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx, err) => {
        const refusal = limitError(limit, max, foundIn(err));
        // Validation rules report through the context; the token counter runs inside the parser, which has none.
        if (ctx === null) throw refusal;
        ctx.reportError(refusal);
      },
    ],
  };
}

/**
 * graphql-armor's plugins with our limits and codes. They run at parse and validation, so a
 * refused query never reaches the planner or a subgraph. Suggestions are masked when
 * introspection is off (they would otherwise leak the schema field by field).
 */
export function queryLimitPlugins(limits: QueryLimits, options: { readonly hideSuggestions: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.maxTokens, ...reporting('maxTokens', limits.maxTokens) }),
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...reporting('maxDepth', limits.maxDepth) }),
    maxAliasesPlugin({ n: limits.maxAliases, ...reporting('maxAliases', limits.maxAliases) }),
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reporting('maxDirectives', limits.maxDirectives) }),
    costLimitPlugin({ maxCost: limits.maxCost, ignoreIntrospection: true, flattenFragments: true, ...reporting('maxCost', limits.maxCost) }),
  ];
  if (options.hideSuggestions) plugins.push(blockFieldSuggestionsPlugin({ mask: '' }));
  return plugins;
}

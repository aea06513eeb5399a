export type {
  BreakerOptions,
  PostOptions,
  QueryValue,
  RequestOptions,
  RetryOptions,
  UpstreamClient,
  UpstreamClientOptions,
  UpstreamResult,
} from './client.ts';
export { createUpstreamClient } from './client.ts';

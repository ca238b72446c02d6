import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export type ExtraHeaders =
  Record<string, string> | ((req: IncomingMessage, info: { pathname: string }) => Record<string, string> | undefined);

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  info: { pathname: string; url: URL },
) => void | Promise<void>;

export interface ServeOptions {
  /** Directory to serve. Default `dist`. */
  root?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Extra headers on every response (e.g. Content-Security-Policy, CORS). */
  headers?: ExtraHeaders;
  /** Exact pathname → handler, or a string served as text/html. Checked before files. */
  routes?: Record<string, string | RouteHandler>;
  /** Log each request to stderr. */
  log?: boolean;
}

export interface RunningServer {
  /** Origin, without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export declare const CONTENT_TYPES: Record<string, string>;
export declare function startServer(options?: ServeOptions): Promise<RunningServer>;

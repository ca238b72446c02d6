export const DEPLOY_DIR: string;
export const NGINX_NOT_FOUND: string;

/** The nginx executable ($NGINX_PATH, /usr/sbin/nginx, /usr/bin/nginx), installing Debian's package as root if needed. */
export function findNginx(options?: { install?: boolean; env?: NodeJS.ProcessEnv }): string;

/** The shipped site file with its `listen`, `server_name` and server-level `root` lines replaced. */
export function siteConfig(site: NginxSite, options: { port: number; root: string }): string;

export type NginxSite = 'byru-map.conf' | 'byru-map-subpath.conf';

export interface RunningNginx {
  /** Origin, without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The generated nginx.conf. */
  conf: string;
  close(): Promise<void>;
}

/** Serves `root` with nginx and the shipped configuration on 127.0.0.1 and a free port. */
export function startNginx(options?: { root?: string; site?: NginxSite }): Promise<RunningNginx>;

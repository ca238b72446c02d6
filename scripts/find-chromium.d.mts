/** Chromium flags for WebGL2 on SwiftShader with no background networking (tests, bench, Lighthouse). */
export declare const CHROMIUM_ARGS: readonly string[];
export declare const CANDIDATE_PATHS: readonly string[];
export declare const NOT_FOUND_MESSAGE: string;
/** Path of a Chromium/Chrome executable; on Debian as root installs `chromium` with apt-get if missing. */
export declare function findChromium(options?: {
  /** Allow `apt-get install chromium` (Debian/Ubuntu, root only). Default true. */
  install?: boolean;
  env?: Record<string, string | undefined>;
}): string;

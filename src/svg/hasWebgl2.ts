/**
 * True when this browser can give a WebGL2 context (what MapLibre needs). Asks a throw-away canvas
 * and releases the context at once; environments without WebGL2 at all (old devices, locked-down
 * browsers, jsdom) answer false without touching a canvas.
 */
export function hasWebgl2(): boolean {
  if (typeof document === 'undefined' || typeof WebGL2RenderingContext === 'undefined') return false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

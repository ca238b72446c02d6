/**
 * Draws an SVG element into a canvas at `scale` device px per CSS px (the image export's snapshot,
 * as the WebGL adapter gives one). The picture is serialised as it stands, so it is exactly what the
 * reader sees; no request leaves the page (the image is a data: URL).
 */
export async function svgSnapshot(svg: SVGSVGElement, scale: number): Promise<HTMLCanvasElement> {
  const box = svg.viewBox.baseVal;
  const width = box?.width || svg.clientWidth;
  const height = box?.height || svg.clientHeight;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const markup = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas context');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

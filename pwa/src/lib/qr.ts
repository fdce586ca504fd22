import { renderSVG } from 'uqr';

/** A QR code of `text` as an SVG string (dark on white, with a quiet zone, medium error correction). */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: 'M', border: 2, pixelSize: 8, whiteColor: '#ffffff', blackColor: '#000000' });
}

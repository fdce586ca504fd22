/**
 * The camera side of the plate reader: the rear camera's stream, and the frame cut to the guide box
 * drawn over the video. Only the plate inside the box is read, so a car's other lettering (a
 * dealer's name, a sticker) is not.
 */

/** The guide box, as fractions of the video frame: a wide, low box across the middle, the shape of a plate. */
export const GUIDE_BOX = { left: 0.1, top: 0.35, width: 0.8, height: 0.3 } as const;

/** The rear camera ("environment"), video only, asking for a frame big enough to read a plate across the garage lane. */
export function openRearCamera(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
}

/** The part of a video's current frame inside the guide box, as a canvas (its own pixels, not scaled). */
export function captureGuideBox(video: HTMLVideoElement, box = GUIDE_BOX): HTMLCanvasElement {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) throw new Error('the camera has not shown a picture yet');
  const sx = Math.round(w * box.left);
  const sy = Math.round(h * box.top);
  const sw = Math.round(w * box.width);
  const sh = Math.round(h * box.height);
  const canvas = document.createElement('canvas');
  canvas.width = sw;
  canvas.height = sh;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot cut a picture out of the camera view');
  ctx.drawImage(video, sx, sy, sw, sh, 0, 0, sw, sh);
  return canvas;
}

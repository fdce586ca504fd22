// The page side of `npm run bench:plates` (plain JS: the browser runs it as is). It draws a plate
// picture as the phone's guide box would crop it from the camera, from a spec made in Node
// (bench/plates/plates.ts: all randomness is there, seeded), and reads it with the PWA's own
// reader (the built lib/plate-ocr.ts chunk, imported from the manifest the build wrote).

/** The guide box's crop of a 1280 x 720 camera frame (see pwa/src/lib/plate-capture.ts): 80% x 30%. */
const W = 1024;
const H = 216;

let reader = null;

/** A small seeded generator, so a spec always draws the same pixels. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STYLES = {
  eu: { aspect: 4.7, bg: '#f7f7f2', fg: '#111', border: '#111', band: '#1f4fb5' },
  us: { aspect: 2, bg: '#f2f4f7', fg: '#1b2a6b', border: '#888', top: 'OREGON', bottom: 'PACIFIC WONDERLAND', topColor: '#b3262d' },
  yellow: { aspect: 4.7, bg: '#f5c518', fg: '#111', border: '#333' },
  dark: { aspect: 4.2, bg: '#17181b', fg: '#e9e9e4', border: '#999' },
  blue: { aspect: 3.2, bg: '#123d8c', fg: '#ffffff', border: '#e0e0e0', top: 'GARAGE STATE', topColor: '#ffffff' },
};

function roundRect(ctx, x, y, w, h, r) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** Draws the plate itself, centred at the origin, `pw` wide. */
function drawPlate(ctx, spec, pw) {
  const style = STYLES[spec.style];
  const ph = pw / style.aspect;
  const x = -pw / 2;
  const y = -ph / 2;
  ctx.fillStyle = style.bg;
  roundRect(ctx, x, y, pw, ph, ph * 0.08);
  ctx.fill();
  ctx.lineWidth = Math.max(2, ph * 0.035);
  ctx.strokeStyle = style.border;
  ctx.stroke();
  let left = x + ph * 0.12;
  if (style.band) {
    const bw = ph * 0.42;
    ctx.fillStyle = style.band;
    roundRect(ctx, x + 3, y + 3, bw, ph - 6, ph * 0.06);
    ctx.fill();
    ctx.fillStyle = '#f5d90a';
    ctx.font = `bold ${Math.round(ph * 0.28)}px "DejaVu Sans"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('D', x + 3 + bw / 2, y + ph * 0.68);
    left = x + bw + ph * 0.1;
  }
  const right = x + pw - ph * 0.12;
  let textTop = y + ph * 0.12;
  let textBottom = y + ph * 0.88;
  if (style.top) {
    ctx.fillStyle = style.topColor;
    ctx.font = `bold ${Math.round(ph * 0.14)}px "DejaVu Sans"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(style.top, (left + right) / 2, y + ph * 0.05);
    textTop = y + ph * 0.22;
  }
  if (style.bottom) {
    ctx.fillStyle = style.fg;
    ctx.font = `${Math.round(ph * 0.1)}px "DejaVu Serif"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(style.bottom, (left + right) / 2, y + ph * 0.95);
    textBottom = y + ph * 0.82;
  }
  // The registration: as tall as the room allows, squeezed to fit the width.
  const size = (textBottom - textTop) * 0.95;
  ctx.font = `bold ${Math.round(size)}px "${spec.font}"`;
  ctx.fillStyle = style.fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const room = right - left;
  const measured = ctx.measureText(spec.text).width;
  const squeeze = Math.min(1, room / measured);
  ctx.save();
  ctx.translate((left + right) / 2, (textTop + textBottom) / 2 + size * 0.04);
  ctx.scale(squeeze, 1);
  ctx.fillText(spec.text, 0, 0);
  ctx.restore();
  return ph;
}

/** The guide box's crop for one spec: a bumper, the plate (turned, blurred, lit as the spec says). */
export function render(spec) {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  const rnd = random(spec.seed);
  const body = ctx.createLinearGradient(0, 0, 0, H);
  body.addColorStop(0, spec.body[0]);
  body.addColorStop(1, spec.body[1]);
  ctx.fillStyle = body;
  ctx.fillRect(0, 0, W, H);
  ctx.save();
  ctx.translate(W / 2 + spec.dx, H / 2 + spec.dy);
  ctx.rotate((spec.angle * Math.PI) / 180);
  ctx.transform(1, 0, Math.tan((spec.skew * Math.PI) / 180), 1, 0, 0);
  if (spec.blur > 0) ctx.filter = `blur(${spec.blur}px)`;
  const pw = Math.min(W * spec.scale, (H * 0.9 * STYLES[spec.style].aspect));
  const ph = drawPlate(ctx, spec, pw);
  ctx.filter = 'none';
  if (spec.occlusion) {
    // Something in front of part of the plate: a tow bar's shadow or dirt across one edge.
    ctx.fillStyle = 'rgba(40, 32, 24, 0.92)';
    const o = spec.occlusion;
    ctx.fillRect(-pw / 2 + o.x * pw, -ph / 2 + o.y * ph, o.w * pw, o.h * ph);
  }
  ctx.restore();
  if (spec.glare) {
    const g = ctx.createRadialGradient(spec.glare.x * W, spec.glare.y * H, 0, spec.glare.x * W, spec.glare.y * H, spec.glare.r * W);
    g.addColorStop(0, `rgba(255, 255, 250, ${spec.glare.strength})`);
    g.addColorStop(1, 'rgba(255, 255, 250, 0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, H);
  }
  if (spec.light < 1 || spec.noise > 0) {
    const img = ctx.getImageData(0, 0, W, H);
    const d = img.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (rnd() - 0.5) * spec.noise;
      for (let c = 0; c < 3; c++) d[i + c] = Math.max(0, Math.min(255, d[i + c] * spec.light + n));
    }
    ctx.putImageData(img, 0, 0);
  }
  return canvas;
}

/** Loads the PWA's reader from its built chunk; gives how long the models took to load (ms). */
export async function load(engineUrl) {
  const started = performance.now();
  const engine = await import(engineUrl);
  reader = await engine.createPlateOcr();
  return Math.round(performance.now() - started);
}

/** Draws a spec and reads it: the lines the engine found, and its time. */
export async function read(spec) {
  if (!reader) throw new Error('load() first');
  return reader.read(render(spec));
}

/** A spec's picture as a PNG data URL (to look at a miss). */
export function picture(spec) {
  return render(spec).toDataURL('image/png');
}

window.bench = { load, read, picture };

import type { MarkerShape } from './palette.js'

/** Traces a marker of about `size` pixels across centred on (x, y); the caller fills or strokes it. */
export function traceMarker(
  context: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  size: number,
): void {
  const r = size / 2
  context.beginPath()
  switch (shape) {
    case 'circle':
      context.arc(x, y, r, 0, 2 * Math.PI)
      break
    case 'square':
      context.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7)
      break
    case 'triangle':
      polygon(context, x, y + r * 0.15, r * 1.15, 3, -Math.PI / 2)
      break
    case 'diamond':
      polygon(context, x, y, r * 1.15, 4, -Math.PI / 2)
      break
    case 'star':
      star(context, x, y, r * 1.2, r * 0.5)
      break
    case 'cross':
      plus(context, x, y, r, Math.PI / 4)
      break
    case 'plus':
      plus(context, x, y, r, 0)
      break
  }
  context.closePath()
}

function polygon(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  sides: number,
  start: number,
): void {
  for (let index = 0; index < sides; index++) {
    const angle = start + (index * 2 * Math.PI) / sides
    context.lineTo(x + r * Math.cos(angle), y + r * Math.sin(angle))
  }
}

function star(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  outer: number,
  inner: number,
): void {
  for (let index = 0; index < 10; index++) {
    const radius = index % 2 === 0 ? outer : inner
    const angle = -Math.PI / 2 + (index * Math.PI) / 5
    context.lineTo(x + radius * Math.cos(angle), y + radius * Math.sin(angle))
  }
}

/** A thick plus (or a cross when rotated by 45°) as one closed outline, so it fills like the others. */
function plus(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  rotation: number,
): void {
  const w = r * 0.38
  const outline = [
    [-w, -r],
    [w, -r],
    [w, -w],
    [r, -w],
    [r, w],
    [w, w],
    [w, r],
    [-w, r],
    [-w, w],
    [-r, w],
    [-r, -w],
    [-w, -w],
  ] as const
  const cos = Math.cos(rotation)
  const sin = Math.sin(rotation)
  for (const [dx, dy] of outline) context.lineTo(x + dx * cos - dy * sin, y + dx * sin + dy * cos)
}

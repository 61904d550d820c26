import { lessonFunction } from './derivative.js'

const SVG = 'http://www.w3.org/2000/svg'
const PAD = { left: 40, right: 14, top: 14, bottom: 32 }
const X_RANGE: readonly [number, number] = [-2, 4]
const Y_RANGE: readonly [number, number] = [0, 40]
/** Below this plot width the picture is drawn for a phone: fewer units across, so text stays readable. */
export const NARROW = 560

/** The lesson's plot: the curve, the two lines, the points and the readout, and its scales. */
export interface Plot {
  svg: SVGElement
  curve: SVGElement
  secant: SVGElement
  tangent: SVGElement
  nudged: SVGElement
  point: SVGElement
  readout: SVGElement
  toX(x: number): number
  toY(y: number): number
  width: number
}

/**
 * Draws f over [−2, 4] into `container`, sized for its width, with a point that can be dragged
 * along the curve; dragging writes the new x into `xInput` and calls `update`.
 */
export function buildPlot(
  container: HTMLElement,
  xInput: HTMLInputElement,
  update: () => void,
): Plot {
  const narrow = container.clientWidth < NARROW
  const width = narrow ? 400 : 640
  const height = narrow ? 300 : 330
  const toX = (x: number) =>
    PAD.left + ((x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])) * (width - PAD.left - PAD.right)
  const toY = (y: number) =>
    height -
    PAD.bottom -
    ((y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0])) * (height - PAD.top - PAD.bottom)
  const svg = node('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': 'Plot of f with the tangent and the secant at x',
  })
  const clip = node('clipPath', { id: 'lesson-clip' })
  clip.append(
    node('rect', {
      x: PAD.left,
      y: PAD.top,
      width: width - PAD.left - PAD.right,
      height: height - PAD.top - PAD.bottom,
    }),
  )
  const clipped = { 'clip-path': 'url(#lesson-clip)' }
  const plot: Plot = {
    svg,
    toX,
    toY,
    width,
    curve: node('path', {
      d: curvePath(toX, toY),
      fill: 'none',
      stroke: '#1d2125',
      'stroke-width': 2.5,
      ...clipped,
    }),
    secant: node('line', {
      stroke: '#d55e00',
      'stroke-width': 2,
      'stroke-dasharray': '6 4',
      ...clipped,
    }),
    tangent: node('line', { stroke: '#0072b2', 'stroke-width': 2.5, ...clipped }),
    nudged: node('circle', { r: 4.5, fill: '#ffffff', stroke: '#d55e00', 'stroke-width': 2 }),
    point: node('circle', {
      r: 9,
      fill: '#0072b2',
      stroke: '#ffffff',
      'stroke-width': 2.5,
      class: 'drag-point',
    }),
    readout: node('text', {
      x: PAD.left + 10,
      y: PAD.top + 18,
      'font-size': 14,
      'font-weight': 600,
      'font-family': 'system-ui, sans-serif',
      fill: '#1d2125',
    }),
  }
  svg.append(
    clip,
    axes(toX, toY, width, height),
    plot.curve,
    plot.secant,
    plot.tangent,
    plot.nudged,
    plot.point,
    plot.readout,
  )
  container.replaceChildren(svg)
  // Dragging follows the curve: only x is taken from the pointer; the slider stays the keyboard's way in.
  plot.point.addEventListener('pointerdown', (event) => {
    const target = plot.point as SVGElement & Element
    target.setPointerCapture(event.pointerId)
    const move = (moveEvent: PointerEvent) => {
      const box = svg.getBoundingClientRect()
      const svgX = ((moveEvent.clientX - box.left) / box.width) * width
      const x =
        X_RANGE[0] +
        ((svgX - PAD.left) / (width - PAD.left - PAD.right)) * (X_RANGE[1] - X_RANGE[0])
      xInput.value = String(Math.min(X_RANGE[1], Math.max(X_RANGE[0], Math.round(x * 100) / 100)))
      update()
    }
    const stop = () => {
      target.removeEventListener('pointermove', move as EventListener)
      target.removeEventListener('pointerup', stop)
    }
    target.addEventListener('pointermove', move as EventListener)
    target.addEventListener('pointerup', stop)
  })
  return plot
}

/** Places `line` through (x, y) with the given slope, `reach` units to either side. */
export function setLine(
  plot: Plot,
  line: SVGElement,
  x: number,
  y: number,
  slope: number,
  reach: number,
): void {
  line.setAttribute('x1', String(plot.toX(x - reach)))
  line.setAttribute('y1', String(plot.toY(y - slope * reach)))
  line.setAttribute('x2', String(plot.toX(x + reach)))
  line.setAttribute('y2', String(plot.toY(y + slope * reach)))
}

function curvePath(toX: (x: number) => number, toY: (y: number) => number): string {
  const parts: string[] = []
  for (let step = 0; step <= 240; step++) {
    const x = X_RANGE[0] + (step / 240) * (X_RANGE[1] - X_RANGE[0])
    parts.push(`${step === 0 ? 'M' : 'L'}${toX(x).toFixed(2)} ${toY(lessonFunction(x)).toFixed(2)}`)
  }
  return parts.join('')
}

function axes(
  toX: (x: number) => number,
  toY: (y: number) => number,
  width: number,
  height: number,
): SVGElement {
  const group = node('g', {
    'font-size': 12,
    'font-family': 'system-ui, sans-serif',
    fill: '#6b747d',
  })
  for (let x = X_RANGE[0]; x <= X_RANGE[1]; x++) {
    group.append(
      node('line', {
        x1: toX(x),
        x2: toX(x),
        y1: PAD.top,
        y2: height - PAD.bottom,
        stroke: x === 0 ? '#9aa3ab' : '#e6e9ed',
      }),
    )
    group.append(label(String(x), toX(x), height - PAD.bottom + 17, 'middle'))
  }
  for (let y = Y_RANGE[0]; y <= Y_RANGE[1]; y += 10) {
    group.append(
      node('line', {
        x1: PAD.left,
        x2: width - PAD.right,
        y1: toY(y),
        y2: toY(y),
        stroke: y === 0 ? '#9aa3ab' : '#e6e9ed',
      }),
    )
    group.append(label(String(y), PAD.left - 8, toY(y) + 4, 'end'))
  }
  group.append(label('x', width - PAD.right, height - 4, 'end'))
  return group
}

function label(text: string, x: number, y: number, anchor: string): SVGElement {
  const element = node('text', { x, y, 'text-anchor': anchor })
  element.textContent = text
  return element
}

function node(name: string, attributes: Record<string, string | number>): SVGElement {
  const element = document.createElementNS(SVG, name)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  return element
}

import type { PreparedData } from '../data/prepared-data.js'
import type { Mesh } from '../training/mesh.js'
import { CanvasSurface } from './canvas.js'
import { traceMarker } from './markers.js'
import { classStyle, hexToRgb } from './palette.js'
import { niceTicks, plotTransform } from './plot-geometry.js'

/** One plotted sample: its features, label, and which split it belongs to. */
export interface PlotPoint {
  x: readonly number[]
  label: number
  split: 'train' | 'test'
  /** Position within its split. */
  index: number
}

/** Every sample of the data, training points first, in the order the arrow keys visit them. */
function plotPoints(data: PreparedData): PlotPoint[] {
  const from = (split: 'train' | 'test') =>
    data[split].X.map((x, index) => ({ x, label: data[split].y[index]!, split, index }))
  return [...from('train'), ...from('test')]
}

/** The largest share of the class colour in the background, so the points stay readable on top. */
const MAX_TINT = 0.5
const MARKER_SIZE = 9
const PICK_RADIUS = 14

/**
 * The decision-boundary plot: the model's prediction over the plane as a tinted background (the
 * class colour, stronger where the model is surer) with the data on top. Points are picked by
 * click or tap, or with the arrow keys when the plot has focus.
 */
export class BoundaryView {
  private readonly canvas: HTMLCanvasElement
  private readonly surface: CanvasSurface
  private readonly meshCanvas = document.createElement('canvas')
  private data: PreparedData | undefined
  private points: PlotPoint[] = []
  private hasMesh = false
  private selected: number | undefined

  constructor(canvas: HTMLCanvasElement, onSelect: (point: PlotPoint) => void) {
    this.canvas = canvas
    this.surface = new CanvasSurface(canvas, () => this.draw())
    canvas.addEventListener('click', (event) => {
      const found = this.pointNear(event.offsetX, event.offsetY)
      if (found !== undefined) this.choose(found, onSelect)
    })
    canvas.addEventListener('keydown', (event) => {
      if (this.points.length === 0) return
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key]
      if (step !== undefined) {
        event.preventDefault()
        const count = this.points.length
        const next =
          this.selected === undefined
            ? step > 0
              ? 0
              : count - 1
            : (this.selected + step + count) % count
        this.choose(next, onSelect)
      } else if ((event.key === 'Enter' || event.key === ' ') && this.selected !== undefined) {
        event.preventDefault()
        this.choose(this.selected, onSelect)
      } else if (event.key === 'Escape') {
        this.selected = undefined
        this.draw()
      }
    })
  }

  /** Shows new data; the old background is dropped until the next mesh arrives. */
  setData(data: PreparedData): void {
    this.data = data
    this.points = plotPoints(data)
    this.hasMesh = false
    this.selected = undefined
    this.describe()
    this.draw()
  }

  /** Repaints the background from the model's latest predictions. */
  setMesh(mesh: Mesh): void {
    const { resolution } = mesh
    this.meshCanvas.width = resolution
    this.meshCanvas.height = resolution
    const context = this.meshCanvas.getContext('2d')!
    const image = context.createImageData(resolution, resolution)
    const colours = Array.from({ length: 8 }, (_, label) => hexToRgb(classStyle(label).colour))
    for (let cell = 0; cell < resolution * resolution; cell++) {
      const [red, green, blue] = colours[mesh.labels[cell]!]!
      const tint = MAX_TINT * Math.min(1, Math.max(0, mesh.confidence[cell]!))
      image.data[cell * 4] = 255 + (red - 255) * tint
      image.data[cell * 4 + 1] = 255 + (green - 255) * tint
      image.data[cell * 4 + 2] = 255 + (blue - 255) * tint
      image.data[cell * 4 + 3] = 255
    }
    context.putImageData(image, 0, 0)
    this.hasMesh = true
    this.draw()
  }

  /** Redraws background, grid, points and the selection. */
  draw(): void {
    const { context, width, height } = this.surface.begin()
    context.clearRect(0, 0, width, height)
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    if (!this.data) return
    if (this.hasMesh) {
      context.imageSmoothingEnabled = true
      context.imageSmoothingQuality = 'high'
      context.drawImage(this.meshCanvas, 0, 0, width, height)
    }
    this.drawGrid(context, width, height)
    const transform = plotTransform(this.data.domain, width, height)
    for (const point of this.points) {
      const [x, y] = transform.toPixel(point.x)
      const { colour, shape } = classStyle(point.label)
      traceMarker(context, shape, x, y, MARKER_SIZE)
      if (point.split === 'train') {
        context.fillStyle = colour
        context.fill()
        context.lineWidth = 1.2
        context.strokeStyle = '#ffffff'
        context.stroke()
      } else {
        context.fillStyle = '#ffffff'
        context.fill()
        context.lineWidth = 2.2
        context.strokeStyle = colour
        context.stroke()
      }
    }
    const chosen = this.selected === undefined ? undefined : this.points[this.selected]
    if (chosen) {
      const [x, y] = transform.toPixel(chosen.x)
      context.beginPath()
      context.arc(x, y, 10, 0, 2 * Math.PI)
      context.lineWidth = 2.5
      context.strokeStyle = '#1d2125'
      context.stroke()
    }
  }

  private drawGrid(context: CanvasRenderingContext2D, width: number, height: number): void {
    const { domain } = this.data!
    const transform = plotTransform(domain, width, height)
    context.lineWidth = 1
    context.font = '11px system-ui, sans-serif'
    context.fillStyle = 'rgb(29 33 37 / 0.55)'
    for (const tick of niceTicks(domain.xMin, domain.xMax, 5)) {
      const [x] = transform.toPixel([tick, 0])
      context.strokeStyle = tick === 0 ? 'rgb(29 33 37 / 0.28)' : 'rgb(29 33 37 / 0.08)'
      context.beginPath()
      context.moveTo(Math.round(x) + 0.5, 0)
      context.lineTo(Math.round(x) + 0.5, height)
      context.stroke()
      if (x > 4 && x < width - 14) context.fillText(formatTick(tick), x + 3, height - 4)
    }
    for (const tick of niceTicks(domain.yMin, domain.yMax, 5)) {
      const [, y] = transform.toPixel([0, tick])
      context.strokeStyle = tick === 0 ? 'rgb(29 33 37 / 0.28)' : 'rgb(29 33 37 / 0.08)'
      context.beginPath()
      context.moveTo(0, Math.round(y) + 0.5)
      context.lineTo(width, Math.round(y) + 0.5)
      context.stroke()
      if (y > 14 && y < height - 16) context.fillText(formatTick(tick), 3, y - 3)
    }
  }

  private pointNear(pixelX: number, pixelY: number): number | undefined {
    if (!this.data) return undefined
    const transform = plotTransform(this.data.domain, this.surface.width, this.surface.height)
    let best: number | undefined
    let bestDistance = PICK_RADIUS
    this.points.forEach((point, index) => {
      const [x, y] = transform.toPixel(point.x)
      const distance = Math.hypot(x - pixelX, y - pixelY)
      if (distance <= bestDistance) {
        best = index
        bestDistance = distance
      }
    })
    return best
  }

  private choose(index: number, onSelect: (point: PlotPoint) => void): void {
    this.selected = index
    this.draw()
    onSelect(this.points[index]!)
  }

  private describe(): void {
    const data = this.data!
    this.canvas.setAttribute(
      'aria-label',
      `Decision boundary over ${data.source}: ${data.train.y.length} training and ${data.test.y.length} test points in ${data.classCount} classes.`,
    )
  }
}

function formatTick(tick: number): string {
  return Number.isInteger(tick) ? String(tick) : tick.toFixed(1)
}

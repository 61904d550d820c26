import { CanvasSurface } from './canvas.js'
import {
  type Architecture,
  distanceToSegment,
  type Edge,
  type Layout,
  layOut,
} from './network-layout.js'
import { NEGATIVE_COLOUR, POSITIVE_COLOUR } from './palette.js'

export type { Architecture } from './network-layout.js'

/**
 * The network drawn as layers of neurons joined by their weights: colour gives a weight's sign
 * (blue positive, orange negative), line width and strength its size relative to the largest
 * weight; a neuron's ring shows its bias the same way. Hovering names the nearest weight or neuron.
 * Drawn on a canvas, because restyling hundreds of SVG lines many times a second is slow.
 */
export class NetworkDiagram {
  private readonly surface: CanvasSurface
  private architecture: Architecture | undefined
  private parameters: ArrayLike<number> = []
  private layout: Layout | undefined

  constructor(canvas: HTMLCanvasElement) {
    this.surface = new CanvasSurface(canvas, () => {
      this.layout = undefined
      this.draw()
    })
    canvas.addEventListener('pointermove', (event) => {
      canvas.title = this.describeAt(event.offsetX, event.offsetY)
    })
  }

  /** Draws `parameters` (in `model.parameters()` order) on the diagram of `architecture`. */
  update(architecture: Architecture, parameters: ArrayLike<number>): void {
    const changed =
      architecture.nouts.join('-') !== this.architecture?.nouts.join('-') ||
      architecture.activations.join('-') !== this.architecture?.activations.join('-')
    if (changed) {
      this.layout = undefined
      const sizes = [architecture.nin, ...architecture.nouts]
      const count = architecture.nouts.reduce(
        (total, width, layer) => total + width * (sizes[layer]! + 1),
        0,
      )
      this.surface.canvas.setAttribute(
        'aria-label',
        `Network ${sizes.join('-')} (${architecture.activations.slice(0, -1).join(', ') || 'no hidden layer'}) with ${count} parameters. Line colour is a weight's sign, line width its size.`,
      )
    }
    this.architecture = architecture
    this.parameters = parameters
    this.draw()
  }

  private draw(): void {
    if (!this.architecture) return
    const { context, width, height } = this.surface.begin()
    this.layout ??= layOut(this.architecture, width, height)
    const { edges, neurons, inputs, captions, radius } = this.layout
    context.clearRect(0, 0, width, height)
    let largest = 1e-9
    for (const edge of edges)
      largest = Math.max(largest, Math.abs(this.parameters[edge.parameter] ?? 0))
    // Weak weights first, so the strong ones are drawn on top.
    const order = edges.map((edge) => ({ edge, weight: this.parameters[edge.parameter] ?? 0 }))
    order.sort((a, b) => Math.abs(a.weight) - Math.abs(b.weight))
    context.lineCap = 'round'
    for (const { edge, weight } of order) {
      const share = Math.abs(weight) / largest
      context.globalAlpha = 0.2 + 0.75 * share
      context.strokeStyle = weight >= 0 ? POSITIVE_COLOUR : NEGATIVE_COLOUR
      context.lineWidth = 0.4 + 4.6 * share
      context.beginPath()
      context.moveTo(...edge.from)
      context.lineTo(...edge.to)
      context.stroke()
    }
    context.globalAlpha = 1
    let largestBias = 1e-9
    for (const neuron of neurons)
      largestBias = Math.max(largestBias, Math.abs(this.parameters[neuron.parameter] ?? 0))
    for (const neuron of neurons) {
      const bias = this.parameters[neuron.parameter] ?? 0
      context.beginPath()
      context.arc(...neuron.at, radius, 0, 2 * Math.PI)
      context.fillStyle = '#ffffff'
      context.fill()
      context.lineWidth = 1 + 2.5 * (Math.abs(bias) / largestBias)
      context.strokeStyle = bias >= 0 ? POSITIVE_COLOUR : NEGATIVE_COLOUR
      context.stroke()
    }
    context.font = '11px system-ui, sans-serif'
    context.textAlign = 'center'
    inputs.forEach(([x, y], index) => {
      context.fillStyle = '#eef1f4'
      context.strokeStyle = '#8a939c'
      context.lineWidth = 1
      context.beginPath()
      context.roundRect(x - 15, y - 10, 30, 20, 4)
      context.fill()
      context.stroke()
      context.fillStyle = '#1d2125'
      context.fillText(`x${index}`, x, y + 4)
    })
    context.fillStyle = '#4f5861'
    for (const caption of captions) context.fillText(caption.text, caption.x, height - 8)
  }

  private describeAt(x: number, y: number): string {
    const layout = this.layout
    if (!layout) return ''
    const neuron = layout.neurons.find(
      ({ at }) => Math.hypot(at[0] - x, at[1] - y) <= layout.radius + 3,
    )
    if (neuron)
      return `${neuron.describe}: bias ${(this.parameters[neuron.parameter] ?? 0).toFixed(4)}`
    let best: Edge | undefined
    let bestDistance = 4
    for (const edge of layout.edges) {
      const distance = distanceToSegment([x, y], edge.from, edge.to)
      if (distance < bestDistance) {
        best = edge
        bestDistance = distance
      }
    }
    return best
      ? `${best.describe}: weight ${(this.parameters[best.parameter] ?? 0).toFixed(4)}`
      : ''
  }
}

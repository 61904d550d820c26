import { CanvasSurface } from '../render/canvas.js'
import type { PadPoint, Stroke } from './pad-bitmap.js'

/** Pen width as a share of the pad's side: about a digit's stroke once scaled to 32 cells. */
const PEN = 0.07

/**
 * A square canvas to draw on with a mouse, a finger or a pen. It keeps the strokes in pad
 * coordinates (0 to 1) and hands all of them to `onChange` after every move.
 */
export class DrawingPad {
  private readonly surface: CanvasSurface
  private strokes: PadPoint[][] = []
  private drawing = false

  constructor(
    canvas: HTMLCanvasElement,
    private readonly onChange: (strokes: readonly Stroke[]) => void,
  ) {
    this.surface = new CanvasSurface(canvas, () => this.draw())
    canvas.addEventListener('pointerdown', (event) => {
      event.preventDefault()
      canvas.setPointerCapture(event.pointerId)
      this.drawing = true
      this.strokes.push([this.point(event)])
      this.changed()
    })
    canvas.addEventListener('pointermove', (event) => {
      if (!this.drawing) return
      // Coalesced events keep a fast stroke smooth where the browser sends fewer moves than it saw.
      const events = event.getCoalescedEvents?.() ?? [event]
      this.strokes.at(-1)?.push(...events.map((each) => this.point(each)))
      this.changed()
    })
    for (const type of ['pointerup', 'pointercancel'] as const)
      canvas.addEventListener(type, () => {
        this.drawing = false
      })
  }

  /** Whether anything has been drawn. */
  get isEmpty(): boolean {
    return this.strokes.length === 0
  }

  /** Wipes the pad. */
  clear(): void {
    this.strokes = []
    this.changed()
  }

  private point(event: PointerEvent): PadPoint {
    const box = this.surface.canvas.getBoundingClientRect()
    const clamp = (value: number) => Math.min(1, Math.max(0, value))
    return [
      clamp((event.clientX - box.left) / box.width),
      clamp((event.clientY - box.top) / box.height),
    ]
  }

  private changed(): void {
    this.draw()
    this.onChange(this.strokes)
  }

  private draw(): void {
    const { context, width, height } = this.surface.begin()
    context.clearRect(0, 0, width, height)
    context.lineCap = 'round'
    context.lineJoin = 'round'
    context.lineWidth = PEN * width
    context.strokeStyle = '#1d2125'
    for (const stroke of this.strokes) {
      context.beginPath()
      stroke.forEach(([x, y], index) => {
        if (index === 0) context.moveTo(x * width, y * height)
        context.lineTo(x * width, y * height)
      })
      // A tap is a stroke of one point: a zero-length line, which a round cap draws as a dot.
      context.stroke()
    }
  }
}

/**
 * A canvas that keeps its backing store at its CSS size times the device pixel ratio, so drawing
 * stays sharp on dense screens. The size comes from a `ResizeObserver`, never from reading layout
 * while drawing, which would force the browser to lay the page out again on every frame.
 */
export class CanvasSurface {
  readonly canvas: HTMLCanvasElement
  private cssWidth: number
  private cssHeight: number

  /** `onResize` runs after each size change, typically to redraw. */
  constructor(canvas: HTMLCanvasElement, onResize: () => void) {
    this.canvas = canvas
    this.cssWidth = Math.max(1, canvas.clientWidth)
    this.cssHeight = Math.max(1, canvas.clientHeight)
    new ResizeObserver(([entry]) => {
      const box = entry?.contentBoxSize[0]
      if (!box) return
      this.cssWidth = Math.max(1, box.inlineSize)
      this.cssHeight = Math.max(1, box.blockSize)
      onResize()
    }).observe(canvas)
  }

  /** The CSS size in pixels. */
  get width(): number {
    return this.cssWidth
  }

  get height(): number {
    return this.cssHeight
  }

  /** A context that draws in CSS pixels, with the backing store resized first if needed. */
  begin(): { context: CanvasRenderingContext2D; width: number; height: number } {
    const ratio = window.devicePixelRatio || 1
    const pixelWidth = Math.round(this.cssWidth * ratio)
    const pixelHeight = Math.round(this.cssHeight * ratio)
    if (this.canvas.width !== pixelWidth || this.canvas.height !== pixelHeight) {
      this.canvas.width = pixelWidth
      this.canvas.height = pixelHeight
    }
    const context = this.canvas.getContext('2d')!
    context.setTransform(ratio, 0, 0, ratio, 0, 0)
    return { context, width: this.cssWidth, height: this.cssHeight }
  }
}

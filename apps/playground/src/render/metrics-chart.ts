import { CanvasSurface } from './canvas.js'
import { niceTicks } from './plot-geometry.js'

/** One measurement of the model on both splits. */
export interface MetricsPoint {
  step: number
  trainLoss: number
  testLoss: number
  trainAccuracy: number
  testAccuracy: number
}

/** A snapshot's measurements, as both training sessions report them. */
export interface MeasuredSnapshot {
  step: number
  train: { loss: number; accuracy: number }
  test: { loss: number; accuracy: number }
}

/** Beyond this many points the history is thinned to every other one, so drawing stays cheap. */
const MAX_POINTS = 1200
const TRAIN_COLOUR = '#1d2125'
const TEST_COLOUR = '#d55e00'
const AXIS_COLOUR = 'rgb(29 33 37 / 0.55)'
const GRID_COLOUR = 'rgb(29 33 37 / 0.08)'

interface Panel {
  title: string
  left: number
  width: number
  /** Maps a value to a fraction of the panel height from the bottom. */
  scale(value: number): number
  ticks: { value: number; text: string }[]
  series: [(point: MetricsPoint) => number, (point: MetricsPoint) => number]
}

/** Two small charts side by side, loss (log scale) and accuracy, each with a train and a test line. */
export class MetricsChart {
  private readonly surface: CanvasSurface
  private points: MetricsPoint[] = []

  constructor(canvas: HTMLCanvasElement) {
    this.surface = new CanvasSurface(canvas, () => this.draw())
  }

  /** Forgets the history (a new model). */
  clear(): void {
    this.points = []
    this.draw()
  }

  /** Adds a measurement (one for a step already shown replaces it); call `draw()` to show it. */
  add(point: MetricsPoint): void {
    if (this.points.at(-1)?.step === point.step) this.points.pop()
    this.points.push(point)
    if (this.points.length > MAX_POINTS)
      this.points = this.points.filter(
        (_, index) => index % 2 === 0 || index === this.points.length - 1,
      )
  }

  /** Adds a snapshot's loss and accuracy on both splits; call `draw()` to show it. */
  addSnapshot({ step, train, test }: MeasuredSnapshot): void {
    this.add({
      step,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test.accuracy,
    })
  }

  draw(): void {
    const { context, width, height } = this.surface.begin()
    context.clearRect(0, 0, width, height)
    const gap = 28
    const panelWidth = (width - gap) / 2
    for (const panel of [
      this.lossPanel(0, panelWidth),
      this.accuracyPanel(panelWidth + gap, panelWidth),
    ])
      this.drawPanel(context, panel, height)
  }

  private lossPanel(left: number, width: number): Panel {
    const losses = this.points
      .flatMap((point) => [point.trainLoss, point.testLoss])
      .filter((loss) => loss > 0)
    const low = Math.log10(Math.max(1e-4, Math.min(...losses, 0.1)))
    const high = Math.log10(Math.max(...losses, 1))
    const lowDecade = Math.floor(low)
    const highDecade = Math.ceil(high)
    const ticks = []
    for (let decade = lowDecade; decade <= highDecade; decade++)
      ticks.push({ value: 10 ** decade, text: decade >= 0 ? String(10 ** decade) : `1e${decade}` })
    return {
      title: 'Loss',
      left,
      width,
      scale: (value) =>
        (Math.log10(Math.max(value, 10 ** lowDecade)) - lowDecade) /
        Math.max(1, highDecade - lowDecade),
      ticks,
      series: [(point) => point.trainLoss, (point) => point.testLoss],
    }
  }

  private accuracyPanel(left: number, width: number): Panel {
    const accuracies = this.points.flatMap((point) => [point.trainAccuracy, point.testAccuracy])
    const floor = Math.min(0.5, Math.floor(Math.min(...accuracies, 1) * 10) / 10)
    return {
      title: 'Accuracy',
      left,
      width,
      scale: (value) => (value - floor) / (1 - floor),
      ticks: niceTicks(floor, 1, 4).map((value) => ({
        value,
        text: `${Math.round(value * 100)}%`,
      })),
      series: [(point) => point.trainAccuracy, (point) => point.testAccuracy],
    }
  }

  private drawPanel(context: CanvasRenderingContext2D, panel: Panel, height: number): void {
    const top = 18
    const bottom = height - 18
    const plotLeft = panel.left + 34
    const plotRight = panel.left + panel.width - 4
    const y = (value: number) => bottom - panel.scale(value) * (bottom - top)
    context.font = '600 11px system-ui, sans-serif'
    context.fillStyle = '#4f5861'
    context.textAlign = 'left'
    context.fillText(panel.title, panel.left, 11)
    context.font = '10px system-ui, sans-serif'
    context.fillStyle = AXIS_COLOUR
    context.textAlign = 'right'
    context.lineWidth = 1
    for (const tick of panel.ticks) {
      const tickY = Math.round(y(tick.value)) + 0.5
      context.strokeStyle = GRID_COLOUR
      context.beginPath()
      context.moveTo(plotLeft, tickY)
      context.lineTo(plotRight, tickY)
      context.stroke()
      context.fillText(tick.text, plotLeft - 5, tickY + 3.5)
    }
    const lastStep = Math.max(10, this.points.at(-1)?.step ?? 0)
    const x = (step: number) => plotLeft + (step / lastStep) * (plotRight - plotLeft)
    context.textAlign = 'right'
    context.fillText(`step ${lastStep}`, plotRight, height - 4)
    context.textAlign = 'left'
    context.fillText('0', plotLeft, height - 4)
    panel.series.forEach((read, seriesIndex) => {
      if (this.points.length === 0) return
      context.beginPath()
      for (const point of this.points) context.lineTo(x(point.step), y(read(point)))
      context.lineWidth = 2
      context.lineJoin = 'round'
      context.strokeStyle = seriesIndex === 0 ? TRAIN_COLOUR : TEST_COLOUR
      context.setLineDash(seriesIndex === 0 ? [] : [5, 3])
      context.stroke()
      context.setLineDash([])
    })
  }
}

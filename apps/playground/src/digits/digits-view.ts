import './digits.css'
import { imageGridSvg } from '@mg/viz'
import { MetricsChart } from '../render/metrics-chart.js'
import { onNextFrame } from '../render/on-next-frame.js'
import { commandSequence } from '../training/command-sequence.js'
import { toast } from '../ui/toast.js'
import markup from './digits.html?raw'
import type { DigitsCommand, DigitsReport } from './digits-messages.js'
import { createDigitsModel, splitDigits } from './digits-model.js'
import type { DigitsSnapshot } from './digits-session.js'
import { DrawingPad } from './drawing-pad.js'
import { explainDigit } from './explain-digit.js'
import { bitmapToPixels, type Stroke, strokesToBitmap } from './pad-bitmap.js'
import { paintPixels } from './pixel-canvas.js'
import { ProbabilityBars } from './probability-bars.js'

/** Test images offered to pick from; "Next mistake" reaches all 450. */
const GALLERY_SIZE = 40
/** Side of one pixel in the chosen image and its saliency map, in SVG pixels. */
const PICTURE_PIXEL = 18

/**
 * Builds the digits tab inside `section`: training in a Web Worker with its loss and accuracy, a
 * pad to draw a digit on with the ten probabilities as you draw, and a saliency map for any test
 * image. A copy of the network on this thread follows the worker's parameters for both.
 */
export function mountDigits(section: HTMLElement): void {
  section.innerHTML = markup
  const byId = <T extends HTMLElement>(id: string) => section.querySelector<T>(`#${id}`)!
  const { test } = splitDigits()
  const mirror = createDigitsModel()
  const chart = new MetricsChart(byId('digits-metrics'))
  const bars = new ProbabilityBars(byId('digits-probabilities'))
  const playButton = byId<HTMLButtonElement>('digits-play')
  let latest: DigitsSnapshot | undefined
  let strokes: readonly Stroke[] = []
  let chosen = 0
  let generation = 0
  let running = false
  const drawSoon = onNextFrame(drawLatest)

  const worker = new Worker(new URL('./digits-worker.ts', import.meta.url), { type: 'module' })
  const commands = commandSequence()
  const send = (command: DigitsCommand) => worker.postMessage(commands.number(command))
  worker.onmessage = ({ data: report }: MessageEvent<DigitsReport>) => {
    if (report.generation !== generation) return
    if (report.type === 'error') {
      showRunning(false)
      toast(report.message, 'error')
      return
    }
    // A report taken before the worker heard the latest play or pause would undo the button's state.
    if (commands.isCurrent(report.sequence)) showRunning(report.running)
    latest = report.snapshot
    mirror.setParameterValues(latest.parameters)
    chart.addSnapshot(latest)
    drawSoon()
  }
  worker.onerror = (event) => toast(event.message || 'The digits worker failed to start.', 'error')

  const pad = new DrawingPad(byId('digits-pad'), (drawn) => {
    strokes = drawn
    showDrawing()
  })
  byId('digits-clear').addEventListener('click', () => pad.clear())
  playButton.addEventListener('click', () => {
    showRunning(!running)
    send({ type: running ? 'play' : 'pause' })
  })
  byId('digits-reset').addEventListener('click', () => {
    generation++
    showRunning(false)
    chart.clear()
    send({ type: 'reset' })
  })
  byId('digits-next-mistake').addEventListener('click', nextMistake)

  const gallery = test.X.slice(0, GALLERY_SIZE).map((pixels, index) => {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'digits-thumb'
    button.setAttribute('aria-label', `Test image ${index + 1}: a ${test.y[index]}`)
    button.setAttribute('aria-pressed', String(index === chosen))
    const canvas = document.createElement('canvas')
    canvas.className = 'pixels'
    paintPixels(canvas, pixels)
    button.append(canvas)
    button.addEventListener('click', () => choose(index))
    byId('digits-gallery').append(button)
    return button
  })
  showDrawing()
  showChosen()

  function showRunning(isRunning: boolean): void {
    running = isRunning
    playButton.setAttribute('aria-pressed', String(isRunning))
    playButton.setAttribute('aria-label', isRunning ? 'Pause' : 'Train')
  }

  function drawLatest(): void {
    if (!latest) return
    chart.draw()
    byId('digits-step').textContent = String(latest.step)
    byId('digits-epoch').textContent = latest.epoch.toFixed(1)
    byId('digits-test-accuracy').textContent =
      latest.step === 0 ? '–' : `${(latest.test.accuracy * 100).toFixed(1)} %`
    byId('digits-ms-per-step').textContent =
      latest.step === 0 ? '' : `${latest.msPerStep.toFixed(2)} ms per step`
    gallery.forEach((button, index) => {
      const wrong = latest!.step > 0 && latest!.testPredictions[index] !== test.y[index]
      button.classList.toggle('wrong', wrong)
    })
    showDrawing()
    showChosen()
  }

  function showDrawing(): void {
    const pixels = bitmapToPixels(strokesToBitmap(strokes))
    paintPixels(byId('digits-seen'), pixels)
    const verdict = byId('digits-verdict')
    if (pad.isEmpty) {
      bars.show(undefined)
      verdict.textContent = ''
      return
    }
    const { probabilities, predicted } = explainDigit(mirror, pixels)
    bars.show(probabilities)
    verdict.textContent = `· it reads a ${predicted}${latest?.step ? '' : ' (untrained: a guess)'}`
  }

  function choose(index: number): void {
    chosen = index
    gallery.forEach((button, each) => {
      button.setAttribute('aria-pressed', String(each === index))
    })
    showChosen()
  }

  function showChosen(): void {
    const pixels = test.X[chosen]!
    const label = test.y[chosen]!
    const { probabilities, predicted, saliency } = explainDigit(mirror, pixels)
    byId('digits-chosen').innerHTML = imageGridSvg([pixels], {
      range: [0, 1],
      pixelSize: PICTURE_PIXEL,
      title: `Test image ${chosen + 1}: a ${label}`,
    })
    byId('digits-saliency').innerHTML = imageGridSvg([saliency], {
      colors: 'diverging',
      pixelSize: PICTURE_PIXEL,
      title: `Saliency of “${predicted}”`,
    })
    const confidence = `${(probabilities[predicted]! * 100).toFixed(1)} %`
    byId('digits-caption').textContent =
      predicted === label
        ? `The network says ${predicted} (${confidence}), and it is a ${label}.`
        : `The network says ${predicted} (${confidence}), but it is a ${label}.`
  }

  function nextMistake(): void {
    if (!latest || latest.step === 0) {
      toast('Train the network first: an untrained one gets nearly every image wrong.')
      return
    }
    const count = test.y.length
    for (let offset = 1; offset <= count; offset++) {
      const index = (chosen + offset) % count
      if (latest.testPredictions[index] !== test.y[index]) {
        choose(index)
        return
      }
    }
    toast('No mistakes on the 450 test images right now.')
  }
}

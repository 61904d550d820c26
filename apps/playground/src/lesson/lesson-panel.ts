import { fitGraph } from '../render/fit-graph.js'
import { backpropSlope, exactSlope, lessonFunction, numericSlope } from './derivative.js'
import { buildPlot, NARROW, setLine } from './lesson-plot.js'

/** The lesson's elements, found by id in the page. */
export interface LessonElements {
  plot: HTMLElement
  graph: HTMLElement
  xInput: HTMLInputElement
  xOutput: HTMLOutputElement
  hInput: HTMLInputElement
  hOutput: HTMLOutputElement
  cells: Record<
    'fx' | 'numeric' | 'numericError' | 'backprop' | 'backpropError' | 'exact',
    HTMLElement
  >
}

/**
 * The derivatives lesson: f(x) = 3x² − 4x + 5 with a point to drag along it, the tangent whose slope
 * backpropagation finds, the secant over a step h, and a table comparing the numeric slope, the
 * backprop slope and the slope by hand. The expression's graph after `backward()` is drawn beside.
 */
export function mountLesson(elements: LessonElements, initialX = 3, initialExponent = 0): void {
  elements.xInput.value = String(initialX)
  elements.hInput.value = String(initialExponent)
  let plot = buildPlot(elements.plot, elements.xInput, () => update())
  let graphRequest = 0

  function update(): void {
    const x = Number(elements.xInput.value)
    const exponent = Number(elements.hInput.value)
    const h = 10 ** exponent
    const y = lessonFunction(x)
    const { slope, output } = backpropSlope(x)
    const numeric = numericSlope(x, h)
    const exact = exactSlope(x)
    elements.xOutput.value = x.toFixed(2)
    elements.hOutput.value = exponent >= -3 ? String(h) : `1e${exponent}`
    setLine(plot, plot.tangent, x, y, slope, 1.6)
    setLine(plot, plot.secant, x, y, numeric, Math.max(1.6, h * 1.4))
    plot.nudged.setAttribute('cx', String(plot.toX(x + h)))
    plot.nudged.setAttribute('cy', String(plot.toY(lessonFunction(x + h))))
    plot.nudged.setAttribute('visibility', h > 0.02 ? 'visible' : 'hidden')
    plot.point.setAttribute('cx', String(plot.toX(x)))
    plot.point.setAttribute('cy', String(plot.toY(y)))
    plot.readout.textContent = `f(${x.toFixed(2)}) = ${y.toFixed(3)} · slope ${slope.toFixed(3)}`
    const { cells } = elements
    cells.fx.textContent = y.toFixed(6)
    cells.numeric.textContent = numeric.toPrecision(10)
    cells.numericError.textContent = `off by ${Math.abs(numeric - exact).toExponential(1)}`
    cells.backprop.textContent = slope.toPrecision(10)
    cells.backpropError.textContent = `off by ${Math.abs(slope - exact).toExponential(1)}`
    cells.exact.textContent = exact.toPrecision(10)
    const request = ++graphRequest
    // Graphviz (WebAssembly) is fetched on first use.
    import('@mg/viz')
      .then(({ graphToDot, renderSvg }) => renderSvg(graphToDot(output, { precision: 3 })))
      .then(
        (markup) => {
          if (request !== graphRequest) return
          elements.graph.innerHTML = markup
          fitGraph(elements.graph, 0.5, false)
        },
        (error: unknown) => {
          if (request === graphRequest)
            elements.graph.textContent = error instanceof Error ? error.message : String(error)
        },
      )
  }

  elements.xInput.addEventListener('input', update)
  elements.hInput.addEventListener('input', update)
  new ResizeObserver(() => {
    const narrow = elements.plot.clientWidth < NARROW
    if (narrow !== plot.width < NARROW) {
      plot = buildPlot(elements.plot, elements.xInput, update)
      update()
    }
    fitGraph(elements.graph, 0.5, false)
  }).observe(elements.plot)
  update()
}

/** The lesson's elements, by their ids in the page. */
export function lessonElements(): LessonElements {
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
  return {
    plot: byId('lesson-plot'),
    graph: byId('lesson-graph'),
    xInput: byId('lesson-x'),
    xOutput: byId('lesson-x-output'),
    hInput: byId('lesson-h'),
    hOutput: byId('lesson-h-output'),
    cells: {
      fx: byId('lesson-fx'),
      numeric: byId('lesson-numeric'),
      numericError: byId('lesson-numeric-error'),
      backprop: byId('lesson-backprop'),
      backpropError: byId('lesson-backprop-error'),
      exact: byId('lesson-exact'),
    },
  }
}

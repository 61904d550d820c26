import type { LossName, MLP } from '@mg/nn'
import type { Objective } from '../training/objective.js'
import type { PlotPoint } from './boundary-view.js'
import { fitGraph } from './fit-graph.js'
import { buildPointGraph, type GraphTarget } from './point-graph.js'

/** Graphs with more boxes than this are drawn one box per neuron, so they stay legible. */
const MAX_BOXES = 90
/** Networks with at most this many parameters open on the whole-network graph. */
const TINY_NETWORK = 40
/** Below this scale the boxes' text is too small to read, so the card scrolls instead. */
const MIN_SCALE = 0.6

/** What the panel needs to draw a point's graph. */
export interface GraphContext {
  model: MLP
  objective: Objective
  loss: LossName
  step: number
}

/**
 * The computation-graph card: for the chosen point it builds the graph of the whole network (down
 * to this point's loss) or of one neuron, runs `backward()`, and lays it out with WebAssembly
 * Graphviz from `@mg/viz`. Renders are queued so that only the latest request is drawn.
 */
export class GraphPanel {
  private readonly container: HTMLElement
  private readonly caption: HTMLElement
  private readonly select: HTMLSelectElement
  private readonly card: HTMLElement
  private readonly expand: HTMLButtonElement
  private readonly emptyMessage: Element
  private readonly scrollHint: HTMLElement
  private point: PlotPoint | undefined
  private context: GraphContext | undefined
  private request = 0
  private shown = ''
  private rendering: Promise<void> = Promise.resolve()

  constructor(elements: {
    container: HTMLElement
    caption: HTMLElement
    select: HTMLSelectElement
    expand: HTMLButtonElement
  }) {
    this.container = elements.container
    // A graph wider than the card scrolls: focusable, so arrow keys scroll it too.
    this.container.tabIndex = 0
    this.scrollHint = document.createElement('p')
    this.scrollHint.className = 'hint'
    this.scrollHint.hidden = true
    this.scrollHint.textContent =
      'The graph is larger than the card: scroll it (or focus it and use the arrow keys), or press Enlarge.'
    this.container.after(this.scrollHint)
    this.caption = elements.caption
    this.select = elements.select
    this.expand = elements.expand
    this.card = elements.container.closest('.card') as HTMLElement
    this.emptyMessage = elements.container.firstElementChild ?? document.createElement('p')
    this.select.addEventListener('change', () => this.render())
    this.expand.addEventListener('click', () => this.toggleExpanded())
    new ResizeObserver(() => this.fit()).observe(this.container)
    this.card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.card.classList.contains('expanded')) this.toggleExpanded()
    })
  }

  /**
   * Lists the neurons of a (new) architecture in the picker. A tiny network is shown whole; in a
   * larger one the first neuron is, since a graph of hundreds of boxes teaches little at a glance.
   */
  setArchitecture(nin: number, nouts: readonly number[], activations: readonly string[]): void {
    const sizes = [nin, ...nouts]
    const parameterCount = nouts.reduce(
      (total, width, layer) => total + width * (sizes[layer]! + 1),
      0,
    )
    const options = [new Option('Whole network → loss', 'network')]
    nouts.forEach((width, layer) => {
      const last = layer === nouts.length - 1
      for (let neuron = 0; neuron < width; neuron++) {
        const name = last
          ? `Output ${width > 1 ? neuron + 1 : ''}`.trim()
          : `Layer ${layer + 1} · neuron ${neuron + 1}`
        options.push(new Option(`${name} (${activations[layer]})`, `${layer}:${neuron}`))
      }
    })
    this.select.replaceChildren(...options)
    this.select.value = parameterCount <= TINY_NETWORK ? 'network' : '0:0'
  }

  /** Forgets the chosen point (new data). */
  clear(): void {
    this.point = undefined
    this.shown = ''
    this.request++
    this.select.disabled = true
    this.expand.disabled = true
    this.caption.textContent = 'No point chosen yet.'
    this.container.replaceChildren(this.emptyMessage)
  }

  /** Draws the graph for `point` with the model as it is now. */
  show(point: PlotPoint, context: GraphContext): Promise<void> {
    this.point = point
    this.context = context
    this.select.disabled = false
    this.expand.disabled = false
    return this.render()
  }

  /** Redraws with newer parameters, if a point is shown. */
  refresh(context: GraphContext): Promise<void> {
    this.context = context
    return this.point ? this.render() : Promise.resolve()
  }

  private render(): Promise<void> {
    const point = this.point
    const context = this.context
    if (!point || !context) return Promise.resolve()
    const request = ++this.request
    this.rendering = this.rendering.then(async () => {
      if (request !== this.request) return
      try {
        // Graphviz (WebAssembly) is fetched on first use, so the page itself opens quickly.
        const { graphToDot, renderSvg } = await import('@mg/viz')
        const graph = buildPointGraph(
          context.model,
          point.x,
          point.label,
          context.loss,
          this.target(),
        )
        const dot = graphToDot(graph.root, { precision: 3, collapse: 'auto', maxNodes: MAX_BOXES })
        const svg = await renderSvg(dot)
        if (request !== this.request) return
        this.container.innerHTML = svg
        this.container.querySelector('svg')?.setAttribute('role', 'img')
        this.fit()
        // A new graph larger than the card opens at its inputs, halfway down, rather than on an
        // empty corner; a refresh of the same graph keeps wherever the reader has scrolled to.
        const shown = `${point.split}:${point.index}:${this.select.value}`
        if (shown !== this.shown) {
          this.shown = shown
          this.container.scrollLeft = 0
          this.container.scrollTop = (this.container.scrollHeight - this.container.clientHeight) / 2
        }
        this.caption.textContent = `${describePoint(point, context)} ${graph.meaning}`
      } catch (error) {
        if (request !== this.request) return
        const message = document.createElement('p')
        message.className = 'graph-message'
        message.textContent = error instanceof Error ? error.message : String(error)
        this.container.replaceChildren(message)
      }
    })
    return this.rendering
  }

  private target(): GraphTarget {
    const [layer, neuron] = this.select.value.split(':').map(Number)
    return layer === undefined || neuron === undefined || this.select.value === 'network'
      ? { kind: 'network' }
      : { kind: 'neuron', layer, neuron }
  }

  /** Fits the graph into the card, or shows it at full size when enlarged. */
  private fit(): void {
    fitGraph(this.container, this.card.classList.contains('expanded') ? 1 : MIN_SCALE)
    const { scrollWidth, clientWidth, scrollHeight, clientHeight } = this.container
    this.scrollHint.hidden = scrollWidth <= clientWidth + 1 && scrollHeight <= clientHeight + 1
  }

  private toggleExpanded(): void {
    const expanded = this.card.classList.toggle('expanded')
    this.expand.setAttribute('aria-pressed', String(expanded))
    this.expand.textContent = expanded ? 'Close' : 'Enlarge'
    this.expand.focus()
    this.fit()
  }
}

function describePoint(point: PlotPoint, context: GraphContext): string {
  const outputs = context.model.predict([...point.x])
  const predicted = context.objective.predict(outputs).label
  const coordinates = point.x.map((feature) => feature.toFixed(2)).join(', ')
  const verdict = predicted === point.label ? 'right' : 'wrong'
  return `${point.split === 'train' ? 'Training' : 'Test'} point (${coordinates}), class ${point.label}, predicted ${predicted} (${verdict}) at step ${context.step}.`
}

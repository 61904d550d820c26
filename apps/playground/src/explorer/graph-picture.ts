import type { Value } from '@mg/engine'
import { fitGraph } from '../render/fit-graph.js'

/** Below this scale the boxes' text is too small to read, so the card scrolls instead. */
const MIN_SCALE = 0.66

/** What the picture shows at one moment of the backward pass. */
export interface GraphMoment {
  /** The text of each node's grad field, by topological position; `undefined` leaves it hidden (`?`). */
  readonly grads: readonly (string | undefined)[]
  /** The node passing its gradient on, and the inputs it sends to. */
  readonly current: number | undefined
  readonly receiving: readonly number[]
  /** Nodes whose gradient is wrong (the `=` bug). */
  readonly wrong: ReadonlySet<number>
}

/**
 * The explorer's graph: laid out once per expression by `@mg/viz` (Graphviz in WebAssembly, as
 * micrograd's `draw_dot`, left to right), then repainted in place for every step, so boxes stay
 * where they are while the gradients change.
 */
export class GraphPicture {
  private readonly container: HTMLElement
  private request = 0
  private nodes: SVGGElement[] = []
  private ops: (SVGGElement | null)[] = []
  private gradTexts: (SVGTextElement | undefined)[] = []

  constructor(container: HTMLElement) {
    this.container = container
    // A graph wider than the card scrolls: focusable, so arrow keys scroll it too.
    container.tabIndex = 0
    new ResizeObserver(() => fitGraph(this.container, MIN_SCALE, false)).observe(container)
  }

  /**
   * Lays out the graph of `output` (`nodes` in topological order), with every box wide enough for
   * the widest gradient it will show (`sizing`). Resolves to `false` if a newer drawing replaced it.
   */
  async draw(output: Value, nodes: readonly Value[], sizing: ArrayLike<number>): Promise<boolean> {
    const request = ++this.request
    // Graphviz (WebAssembly) is fetched on first use, so the page itself opens quickly.
    const { graphToDigraph, renderSvg } = await import('@mg/viz')
    const grads = nodes.map((node) => node.grad)
    nodes.forEach((node, index) => {
      node.grad = sizing[index]!
    })
    let digraph: ReturnType<typeof graphToDigraph>
    try {
      digraph = graphToDigraph(output, { precision: 4 })
    } finally {
      nodes.forEach((node, index) => {
        node.grad = grads[index]!
      })
    }
    // Closer ranks than draw_dot's default, so a neuron fits a laptop screen at a readable size.
    digraph.set('ranksep', 0.25)
    // viz names value boxes v0, v1, … in topological order, and the op feeding v3 `v3_<op>`.
    for (const model of digraph.nodes) {
      const [, index, op] = /^v(\d+)(_\w+)?$/.exec(model.id) ?? []
      if (index !== undefined) model.attributes.set('id', `${op ? 'op' : 'value'}-${index}`)
    }
    for (const edge of digraph.edges) {
      const to = /^v(\d+)/.exec(String((edge.targets[1] as { id?: string }).id))?.[1]
      if (to !== undefined) edge.attributes.set('class', `to-${to}`)
    }
    const svg = await renderSvg(digraph)
    if (request !== this.request) return false
    this.container.innerHTML = svg
    const picture = this.container.querySelector('svg')!
    picture.setAttribute('role', 'img')
    picture.setAttribute('aria-label', `Computation graph of ${output.label}`)
    // The tooltips Graphviz writes hold each grad: they would give away the by-hand answers.
    for (const link of picture.querySelectorAll('a')) link.removeAttribute('xlink:title')
    this.nodes = nodes.map(
      (_, index) => picture.querySelector<SVGGElement>(`[id="value-${index}"]`)!,
    )
    this.ops = nodes.map((_, index) => picture.querySelector<SVGGElement>(`[id="op-${index}"]`))
    this.gradTexts = this.nodes.map((group) =>
      [...group.querySelectorAll('text')].find((text) => text.textContent?.startsWith('grad ')),
    )
    for (const text of this.gradTexts) text?.classList.add('grad-text')
    for (const [index, group] of this.nodes.entries()) {
      const title = group.querySelector('title')
      if (title) title.textContent = nodes[index]!.label
    }
    fitGraph(this.container, MIN_SCALE, false)
    return true
  }

  /** Shows one moment: grads, the node stepping and its inputs, wrong grads. */
  paint(moment: GraphMoment): void {
    this.nodes.forEach((group, index) => {
      const text = this.gradTexts[index]
      const grad = moment.grads[index]
      if (text) text.textContent = `grad ${grad ?? '?'}`
      group.classList.toggle('is-current', moment.current === index)
      group.classList.toggle('is-receiving', moment.receiving.includes(index))
      group.classList.toggle('is-hidden-grad', grad === undefined)
      group.classList.toggle('is-wrong', moment.wrong.has(index))
      this.ops[index]?.classList.toggle('is-current', moment.current === index)
    })
    for (const edge of this.container.querySelectorAll('g.edge'))
      edge.classList.toggle(
        'is-active',
        moment.current !== undefined && edge.classList.contains(`to-${moment.current}`),
      )
  }

  /** Scrolls the node at `index` into view, for a graph larger than its card. */
  reveal(index: number): void {
    const group = this.nodes[index]
    if (!group) return
    const box = group.getBoundingClientRect()
    const frame = this.container.getBoundingClientRect()
    if (
      box.left < frame.left ||
      box.right > frame.right ||
      box.top < frame.top ||
      box.bottom > frame.bottom
    )
      this.container.scrollBy({
        left: box.left + box.width / 2 - (frame.left + frame.width / 2),
        top: box.top + box.height / 2 - (frame.top + frame.height / 2),
      })
  }

  /** Empties the picture (no graph can be drawn). */
  clear(message: string): void {
    this.request++
    this.nodes = []
    this.ops = []
    this.gradTexts = []
    const note = document.createElement('p')
    note.className = 'graph-empty'
    note.textContent = message
    this.container.replaceChildren(note)
  }
}

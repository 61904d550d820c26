/** The shape of a model as the diagram draws it. */
export interface Architecture {
  /** Input width. */
  nin: number
  /** Width of each layer, input to output. */
  nouts: readonly number[]
  /** Nonlinearity of each layer. */
  activations: readonly string[]
}

const MARGIN_X = 42
const MARGIN_TOP = 12
const MARGIN_BOTTOM = 26

/** A weight: a line from an input or neuron to a neuron. */
export interface Edge {
  from: [number, number]
  to: [number, number]
  /** Where the weight sits in the flat parameter list (`model.parameters()` order). */
  parameter: number
  describe: string
}

/** A neuron, whose ring shows its bias. */
interface Neuron {
  at: [number, number]
  parameter: number
  describe: string
}

/** Where everything goes in a box of a given size. */
export interface Layout {
  edges: Edge[]
  neurons: Neuron[]
  inputs: [number, number][]
  captions: { text: string; x: number }[]
  radius: number
}

/** Places the inputs, neurons, weights and captions of `architecture` in a `width × height` box. */
export function layOut(
  { nin, nouts, activations }: Architecture,
  width: number,
  height: number,
): Layout {
  const sizes = [nin, ...nouts]
  const columnX = (column: number) =>
    MARGIN_X + (column * (width - 2 * MARGIN_X)) / Math.max(1, sizes.length - 1)
  const usable = height - MARGIN_TOP - MARGIN_BOTTOM
  // Each column spreads over the height on its own, so two inputs never crowd like sixteen neurons do.
  const spacingOf = (count: number) => Math.min(44, usable / count)
  const radius = Math.max(2.5, Math.min(11, spacingOf(Math.max(...nouts)) * 0.34))
  const rowY = (count: number, row: number) =>
    MARGIN_TOP + usable / 2 + (row - (count - 1) / 2) * spacingOf(count)
  const layout: Layout = { edges: [], neurons: [], inputs: [], captions: [], radius }
  let parameter = 0
  nouts.forEach((layerWidth, layer) => {
    const fanIn = sizes[layer]!
    for (let neuron = 0; neuron < layerWidth; neuron++) {
      const at: [number, number] = [columnX(layer + 1), rowY(layerWidth, neuron)]
      const name = `layer ${layer + 1} neuron ${neuron + 1}`
      for (let input = 0; input < fanIn; input++) {
        const from = layer === 0 ? `x${input}` : `layer ${layer} neuron ${input + 1}`
        layout.edges.push({
          from: [columnX(layer), rowY(fanIn, input)],
          to: at,
          parameter: parameter++,
          describe: `${from} → ${name}`,
        })
      }
      layout.neurons.push({
        at,
        parameter: parameter++,
        describe: `${name} (${activations[layer]})`,
      })
    }
  })
  for (let input = 0; input < nin; input++) layout.inputs.push([columnX(0), rowY(nin, input)])
  sizes.forEach((size, column) => {
    const text =
      column === 0
        ? 'inputs'
        : column === sizes.length - 1
          ? `output${size > 1 ? `s · ${size}` : ''}`
          : `${size} · ${activations[column - 1]}`
    layout.captions.push({ text, x: columnX(column) })
  })
  return layout
}

/** The distance from `point` to the segment between `from` and `to`. */
export function distanceToSegment(
  point: [number, number],
  from: [number, number],
  to: [number, number],
): number {
  const dx = to[0] - from[0]
  const dy = to[1] - from[1]
  const t = Math.max(
    0,
    Math.min(1, ((point[0] - from[0]) * dx + (point[1] - from[1]) * dy) / (dx * dx + dy * dy || 1)),
  )
  return Math.hypot(point[0] - from[0] - t * dx, point[1] - from[1] - t * dy)
}

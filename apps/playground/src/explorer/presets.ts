/** An expression from the lecture, ready to load with one click. */
export interface Preset {
  /** A short id, for tests and links. */
  readonly id: string
  /** The button's text. */
  readonly title: string
  /** The expression, with its inputs' starting values. */
  readonly text: string
  /** What the lecture does with it, shown under the editor. */
  readonly note: string
}

/**
 * The micrograd lecture's expressions with its numbers, in the order the lecture meets them. The
 * neurons use the lecture's own names (`x1w1`, `n`, `o`), so the graph carries its labels.
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'd',
    title: 'd = a*b + c',
    text: 'a = 2; b = -3; c = 10\nd = a*b + c',
    note: 'The lecture’s first expression: d = 4. Nudge a, b or c and see which way d moves.',
  },
  {
    id: 'L',
    title: 'L = d*f',
    text: 'a = 2; b = -3; c = 10; f = -2\ne = a*b\nd = e + c\nL = d*f',
    note: 'The first graph backpropagated by hand: L = -8. The + node routes its gradient on unchanged; each * node swaps its factors.',
  },
  {
    id: 'neuron',
    title: 'neuron o = tanh(n)',
    text: 'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\nx1w1 = x1*w1; x2w2 = x2*w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\no = tanh(n)',
    note: 'A neuron with two inputs: o ≈ 0.7071, and the bias is chosen so that tanh’s local derivative 1 − o² is exactly 0.5.',
  },
  {
    id: 'neuron-exp',
    title: 'tanh through exp',
    text: 'x1 = 2; x2 = 0\nw1 = -3; w2 = 1\nb = 6.8813735870195432\nx1w1 = x1*w1; x2w2 = x2*w2\nx1w1x2w2 = x1w1 + x2w2\nn = x1w1x2w2 + b\ne = exp(2*n)\no = (e - 1)/(e + 1)',
    note: 'The same neuron with tanh written as (e²ⁿ − 1)/(e²ⁿ + 1): more nodes, the same gradients.',
  },
  {
    id: 'a-plus-a',
    title: 'a + a',
    text: 'a = 3\nb = a + a',
    note: 'A value used twice: a.grad must be 2. Tick “use = instead of +=” to see the bug that gives 1.',
  },
  {
    id: 'micrograd',
    title: 'micrograd’s README',
    text: 'a = -4; b = 2\nc = a + b\nd = a*b + b**3\nc = c + (c + 1)\nc = c + (1 + c + -a)\nd = d + (d*2 + relu(b + a))\nd = d + (3*d + relu(b - a))\ne = c - d\nf = e**2\ng = f/2\ng = g + 10/f',
    note: 'micrograd’s README example: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773. A redefined name gets a prime: c, c′, c″.',
  },
]

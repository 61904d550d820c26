import { checkFunction } from '@mg/common'
import { InvalidOptionError } from './errors.js'
import { OPS } from './ops.js'
import { Value } from './value.js'

/**
 * One neuron found in a graph: `activation(dot(xs, ws) + bias)`, the shape `Neuron.forward` in
 * `@mg/nn` records.
 *
 * @group Graph
 */
export interface NeuronMatch {
  /** The `dot` node; its children are the inputs followed by the weights. */
  readonly dot: Value
  /** The `add` of the bias, or `undefined` when the neuron has none. */
  readonly biasAdd: Value | undefined
  /** The bias, a leaf, or `undefined`. */
  readonly bias: Value | undefined
  /** The one-input op applied last (`tanh`, `relu`, …), or `undefined` for a linear neuron. */
  readonly activation: Value | undefined
  /** The value the neuron hands on: the activation, else the bias `add`, else the `dot`. */
  readonly output: Value
}

/**
 * Recognises a neuron that starts at `dot`: a `dot` whose weights are leaves (so `dot(p, p)`, a
 * sum of squares, is not one), then the `add` of a leaf bias and a one-input op (the activation)
 * when each is the only consumer of the step before. Compiled graphs run what it finds as one
 * fused step, and graph pictures draw it as one neuron.
 *
 * @param dot - a node of the graph; anything but a neuron's `dot` gives `undefined`
 * @param soleConsumer - the only node computed from a value, or `undefined` when it has none, or
 *   several, or must stay visible on its own
 * @throws {@link InvalidOptionError} if `dot` is not a `Value`, or `soleConsumer` is not a function
 *   or returns something other than a `Value` or `undefined`.
 * @group Graph
 * @example
 * ```ts
 * import { matchNeuron, Value } from '@mg/engine'
 *
 * const xs = [new Value(1), new Value(2)]
 * const ws = [new Value(0.5), new Value(-0.25)]
 * const dot = Value.dot(xs, ws)
 * const sum = dot.add(new Value(0.1))
 * const out = sum.tanh()
 * const consumers = new Map([[dot, sum], [sum, out]])
 * matchNeuron(dot, (value) => consumers.get(value))?.activation === out // true
 * ```
 */
export function matchNeuron(
  dot: Value,
  soleConsumer: (value: Value) => Value | undefined,
): NeuronMatch | undefined {
  if (!(dot instanceof Value))
    throw new InvalidOptionError('dot', dot, 'a Value', '', { functionName: 'matchNeuron' })
  checkFunction(
    'soleConsumer',
    soleConsumer,
    'a function from a Value to a Value or undefined',
    'matchNeuron',
  )
  if (dot.op !== 'dot') return undefined
  const children = dot.children
  const width = children.length / 2
  if (width < 1) return undefined
  for (let index = 0; index < width; index++) {
    const weight = children[width + index]!
    if (weight.children.length > 0 || weight === children[index]) return undefined
  }
  let output = dot
  let biasAdd: Value | undefined
  let bias: Value | undefined
  const add = consumerOf(soleConsumer, dot)
  if (add?.op === 'add') {
    const [left, right] = add.children as [Value, Value]
    const other = left === dot ? right : left
    if (other !== dot && other.children.length === 0) {
      biasAdd = add
      bias = other
      output = add
    }
  }
  const next = consumerOf(soleConsumer, output)
  const activation = next !== undefined && isUnary(next) ? next : undefined
  return { dot, biasAdd, bias, activation, output: activation ?? output }
}

/** What `soleConsumer` says consumes `value`, checked to be a `Value` or `undefined`. */
function consumerOf(
  soleConsumer: (value: Value) => Value | undefined,
  value: Value,
): Value | undefined {
  const consumer = soleConsumer(value)
  if (consumer !== undefined && !(consumer instanceof Value))
    throw new InvalidOptionError(
      'soleConsumer',
      consumer,
      'a function that returns a Value or undefined',
      '',
      { functionName: 'matchNeuron' },
    )
  return consumer
}

function isUnary(value: Value): boolean {
  return value.op !== '' && OPS[value.op].arity === 1
}

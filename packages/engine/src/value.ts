import { checkArray, checkOptionsObject } from '@mg/common'
import {
  InvalidOperandError,
  InvalidOptionError,
  LengthMismatchError,
  NonFiniteGradientError,
  NonFiniteResultError,
} from './errors.js'
import { isGradEnabled } from './grad-mode.js'
import { type BinaryOp, OPS, type Op, type UnaryOp } from './ops.js'
import { topologicalSort } from './topological-sort.js'

/** What an op accepts as its other operand: a `Value`, or a plain number taken as a constant. */
export type Operand = Value | number

/** What `JSON.stringify` writes for a `Value` (see `Value.toJSON`). */
export interface ValueJson {
  /** Its number. */
  data: number
  /** Its gradient. */
  grad: number
  /** Its label (`''` when it has none). */
  label: string
  /** The op that produced it, `''` for a leaf. */
  op: Op
}

/** Options for a new leaf `Value`. */
export interface ValueOptions {
  /** A name shown in `toString()` and in graph pictures. */
  label?: string
}

type BackwardStep = (out: Value) => void

const NO_CHILDREN: readonly Value[] = Object.freeze([])

/**
 * A scalar in a computation graph: it holds `data`, and after `backward()` on a value computed from
 * it, `grad` holds the derivative of that output with respect to it.
 *
 * Each op computes its result and keeps a backward step that adds (`+=`) its local derivative times
 * the output's gradient into its inputs, as in micrograd. What each op computes and its local
 * derivative are written once, in the {@link OPS} table; subtraction, negation and division are
 * built from `add`, `mul` and `pow`.
 *
 * @example
 * ```ts
 * import { Value } from '@mg/engine'
 * const a = new Value(-4)
 * const b = new Value(2)
 * const y = a.mul(b).add(b.pow(3))
 * y.backward()
 * a.grad // 2
 * b.grad // -4 + 3 * 2 ** 2 = 8
 * ```
 */
export class Value {
  // Defined as a number, not left undefined until the constructor sets it: V8 then keeps the field
  // a double updated in place, where a field first seen undefined boxes every number written to it
  // (writing 67k parameters' data and grad went from 0.95 ms to 0.24 ms). The public `data` and
  // `grad` are accessors for holdValues; the backward steps read the fields once backward() has
  // handed held numbers back.
  private _data = 0
  private _grad = 0
  /** @internal The {@link holdValues} hold that keeps this value's numbers elsewhere, if any. */
  _holder: { release(): void } | undefined = undefined

  /**
   * The number this value holds; optimizers write to it. A value that {@link holdValues} holds gets
   * its current number (and gradient) handed back before this reads or writes it.
   */
  get data(): number {
    if (this._holder !== undefined) this._holder.release()
    return this._data
  }

  /** Sets the number, after handing back a hold's numbers (see the getter). */
  set data(value: number) {
    if (this._holder !== undefined) this._holder.release()
    this._data = value
  }

  /**
   * The derivative of the last `backward()` root with respect to this value; handed back first,
   * like `data`, when {@link holdValues} holds it.
   */
  get grad(): number {
    if (this._holder !== undefined) this._holder.release()
    return this._grad
  }

  /** Sets the gradient, after handing back a hold's numbers (see `data`). */
  set grad(value: number) {
    if (this._holder !== undefined) this._holder.release()
    this._grad = value
  }
  /** A name shown in `toString()` and in graph pictures. */
  label: string
  private _op: Op = ''
  private _children: readonly Value[] = NO_CHILDREN
  private _backward: BackwardStep | undefined
  /** @internal A token of the last graph walk that reached this node: cheaper than a `Set` of visited nodes. */
  _visit: object | undefined = undefined
  /** @internal This node's position in the last graph compiled from it; checked against that graph before use. */
  _position = -1

  /**
   * Makes a leaf value.
   *
   * @throws {@link InvalidOperandError} if `data` is not a finite number.
   * @throws {@link InvalidOptionError} if `options` is not an object or `label` not a string.
   */
  constructor(data: number, options?: ValueOptions) {
    if (!Number.isFinite(data)) throw new InvalidOperandError('Value', data)
    this._data = data
    this.label = options === undefined ? '' : labelOf(options)
  }

  /** The op that produced this value, or `''` for a leaf (an input, a parameter, a constant). */
  get op(): Op {
    return this._op
  }

  /** The op's inputs, in the order they were given. Empty for a leaf. */
  get children(): readonly Value[] {
    return this._children
  }

  /** `this + other` */
  add(other: Operand): Value {
    return this.binary(OPS.add, operand(other, 'add'))
  }

  /** `this * other` */
  mul(other: Operand): Value {
    return this.binary(OPS.mul, operand(other, 'mul'))
  }

  /**
   * `this ** exponent`. A `Value` exponent receives its gradient `out · ln(base)` where the base is
   * positive; elsewhere that derivative is undefined and nothing is added.
   */
  pow(exponent: Operand): Value {
    return this.binary(OPS.pow, operand(exponent, 'pow'))
  }

  /** `max(0, this)`; its derivative at 0 is taken as 0, as in micrograd and PyTorch. */
  relu(): Value {
    return this.unary(OPS.relu)
  }

  /** Hyperbolic tangent. */
  tanh(): Value {
    return this.unary(OPS.tanh)
  }

  /** `e ** this`; throws rather than overflow to Infinity (above about 709.78). */
  exp(): Value {
    return this.unary(OPS.exp)
  }

  /** Natural logarithm; throws for inputs ≤ 0. */
  log(): Value {
    return this.unary(OPS.log)
  }

  /** Logistic sigmoid `1 / (1 + e ** -this)`, computed without overflow for any finite input. */
  sigmoid(): Value {
    return this.unary(OPS.sigmoid)
  }

  /** Sine, in radians. */
  sin(): Value {
    return this.unary(OPS.sin)
  }

  /** Cosine, in radians. */
  cos(): Value {
    return this.unary(OPS.cos)
  }

  /** `|this|`; its derivative at 0 is taken as 0, as in PyTorch. */
  abs(): Value {
    return this.unary(OPS.abs)
  }

  /** `-this`, as `this * -1`. */
  neg(): Value {
    dataOf(this, 'neg')
    return this.mul(-1)
  }

  /** `this - other`, as `this + (-other)`. */
  sub(other: Operand): Value {
    const o = operand(other, 'sub')
    dataOf(this, 'sub')
    dataOf(o, 'sub')
    return this.add(o.neg())
  }

  /**
   * `this / other`, as `this * other ** -1`.
   *
   * @throws {@link NonFiniteResultError} naming `div` when `other` is 0.
   */
  div(other: Operand): Value {
    const o = operand(other, 'div')
    const a = dataOf(this, 'div')
    if (dataOf(o, 'div') === 0) throw new NonFiniteResultError('div', [a, 0], a / 0)
    return this.mul(o.pow(-1))
  }

  /**
   * Computes the gradient of this value with respect to every value it depends on.
   *
   * Sets this value's `grad` to 1 and sweeps the graph once in reverse topological order. The
   * gradients of intermediate values are reset first, so calling `backward()` again never mixes in
   * a stale result; leaves (inputs and parameters) accumulate, as in PyTorch: call
   * {@link zeroGrad} on them between steps.
   *
   * @throws {@link NonFiniteGradientError} if a gradient overflows.
   */
  backward(): void {
    const order = topologicalSort(this)
    // Numbers held elsewhere come back first; then the backward steps read the fields directly.
    for (const node of order) {
      if (node._holder !== undefined) node._holder.release()
      if (node._children.length > 0) node._grad = 0
    }
    this._grad = this._children.length > 0 ? 1 : this._grad + 1
    for (let index = order.length - 1; index >= 0; index--) {
      const node = order[index]!
      if (!Number.isFinite(node._grad))
        throw new NonFiniteGradientError(node._op, node.label, node._grad)
      node._backward?.(node)
    }
  }

  /**
   * What `JSON.stringify` writes for a value: its numbers, label and op (the graph behind it is
   * left out), current even when {@link holdValues} holds them.
   */
  toJSON(): ValueJson {
    return { data: this.data, grad: this.grad, label: this.label, op: this._op }
  }

  /** Reads like micrograd's repr: `Value(data=2, grad=0)`. */
  toString(): string {
    return `Value(data=${this.data}, grad=${this.grad})`
  }

  /** Node's and Bun's `console.log` and inspectors print a value as `toString()` does. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }

  /** Deno's `console.log` and notebook cells print a value as `toString()` does. */
  [Symbol.for('Deno.customInspect')](): string {
    return this.toString()
  }

  /**
   * Adds many values as one node, so a long sum costs one graph node instead of one per term.
   * Gives exactly the gradients of the chained `add`s.
   *
   * @throws {@link InvalidOptionError} if `values` is not an array.
   * @throws {@link InvalidOperandError} naming `sum` for a term that is not a finite number or a
   * `Value` holding one.
   * @example
   * ```ts
   * import { Value } from '@mg/engine'
   * const losses = [new Value(0.5), new Value(1.5), 2]
   * const total = Value.sum(losses) // 4
   * ```
   */
  static sum(values: readonly Operand[]): Value {
    checkArray('values', values, 'an array of Values or numbers', 'Value.sum')
    const inputs = values.map((value) => operand(value, 'sum'))
    let total = 0
    for (const input of inputs) total += dataOf(input, 'sum')
    return Value.derive('sum', total, inputs, (out) => {
      for (const input of inputs) input._grad += out._grad
    })
  }

  /**
   * The dot product `Σ xs[i] · ws[i]` as one node: a neuron's weighted sum without 2·n nodes.
   * Its children are `xs` followed by `ws`.
   *
   * @throws {@link InvalidOptionError} if `xs` or `ws` is not an array.
   * @throws {@link LengthMismatchError} if the lists differ in length.
   * @throws {@link InvalidOperandError} naming `dot` for an entry that is not a finite number or a
   * `Value` holding one.
   * @example
   * ```ts
   * import { Value } from '@mg/engine'
   * const inputs = [0.5, -1]
   * const weights = [new Value(2), new Value(3)]
   * const bias = new Value(1)
   * const activation = Value.dot(inputs, weights).add(bias) // 0.5 * 2 - 1 * 3 + 1 = -1
   * ```
   */
  static dot(xs: readonly Operand[], ws: readonly Operand[]): Value {
    checkArray('xs', xs, 'an array of Values or numbers', 'Value.dot')
    checkArray('ws', ws, 'an array of Values or numbers', 'Value.dot')
    if (xs.length !== ws.length) throw new LengthMismatchError('dot', xs.length, ws.length)
    const n = xs.length
    const inputs: Value[] = new Array(2 * n)
    let total = 0
    for (let i = 0; i < n; i++) {
      const x = operand(xs[i]!, 'dot')
      const w = operand(ws[i]!, 'dot')
      inputs[i] = x
      inputs[n + i] = w
      total += dataOf(x, 'dot') * dataOf(w, 'dot')
    }
    return Value.derive('dot', total, inputs, (out) => {
      const g = out._grad
      for (let i = 0; i < n; i++) {
        const x = inputs[i]!
        const w = inputs[n + i]!
        x._grad += w._data * g
        w._grad += x._data * g
      }
    })
  }

  /** Applies a one-input op of the table: its forward now, its local derivative on the way back. */
  private unary(op: UnaryOp): Value {
    return Value.derive(op.name, op.forward(dataOf(this, op.name)), [this], (out) => {
      this._grad += op.derivative(this._data, out._data) * out._grad
    })
  }

  /** Applies a two-input op of the table: its forward now, its local derivatives on the way back. */
  private binary(op: BinaryOp, other: Value): Value {
    const a = dataOf(this, op.name)
    const b = dataOf(other, op.name)
    return Value.derive(op.name, op.forward(a, b), [this, other], (out) => {
      this._grad += op.derivativeA(this._data, other._data, out._data) * out._grad
      other._grad += op.derivativeB(this._data, other._data, out._data) * out._grad
    })
  }

  /** Makes an op's result, refusing a non-finite one; records inputs and backward step unless in `noGrad`. */
  private static derive(op: string, data: number, inputs: Value[], backward: BackwardStep): Value {
    if (!Number.isFinite(data)) {
      throw new NonFiniteResultError(
        op,
        inputs.map((input) => input.data),
        data,
      )
    }
    const out = new Value(data)
    if (isGradEnabled()) {
      out._op = op as Op
      out._children = inputs
      out._backward = backward
    }
    return out
  }
}

/** Wraps a number as a constant leaf, after checking it (or a `Value`) is usable by `op`. */
function operand(value: Operand, op: string): Value {
  if (value instanceof Value) return value
  if (!Number.isFinite(value)) throw new InvalidOperandError(op, value)
  return new Value(value)
}

/**
 * The data of an operand of `op`, refused unless it is a finite number: `data` is writable, so a
 * NaN, an infinity or a string written there would otherwise be absorbed silently (`NaN ** 0` is 1,
 * `tanh(Infinity)` is 1, `'2' * 3` is 6). `Number.isFinite` is false for non-numbers too.
 */
function dataOf(value: Value, op: string): number {
  const data = value.data
  if (!Number.isFinite(data)) throw new InvalidOperandError(op, data, 'data')
  return data
}

/** The `label` of a leaf's options, checked. */
function labelOf(options: ValueOptions): string {
  if (typeof options !== 'object' || options === null)
    throw new InvalidOptionError('options', options, 'an object such as { label: "x" }', '', {
      functionName: 'Value',
    })
  checkOptionsObject(options, 'Value', ['label'])
  const label = options.label ?? ''
  if (typeof label !== 'string')
    throw new InvalidOptionError('label', label, 'a string', '', { functionName: 'Value' })
  return label
}

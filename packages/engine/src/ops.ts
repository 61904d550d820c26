import { stableSigmoid } from './stable-sigmoid.js'

/**
 * An op of one input: what it computes and its local derivative.
 *
 * @group Ops
 */
export interface UnaryOp {
  /** The op's name, as `Value.op` reports it. */
  readonly name: string
  /** How many inputs the op takes. */
  readonly arity: 1
  /** How graph pictures and printed expressions write the op. */
  readonly symbol: string
  /** The result for input `x`. */
  readonly forward: (x: number) => number
  /**
   * `d out / d x`, given the input and the result: several derivatives are cheapest from the
   * result (`tanh`: `1 − out²`).
   */
  readonly derivative: (x: number, out: number) => number
  /**
   * Whether `derivative` reads `x`. One that needs only the result lets a compiled neuron skip
   * keeping its activation's input for the backward pass.
   */
  readonly derivativeReadsInput: boolean
  /**
   * The op written lane by lane for the compiled replay's WebAssembly kernels, where it has such
   * a form: the same floating-point operations as `forward` and `derivative`, so that the kernels
   * give their numbers to the bit.
   */
  readonly lanes?: UnaryLanes
}

/**
 * Lane-by-lane arithmetic on vectors of type `T`: what an op's lane form ({@link UnaryLanes},
 * {@link BinaryLanes}) is written in. The kernels' generator implements it with WebAssembly
 * instructions, on SIMD vectors or single numbers; on plain numbers it is ordinary arithmetic,
 * which is how the tests compare a form with the op's scalar functions.
 *
 * @group Ops
 */
export interface LaneAlgebra<T> {
  /** Every lane `value`. */
  constant(value: number): T
  /** `a + b` in each lane. */
  add(a: T, b: T): T
  /** `a − b` in each lane. */
  sub(a: T, b: T): T
  /** `a · b` in each lane. */
  mul(a: T, b: T): T
  /** `value`'s lane where `test`'s is greater than 0, else +0 (also where `test` is NaN). */
  wherePositive(test: T, value: T): T
}

/**
 * A one-input op written in {@link LaneAlgebra} operations, for the compiled replay's WebAssembly
 * kernels: its forward (where it needs nothing beyond the algebra; `tanh` and `sigmoid` do) and its
 * derivative from the result (for an op whose derivative needs only the result).
 *
 * @group Ops
 */
export interface UnaryLanes {
  /** The result for input `x`, as the op's `forward` computes it for any `x` that is not NaN. */
  readonly forward?: <T>(x: T, lanes: LaneAlgebra<T>) => T
  /** `d out / d x` from the result `out`, as the op's `derivative` computes it. */
  readonly derivativeFromOutput?: <T>(out: T, lanes: LaneAlgebra<T>) => T
}

/**
 * An op of two inputs: what it computes and its local derivative with respect to each input.
 *
 * @group Ops
 */
export interface BinaryOp {
  /** The op's name, as `Value.op` reports it. */
  readonly name: string
  /** How many inputs the op takes. */
  readonly arity: 2
  /** How graph pictures and printed expressions write the op, e.g. `'+'`. */
  readonly symbol: string
  /** The result for inputs `a` and `b`. */
  readonly forward: (a: number, b: number) => number
  /** `d out / d a`, given both inputs and the result. */
  readonly derivativeA: (a: number, b: number, out: number) => number
  /** `d out / d b`, given both inputs and the result. */
  readonly derivativeB: (a: number, b: number, out: number) => number
  /**
   * The op written lane by lane for the compiled replay's WebAssembly kernels, where it has such a
   * form: the same floating-point operations as `forward` and the derivatives.
   */
  readonly lanes?: BinaryLanes
}

/**
 * A two-input op written in {@link LaneAlgebra} operations, for the compiled replay's WebAssembly
 * kernels.
 *
 * @group Ops
 */
export interface BinaryLanes {
  /** The result for inputs `a` and `b`, as the op's `forward` computes it. */
  readonly forward?: <T>(a: T, b: T, lanes: LaneAlgebra<T>) => T
  /** `d out / d a`, as the op's `derivativeA` computes it. */
  readonly derivativeA?: <T>(a: T, b: T, out: T, lanes: LaneAlgebra<T>) => T
  /** `d out / d b`, as the op's `derivativeB` computes it. */
  readonly derivativeB?: <T>(a: T, b: T, out: T, lanes: LaneAlgebra<T>) => T
}

/**
 * An op of many inputs that is `add` or `mul` applied term by term, kept as one node so that a
 * long sum or a neuron's weighted sum costs one node: `sum` adds its terms, `dot` adds `x · w` for
 * each pair. Its local derivatives are those of the `add` and `mul` it stands for.
 *
 * @group Ops
 */
export interface ReductionOp {
  /** The op's name, as `Value.op` reports it. */
  readonly name: string
  /** How many inputs the op takes: any number. */
  readonly arity: 'n'
  /** How graph pictures and printed expressions write the op. */
  readonly symbol: string
}

/**
 * Every op a `Value` can record, in one table: each op's forward and local derivative are written
 * here once, and everything else reads them — the `Value` methods and their backward steps,
 * compiled replay, its fused neuron kernels and its error diagnosis. Adding an op means adding an
 * entry here and a `Value` method that applies it (see the package README).
 *
 * Derived ops are not entries: `neg`, `sub` and `div` are built from `mul`, `add` and `pow`, as in
 * micrograd.
 *
 * @group Ops
 * @example
 * ```ts
 * import { OPS } from '@mg/engine'
 *
 * OPS.tanh.forward(0.5) // 0.46211715726000974
 * OPS.tanh.derivative(0.5, OPS.tanh.forward(0.5)) // 1 − tanh(0.5)² ≈ 0.7864
 * OPS.pow.derivativeB(2, 3, 8) // 8 · ln 2: the exponent's derivative
 * ```
 */
export const OPS = defineOps({
  /** `a + b`. */
  add: binary('+', {
    forward: (a, b) => a + b,
    derivativeA: () => 1,
    derivativeB: () => 1,
    lanes: {
      forward: (a, b, lanes) => lanes.add(a, b),
      derivativeA: (_a, _b, _out, lanes) => lanes.constant(1),
      derivativeB: (_a, _b, _out, lanes) => lanes.constant(1),
    },
  }),
  /** `a · b`. */
  mul: binary('*', {
    forward: (a, b) => a * b,
    derivativeA: (_a, b) => b,
    derivativeB: (a) => a,
    lanes: {
      forward: (a, b, lanes) => lanes.mul(a, b),
      derivativeA: (_a, b) => b,
      derivativeB: (a) => a,
    },
  }),
  /** `a ** b`. */
  pow: binary('**', {
    forward: (a, b) => a ** b,
    derivativeA: (a, b) => b * a ** (b - 1),
    // ln(a) is undefined for a ≤ 0: the exponent then receives nothing, as in PyTorch.
    derivativeB: (a, _b, out) => (a > 0 ? out * Math.log(a) : 0),
  }),
  /** `max(0, x)`; its derivative at 0 is taken as 0, as in micrograd and PyTorch. */
  relu: unaryFromOutput({
    forward: (x) => Math.max(0, x),
    derivative: (_x, out) => (out > 0 ? 1 : 0),
    lanes: {
      forward: (x, lanes) => lanes.wherePositive(x, x),
      derivativeFromOutput: (out, lanes) => lanes.wherePositive(out, lanes.constant(1)),
    },
  }),
  /** Hyperbolic tangent. */
  tanh: unaryFromOutput({
    forward: Math.tanh,
    derivative: (_x, out) => 1 - out * out,
    lanes: {
      derivativeFromOutput: (out, lanes) => lanes.sub(lanes.constant(1), lanes.mul(out, out)),
    },
  }),
  /** `e ** x`. */
  exp: unaryFromOutput({
    forward: Math.exp,
    derivative: (_x, out) => out,
    lanes: { derivativeFromOutput: (out) => out },
  }),
  /** Natural logarithm. */
  log: unary({ forward: Math.log, derivative: (x) => 1 / x }),
  /** Logistic sigmoid `1 / (1 + e ** -x)`, stable for any finite `x`. */
  sigmoid: unaryFromOutput({
    forward: stableSigmoid,
    derivative: (_x, out) => out * (1 - out),
    lanes: {
      derivativeFromOutput: (out, lanes) => lanes.mul(out, lanes.sub(lanes.constant(1), out)),
    },
  }),
  /** Sine, in radians. */
  sin: unary({ forward: Math.sin, derivative: (x) => Math.cos(x) }),
  /** Cosine, in radians. */
  cos: unary({ forward: Math.cos, derivative: (x) => -Math.sin(x) }),
  /** `|x|`; its derivative at 0 is taken as 0, as in PyTorch. */
  abs: unary({ forward: Math.abs, derivative: (x) => Math.sign(x) }),
  /** `Σ terms`: local derivative 1 for each term. */
  sum: reduction(),
  /** `Σ xs[i] · ws[i]`: local derivatives `ws[i]` for `xs[i]` and `xs[i]` for `ws[i]`. */
  dot: reduction(),
})

/**
 * The name of an op in {@link OPS}.
 *
 * @group Ops
 */
export type OpName = keyof typeof OPS

/**
 * Names of the ops that produce values; `''` marks a leaf.
 *
 * @group Ops
 */
export type Op = '' | OpName

/** Every op in table order: compiled tapes number ops by their position here. */
export const OP_LIST: readonly AnyOp[] = Object.values(OPS)

type AnyOp = UnaryOp | BinaryOp | ReductionOp
type Spec<T extends AnyOp> = Omit<T, 'name' | 'symbol'> & { readonly symbol?: string }

/** Names each entry after its key, and writes an op without a symbol by its name. */
function defineOps<T extends Record<string, Spec<AnyOp>>>(
  specs: T,
): {
  // Written out rather than named, so that the published type of OPS shows only public interfaces.
  readonly [K in keyof T]: (T[K] extends { readonly arity: 1 }
    ? UnaryOp
    : T[K] extends { readonly arity: 2 }
      ? BinaryOp
      : ReductionOp) & {
    /** The op's name: its key in the table. */
    readonly name: K
  }
} {
  const table: Record<string, AnyOp> = {}
  for (const [name, spec] of Object.entries(specs))
    table[name] = { ...spec, name, symbol: spec.symbol ?? name } as AnyOp
  return table as never
}

/** A one-input op whose derivative is written in terms of its input `x`. */
function unary(op: {
  forward: (x: number) => number
  derivative: (x: number) => number
}): Spec<UnaryOp> {
  return { ...op, arity: 1, derivativeReadsInput: true }
}

/**
 * A one-input op whose derivative needs only its result, as `tanh`'s `1 − out²`: compiled neurons
 * then need not keep the activation's input.
 */
function unaryFromOutput(op: {
  forward: (x: number) => number
  derivative: (_x: number, out: number) => number
  lanes?: UnaryLanes
}): Spec<UnaryOp> {
  return { ...op, arity: 1, derivativeReadsInput: false }
}

function binary(symbol: string, op: Omit<Spec<BinaryOp>, 'arity'>): Spec<BinaryOp> {
  return { ...op, arity: 2, symbol }
}

function reduction(): Spec<ReductionOp> {
  return { arity: 'n' }
}

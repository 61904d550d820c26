import { hasLanes } from '../src/compile/simd/elementwise-kernel.js'
import type { BinaryOp, LaneAlgebra, UnaryOp } from '../src/ops.js'
import { exactConstant, type KernelPrecision, perOpCode } from './gemm-text.js'

/**
 * The WebAssembly text of the compiled replay's elementwise kernels: a record of a one- or
 * two-input op repeated `repeat` times, as `elementwise-kernels.ts` runs it in JavaScript, for the
 * ops whose lane forms the op table gives. A JavaScript loop calls the op's function through the
 * table for every element, which V8 cannot inline and whose number result it boxes; here each op
 * is its own loop.
 *
 * `forward_f64(code, repeat, out, outStride, a, aStride, b, bStride)` stores, for each repetition
 * in order, `out = f(a, b)` (a one-input op reads only `a`) and returns the first repetition whose
 * result is not finite (after it is stored), or -1 when all are.
 *
 * `backward_f64(code, repeat, out, outStride, a, aStride, b, bStride, grads, flags)`, last
 * repetition first, returns the repetition if its output gradient `g` is not finite, else adds
 * `f'(…) · g` into the gradient of each input that needs one: `a` (a one-input op, or a two-input
 * op's first when `flags` has 4) and `b` (when `flags` has 8), first input first. It returns -1
 * when every `g` is finite.
 *
 * `axpy_f64(length, a, x, y)` adds `x[k] · a` into `y[k]` for `k < length`, two at a time: the
 * backward pass of a long dot or sum over ranges of slots (an L2 penalty's sum of squares).
 *
 * Offsets are in bytes into the imported memory, the values' ones (a gradient sits `grads` bytes
 * past its value); strides count elements. The arithmetic is float64 in both modules: the float32
 * one widens what it loads and rounds what it stores, as JavaScript does over a Float32Array, so
 * that both give the JavaScript loop's numbers to the bit.
 */
export function elementwiseFunctions(precision: KernelPrecision): string[] {
  return [forwardFunction(precision), backwardFunction(precision), axpyFunction(precision)]
}

/** X_GRAD and W_GRAD of the tape's flags: which inputs of a record need a gradient. */
const FIRST_GRAD = 4
const SECOND_GRAD = 8

/** {@link LaneAlgebra} on one float64 number: each operation is a WebAssembly expression. */
const scalar: LaneAlgebra<string> = {
  constant: (value) => `(f64.const ${exactConstant(value)})`,
  add: (a, b) => `(f64.add ${a} ${b})`,
  sub: (a, b) => `(f64.sub ${a} ${b})`,
  mul: (a, b) => `(f64.mul ${a} ${b})`,
  wherePositive: (test, value) => `(select ${value} (f64.const 0) (f64.gt ${test} (f64.const 0)))`,
}

/** Loads and stores of one element of `precision`, as float64. */
function elementAccess(precision: KernelPrecision) {
  return precision === 'f64'
    ? {
        bytes: 8,
        load: (at: string) => `(f64.load ${at})`,
        store: (at: string, value: string) => `(f64.store ${at} ${value})`,
        round: (value: string) => value,
      }
    : {
        bytes: 4,
        load: (at: string) => `(f64.promote_f32 (f32.load ${at}))`,
        store: (at: string, value: string) => `(f32.store ${at} (f32.demote_f64 ${value}))`,
        round: (value: string) => `(f64.promote_f32 (f32.demote_f64 ${value}))`,
      }
}

const PARAMETERS =
  '(param $code i32) (param $repeat i32) (param $out i32) (param $outStride i32) ' +
  '(param $a i32) (param $aStride i32) (param $b i32) (param $bStride i32)'

/** Strides from elements to bytes. */
function byteStrides(bytes: number): string[] {
  return ['outStride', 'aStride', 'bStride'].map(
    (name) => `(local.set $${name} (i32.mul (local.get $${name}) (i32.const ${bytes})))`,
  )
}

/**
 * For each op the kernel has a loop for in `pass` (the rule the replay dispatches by), a test of
 * `$code` and the lines of `body` for it.
 */
function perOp(pass: 'forward' | 'backward', body: (op: UnaryOp | BinaryOp) => string[]) {
  return perOpCode(
    '(local.get $code)',
    (op) => op.arity !== 'n' && hasLanes(op, pass),
    (op) => body(op as UnaryOp | BinaryOp),
  ).map((line) => `    ${line}`)
}

function forwardFunction(precision: KernelPrecision): string {
  const { bytes, load, store, round } = elementAccess(precision)
  const result = (op: UnaryOp | BinaryOp) =>
    op.arity === 1
      ? op.lanes!.forward!('(local.get $x)', scalar)
      : op.lanes!.forward!('(local.get $x)', '(local.get $y)', scalar)
  return [
    `  (func (export "forward_${precision}") ${PARAMETERS} (result i32)`,
    '    (local $r i32) (local $x f64) (local $y f64) (local $result f64)',
    ...byteStrides(bytes).map((line) => `    ${line}`),
    ...perOp('forward', (op) => [
      '(block $done (loop $next',
      '  (br_if $done (i32.ge_s (local.get $r) (local.get $repeat)))',
      `  (local.set $x ${load('(local.get $a)')})`,
      ...(op.arity === 2 ? [`  (local.set $y ${load('(local.get $b)')})`] : []),
      // Checked as stored: a float32 graph checks the rounded number.
      `  (local.set $result ${round(result(op))})`,
      `  ${store('(local.get $out)', '(local.get $result)')}`,
      '  (if (f64.ne (f64.sub (local.get $result) (local.get $result)) (f64.const 0))',
      '    (then (return (local.get $r))))',
      ...advance(['out', 'a', 'b'], 'add').map((line) => `  ${line}`),
      '  (local.set $r (i32.add (local.get $r) (i32.const 1)))',
      '  (br $next)))',
      '(return (i32.const -1))',
    ]),
    '    (unreachable)',
    '  )',
  ].join('\n')
}

function backwardFunction(precision: KernelPrecision): string {
  const { bytes, load, store } = elementAccess(precision)
  const get = (name: string) => `(local.get $${name})`
  const grad = (at: string) => `(i32.add ${get(at)} ${get('grads')})`
  /** `grads[at] += slope · g`. */
  const accumulate = (at: string, slope: string) =>
    store(grad(at), `(f64.add ${load(grad(at))} (f64.mul ${slope} ${get('g')}))`)
  const updates = (op: UnaryOp | BinaryOp): string[] => {
    if (op.arity === 1)
      return [accumulate('a', op.lanes!.derivativeFromOutput!(get('result'), scalar))]
    const { derivativeA, derivativeB } = op.lanes!
    const args = [get('x'), get('y'), get('result'), scalar] as const
    return [
      `(if (i32.and ${get('flags')} (i32.const ${FIRST_GRAD})) (then ${accumulate('a', derivativeA!(...args))}))`,
      `(if (i32.and ${get('flags')} (i32.const ${SECOND_GRAD})) (then ${accumulate('b', derivativeB!(...args))}))`,
    ]
  }
  return [
    `  (func (export "backward_${precision}") ${PARAMETERS} (param $grads i32) (param $flags i32) (result i32)`,
    '    (local $r i32) (local $x f64) (local $y f64) (local $result f64) (local $g f64)',
    ...byteStrides(bytes).map((line) => `    ${line}`),
    '    ;; From the last repetition: its offsets are repeat − 1 strides on.',
    '    (local.set $r (i32.sub (local.get $repeat) (i32.const 1)))',
    ...['out', 'a', 'b'].map(
      (name) =>
        `    (local.set $${name} (i32.add ${get(name)} (i32.mul ${get('r')} ${get(`${name}Stride`)})))`,
    ),
    ...perOp('backward', (op) => [
      '(block $done (loop $next',
      `  (br_if $done (i32.lt_s ${get('r')} (i32.const 0)))`,
      `  (local.set $g ${load(grad('out'))})`,
      `  (if (f64.ne (f64.sub ${get('g')} ${get('g')}) (f64.const 0)) (then (return ${get('r')})))`,
      `  (local.set $x ${load(get('a'))})`,
      ...(op.arity === 2 ? [`  (local.set $y ${load(get('b'))})`] : []),
      `  (local.set $result ${load(get('out'))})`,
      ...updates(op).map((line) => `  ${line}`),
      ...advance(['out', 'a', 'b'], 'sub').map((line) => `  ${line}`),
      `  (local.set $r (i32.sub ${get('r')} (i32.const 1)))`,
      '  (br $next)))',
      '(return (i32.const -1))',
    ]),
    '    (unreachable)',
    '  )',
  ].join('\n')
}

/** Moves each of `names` one stride on (`add`) or back (`sub`). */
function advance(names: readonly string[], direction: 'add' | 'sub'): string[] {
  return names.map(
    (name) =>
      `(local.set $${name} (i32.${direction} (local.get $${name}) (local.get $${name}Stride)))`,
  )
}

/**
 * `axpy(length, a, x, y)`: `y[k] += x[k] · a`, in float64, as JavaScript computes it over either
 * kind of array: two elements per SIMD vector (a float32 module widens two at a time), then the
 * odd one left.
 */
function axpyFunction(precision: KernelPrecision): string {
  const { bytes, load, store } = elementAccess(precision)
  const get = (name: string) => `(local.get $${name})`
  // Two elements as a float64x2 vector, and back.
  const [loadPair, storePair] =
    precision === 'f64'
      ? [
          (at: string) => `(v128.load ${at})`,
          (at: string, value: string) => `(v128.store ${at} ${value})`,
        ]
      : [
          (at: string) => `(f64x2.promote_low_f32x4 (v128.load64_zero ${at}))`,
          (at: string, value: string) =>
            `(v128.store64_lane 0 ${at} (f32x4.demote_f64x2_zero ${value}))`,
        ]
  return [
    `  (func (export "axpy_${precision}") (param $length i32) (param $a f64) (param $x i32) (param $y i32)`,
    '    (local $end i32) (local $pairs v128)',
    `    (local.set $end (i32.add ${get('x')} (i32.mul ${get('length')} (i32.const ${bytes}))))`,
    `    (local.set $pairs (f64x2.splat ${get('a')}))`,
    '    (block $pairsDone (loop $nextPair',
    `      (br_if $pairsDone (i32.gt_u (i32.add ${get('x')} (i32.const ${2 * bytes})) ${get('end')}))`,
    `      ${storePair(get('y'), `(f64x2.add ${loadPair(get('y'))} (f64x2.mul ${loadPair(get('x'))} ${get('pairs')}))`)}`,
    `      (local.set $x (i32.add ${get('x')} (i32.const ${2 * bytes})))`,
    `      (local.set $y (i32.add ${get('y')} (i32.const ${2 * bytes})))`,
    '      (br $nextPair)))',
    `    (if (i32.lt_u ${get('x')} ${get('end')}) (then`,
    `      ${store(get('y'), `(f64.add ${load(get('y'))} (f64.mul ${load(get('x'))} ${get('a')}))`)}))`,
    '  )',
  ].join('\n')
}

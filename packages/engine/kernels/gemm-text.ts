import { COLUMN_BLOCK as BLOCK } from '../src/compile/simd/precision.js'
import {
  type BinaryOp,
  type LaneAlgebra,
  OP_LIST,
  type ReductionOp,
  type UnaryLanes,
  type UnaryOp,
} from '../src/ops.js'

/**
 * The WebAssembly text of the compiled replay's matrix kernels, one of each per precision.
 *
 * `gemm_f64(m, n, p, a, aRow, aCol, b, bRow, c, cRow, bias, accumulate, activation)` computes, for
 * `i < m` and `j < n`,
 *
 *     S = Σ_{q < p} A[i·aRow + q·aCol] · B[q·bRow + j]
 *     C[i·cRow + j] = f(S (+ bias[j] when bias ≥ 0)), or C's old value + S when accumulate ≠ 0
 *
 * where `a`, `b`, `c` and `bias` are byte offsets into the imported memory, the strides count
 * elements, and `f` is the one-input op whose code (its index in `OP_LIST`) is `activation`, or
 * nothing when it is -1; without `accumulate` it returns 1 when every entry it stored, before and
 * after `f`, is finite, else 0 (adding into C, it checks nothing and the result means nothing). Columns go in blocks of two vectors; in the last, partial block the kernel reads B (and
 * C, to accumulate) past column `n` and discards those lanes, so the caller leaves that much room
 * after the last row, but it stores only the columns below `n`. Strided A covers `X·Wᵀ` (rows of
 * samples), `Gᵀ·X` (columns of samples) and `G·W` with one kernel, and writes go straight into the
 * graph's slots: a layer's outputs, or the gradients it adds into.
 *
 * Each `S` is one accumulator that starts at 0 and adds `A · B` term by term in the order of `q`,
 * with a multiply and an add rounded separately (baseline SIMD has no fused multiply-add), then
 * adds the bias: exactly the floating-point operations of the scalar loop `total += x[q] * w[q]`
 * and `total + bias`, so the vectorised forward pass gives the scalar replay's numbers to the bit.
 * The vectors run across `j`, four rows of A at a time, so every loaded B vector serves four rows
 * and every A element two vectors: eight accumulators, kept in registers.
 *
 * `gradient_f64(rows, neurons, grads, values, row, derivative, sums, width, biasSums)` starts a
 * batched layer's backward pass: for each of `rows` rows (`row` elements apart) of `neurons`
 * output gradients at `grads`, it stores `G = f'(out) · g` into the matrix at `sums` (rows `width`
 * apart), `out` being the layer's output at the same place of `values` and `f` the op of code
 * `derivative` (or `G = g` for -1), and adds each column of `G` into `biasSums`. It returns 1 when
 * every output gradient is finite, else 0. It reads and writes up to a vector past each row. In
 * float32 it rounds each operation to float32 (`(1 − out·out)·g` three times), where the scalar
 * replay computes in float64 and rounds once, so the two may differ in the last bit of a gradient.
 *
 * Each exported function traps on an activation or derivative code it has no loop for, rather than
 * run it as none.
 *
 * `gemv_f64(m, p, a, aRow, b, c, cRow, bias, activation)` is `gemm_f64` for one column (`n = 1`, a
 * layer of one neuron: the weights `b` a plain row, the bias a single number), with the vectors
 * running across rows of A instead of columns, so that no lane is wasted; each row's sum adds the
 * same terms in the same order.
 *
 * Activations and derivatives come from the ops' `lanes` forms in the op table, the same
 * floating-point operations as their scalar functions.
 */
const COLUMN_BLOCK = { f64: BLOCK.float64, f32: BLOCK.float32 } as const

/** Any op of the table. */
type AnyOp = UnaryOp | BinaryOp | ReductionOp

/** A precision as the kernels' text names it: the suffix of each function's name. */
export type KernelPrecision = keyof typeof COLUMN_BLOCK
type Precision = KernelPrecision

const ROW_BLOCK = 4
/** Terms of each sum per pass over C. */
const CHUNK = 128
/** Bytes in a WebAssembly SIMD vector. */
export const VECTOR_BYTES = 16

/** The scalar and vector types of a precision, as the text names them, and bytes per number. */
interface Lanes {
  readonly scalar: string
  readonly vector: string
  readonly bytes: number
}

export const LANES: Record<Precision, Lanes> = {
  f64: { scalar: 'f64', vector: 'f64x2', bytes: 8 },
  f32: { scalar: 'f32', vector: 'f32x4', bytes: 4 },
}

/** The matrix kernel's functions for `precision`, in its module's text. */
export function gemmFunctions(precision: KernelPrecision): string[] {
  return [
    storeFirstFunction(precision),
    finishFunction(precision),
    gemmFunction(precision),
    gemvFunction(precision),
    gradientFunction(precision),
  ]
}

/**
 * `storeFirst(at, low, high, count)` stores the first `count` lanes of the two vectors `low`,
 * `high` (fewer than all of them) at byte offset `at`: the last, partial block of a row of C.
 */
function storeFirstFunction(precision: Precision): string {
  const { scalar, vector, bytes } = LANES[precision]
  const lanes = VECTOR_BYTES / bytes
  return [
    `  (func $storeFirst_${precision} (param $at i32) (param $low v128) (param $high v128) (param $count i32)`,
    ...Array.from({ length: 2 * lanes - 1 }, (_, column) => {
      const half = column < lanes ? '$low' : '$high'
      const lane = `(${vector}.extract_lane ${column % lanes} (local.get ${half}))`
      return [
        `    (if (i32.lt_u (i32.const ${column}) (local.get $count)) (then`,
        `      (${scalar}.store offset=${column * bytes} (local.get $at) ${lane})))`,
      ].join('\n')
    }),
    '  )',
  ].join('\n')
}

/** {@link LaneAlgebra} on one vector of `precision`: each operation is a WebAssembly expression. */
function laneAlgebra(precision: Precision): LaneAlgebra<string> {
  const { scalar, vector } = LANES[precision]
  return {
    constant: (value) => `(${vector}.splat (${scalar}.const ${exactConstant(value)}))`,
    add: (a, b) => `(${vector}.add ${a} ${b})`,
    sub: (a, b) => `(${vector}.sub ${a} ${b})`,
    mul: (a, b) => `(${vector}.mul ${a} ${b})`,
    wherePositive: (test, value) =>
      `(v128.and ${value} (${vector}.gt ${test} (v128.const i64x2 0 0)))`,
  }
}

/**
 * For every op of the table that `has` picks, a test of `code` against the op's code that runs the
 * lines `body` gives for it: the kernels' dispatch on an op code, in both generators.
 */
export function perOpCode(
  code: string,
  has: (op: AnyOp) => boolean,
  body: (op: AnyOp) => string[],
): string[] {
  return OP_LIST.flatMap((op, opCode) =>
    has(op)
      ? [
          `(if (i32.eq ${code} (i32.const ${opCode})) (then ;; ${op.name}`,
          ...body(op).map((line) => `  ${line}`),
          '))',
        ]
      : [],
  )
}

/** The `form` of a one-input op's lanes, or undefined for an op without it. */
function unaryForm(op: AnyOp, form: keyof UnaryLanes) {
  return op.arity === 1 ? op.lanes?.[form] : undefined
}

/**
 * {@link perOpCode} over the one-input ops with the `form` of their `lanes`, `body` given that form
 * applied to a vector of `precision`.
 */
function perOp(
  form: keyof UnaryLanes,
  code: string,
  body: (apply: (vector: string) => string) => string[],
  precision: Precision,
): string[] {
  const algebra = laneAlgebra(precision)
  return perOpCode(
    code,
    (op) => unaryForm(op, form) !== undefined,
    (op) => body((vector) => unaryForm(op, form)!(vector, algebra)),
  )
}

/**
 * A trap unless `code` is -1 or the code of an op with the `form` of its `lanes`: the caller
 * chooses the code, and one the kernel has no loop for must not pass as "none".
 */
function requireLaneCode(form: keyof UnaryLanes, code: string): string {
  const known = OP_LIST.flatMap((op, opCode) => (unaryForm(op, form) !== undefined ? [opCode] : []))
  const unknown = [-1, ...known].reduce(
    (test, allowed) => `(i32.and ${test} (i32.ne ${code} (i32.const ${allowed})))`,
    '(i32.const 1)',
  )
  return `(if ${unknown} (then unreachable))`
}

/**
 * A constant of a lane form as WebAssembly text writes it: an integer, so that the text is exact in
 * either precision (a lane form's constants are such as 1).
 */
export function exactConstant(value: number): string {
  if (!Number.isInteger(value) || Object.is(value, -0) || Math.abs(value) > 2 ** 24)
    throw new Error(`a lane form's constant must be a small integer, not ${value}`)
  return String(value)
}

/**
 * An all-ones mask in the lanes of vector `half` (0 or 1 of a column block) whose column is below
 * `count`, zeros past it: so that a check of a partial block ignores the lanes it does not store.
 */
function lanesBelow(precision: Precision, half: number, count: string): string {
  const lanes = VECTOR_BYTES / LANES[precision].bytes
  // Column of each 32-bit part of the vector: a float64 lane is two parts of one column.
  const columns = Array.from(
    { length: 4 },
    (_, part) => half * lanes + Math.floor((part * lanes) / 4),
  )
  return `(i32x4.lt_s (v128.const i32x4 ${columns.join(' ')}) (i32x4.splat ${count}))`
}

/** Adds `vector − vector` to `$check` in the lanes of `mask`: 0 for a finite lane, NaN otherwise. */
function addCheck(precision: Precision, vector: string, mask: string): string {
  const { vector: type } = LANES[precision]
  return `(local.set $check (${type}.add (local.get $check) (v128.and (${type}.sub ${vector} ${vector}) ${mask})))`
}

/** 1 when every lane of `$check` is 0, that is, every value it checked was finite. */
function allFinite(precision: Precision): string {
  const { vector } = LANES[precision]
  return `(i32x4.all_true (${vector}.eq (local.get $check) (local.get $check)))`
}

/**
 * `finish(at, low, high, count, bias, activation, check)`: one row's column block of sums, out of
 * its accumulators into C at byte offset `at` (its first `count` columns): plus the bias at `bias`
 * unless it is -1, through the op of code `activation` unless it is -1, each checked. Returns
 * `check` with the stored lanes' checks added.
 */
function finishFunction(precision: Precision): string {
  const { vector, bytes } = LANES[precision]
  const lanes = VECTOR_BYTES / bytes
  const halves = [
    ['low', ''],
    ['high', ` offset=${VECTOR_BYTES}`],
  ] as const
  const checkBoth = halves.map(([name], half) =>
    addCheck(precision, `(local.get $${name})`, lanesBelow(precision, half, '(local.get $count)')),
  )
  return [
    `  (func $finish_${precision} (param $at i32) (param $low v128) (param $high v128) (param $count i32)`,
    '    (param $bias i32) (param $activation i32) (param $check v128) (result v128)',
    '    (if (i32.ne (local.get $bias) (i32.const -1)) (then',
    ...halves.map(
      ([name, offset]) =>
        `      (local.set $${name} (${vector}.add (local.get $${name}) (v128.load${offset} (local.get $bias))))`,
    ),
    '    ))',
    ...checkBoth.map((line) => `    ${line}`),
    ...perOp(
      'forward',
      '(local.get $activation)',
      (apply) => [
        ...halves.map(([name]) => `(local.set $${name} ${apply(`(local.get $${name})`)})`),
        ...checkBoth,
      ],
      precision,
    ).map((line) => `    ${line}`),
    `    (if (i32.ge_u (local.get $count) (i32.const ${2 * lanes})) (then`,
    ...halves.map(
      ([name, offset]) => `      (v128.store${offset} (local.get $at) (local.get $${name}))`,
    ),
    '    ) (else',
    `      (call $storeFirst_${precision} (local.get $at) (local.get $low) (local.get $high) (local.get $count))`,
    '    ))',
    '    (local.get $check)',
    '  )',
  ].join('\n')
}

/** `gemv(m, p, a, aRow, b, c, cRow, bias, activation)`: see the top. */
function gemvFunction(precision: Precision): string {
  const { scalar, vector, bytes } = LANES[precision]
  const lanes = VECTOR_BYTES / bytes
  const get = (name: string) => `(local.get $${name})`
  const set = (name: string, value: string) => `(local.set $${name} ${value})`
  const rows = Array.from({ length: lanes }, (_, lane) => lane)
  const check = (value: string) =>
    set('check', `(${vector}.add ${get('check')} (${vector}.sub ${value} ${value}))`)
  return [
    `  (func (export "gemv_${precision}")`,
    '    (param $m i32) (param $p i32) (param $a i32) (param $aRow i32) (param $b i32) (param $c i32)',
    '    (param $cRow i32) (param $bias i32) (param $activation i32) (result i32)',
    `    (local $i i32) (local $q i32) (local $pb i32) (local $sum v128) (local $x v128) (local $check v128)`,
    `    ${rows.map((lane) => `(local $pa${lane} i32)`).join(' ')}`,
    `    ${requireLaneCode('forward', get('activation'))}`,
    `    ${set('aRow', `(i32.mul ${get('aRow')} (i32.const ${bytes}))`)}`,
    `    ${set('cRow', `(i32.mul ${get('cRow')} (i32.const ${bytes}))`)}`,
    '    (block $rowsDone (loop $rowsNext',
    `      (br_if $rowsDone (i32.ge_s ${get('i')} ${get('m')}))`,
    // Rows past the last repeat the last one: read, computed alike, and not stored.
    ...rows.map(
      (lane) =>
        `      ${set(`pa${lane}`, `(i32.add ${get('a')} (i32.mul (select (i32.add ${get('i')} (i32.const ${lane})) (i32.sub ${get('m')} (i32.const 1)) (i32.lt_s (i32.add ${get('i')} (i32.const ${lane})) ${get('m')})) ${get('aRow')}))`)}`,
    ),
    `      ${set('sum', '(v128.const i64x2 0 0)')}`,
    `      ${set('pb', get('b'))}`,
    `      ${set('q', get('p'))}`,
    '      (block $termsDone (loop $termsNext',
    `        (br_if $termsDone (i32.eqz ${get('q')}))`,
    `        ${set('x', `(${vector}.splat (${scalar}.load ${get('pa0')}))`)}`,
    ...rows
      .slice(1)
      .map(
        (lane) =>
          `        ${set('x', `(${vector}.replace_lane ${lane} ${get('x')} (${scalar}.load ${get(`pa${lane}`)}))`)}`,
      ),
    `        ${set('sum', `(${vector}.add ${get('sum')} (${vector}.mul ${get('x')} (${vector}.splat (${scalar}.load ${get('pb')}))))`)}`,
    ...[...rows.map((lane) => `pa${lane}`), 'pb'].map(
      (name) => `        ${set(name, `(i32.add ${get(name)} (i32.const ${bytes}))`)}`,
    ),
    `        ${set('q', `(i32.sub ${get('q')} (i32.const 1))`)}`,
    '        (br $termsNext)))',
    `      (if (i32.ne ${get('bias')} (i32.const -1)) (then`,
    `        ${set('sum', `(${vector}.add ${get('sum')} (${vector}.splat (${scalar}.load ${get('bias')})))`)}))`,
    `      ${check(get('sum'))}`,
    ...perOp(
      'forward',
      get('activation'),
      (apply) => [set('sum', apply(get('sum'))), check(get('sum'))],
      precision,
    ).map((line) => `      ${line}`),
    ...rows.map((lane) =>
      [
        `      (if (i32.lt_s (i32.add ${get('i')} (i32.const ${lane})) ${get('m')}) (then`,
        `        (${scalar}.store (i32.add ${get('c')} (i32.mul (i32.add ${get('i')} (i32.const ${lane})) ${get('cRow')}))`,
        `          (${vector}.extract_lane ${lane} ${get('sum')}))))`,
      ].join('\n'),
    ),
    `      ${set('i', `(i32.add ${get('i')} (i32.const ${lanes}))`)}`,
    '      (br $rowsNext)))',
    `    ${allFinite(precision)}`,
    '  )',
  ].join('\n')
}

/** `gradient(rows, neurons, grads, values, row, derivative, sums, width, biasSums)`: see the top. */
function gradientFunction(precision: Precision): string {
  const { vector, bytes } = LANES[precision]
  const lanes = VECTOR_BYTES / bytes
  const get = (name: string) => `(local.get $${name})`
  const step = (name: string) =>
    `(local.set $${name} (i32.add ${get(name)} (i32.const ${VECTOR_BYTES})))`
  /** The loop over the rows, scaling each vector of gradients by `scale` (nothing: `G = g`). */
  const rowLoop = (scale: string[]) => [
    '(local.set $i (i32.const 0))',
    '(block $rowsDone (loop $rowNext',
    `  (br_if $rowsDone (i32.ge_s ${get('i')} ${get('rows')}))`,
    `  (local.set $pg (i32.add ${get('grads')} (i32.mul ${get('i')} ${get('row')})))`,
    `  (local.set $pv (i32.add ${get('values')} (i32.mul ${get('i')} ${get('row')})))`,
    `  (local.set $ps (i32.add ${get('sums')} (i32.mul ${get('i')} ${get('width')})))`,
    `  (local.set $pb ${get('biasSums')})`,
    '  (local.set $j (i32.const 0))',
    '  (block $columnsDone (loop $columnNext',
    `    (br_if $columnsDone (i32.ge_s ${get('j')} ${get('neurons')}))`,
    `    (local.set $g (v128.load ${get('pg')}))`,
    `    ${addCheck(precision, get('g'), lanesBelow(precision, 0, `(i32.sub ${get('neurons')} ${get('j')})`))}`,
    ...scale.map((line) => `    ${line}`),
    `    (v128.store ${get('ps')} ${get('g')})`,
    `    (v128.store ${get('pb')} (${vector}.add (v128.load ${get('pb')}) ${get('g')}))`,
    ...['pg', 'pv', 'ps', 'pb'].map((name) => `    ${step(name)}`),
    `    (local.set $j (i32.add ${get('j')} (i32.const ${lanes})))`,
    '    (br $columnNext)))',
    `  (local.set $i (i32.add ${get('i')} (i32.const 1)))`,
    '  (br $rowNext)))',
  ]
  /** A row loop per op with a derivative form, chosen by `$derivative`; the plain one for -1. */
  const rowLoops = (scale: (apply: (vector: string) => string) => string[]) => [
    '(block $done',
    ...perOp(
      'derivativeFromOutput',
      get('derivative'),
      (apply) => [...rowLoop(scale(apply)), '(br $done)'],
      precision,
    ),
    ...rowLoop([]),
    ')',
  ]
  return [
    `  (func (export "gradient_${precision}")`,
    '    (param $rows i32) (param $neurons i32) (param $grads i32) (param $values i32) (param $row i32)',
    '    (param $derivative i32) (param $sums i32) (param $width i32) (param $biasSums i32) (result i32)',
    '    (local $i i32) (local $j i32) (local $pg i32) (local $pv i32) (local $ps i32) (local $pb i32)',
    '    (local $g v128) (local $check v128)',
    `    ${requireLaneCode('derivativeFromOutput', get('derivative'))}`,
    `    (local.set $row (i32.mul ${get('row')} (i32.const ${bytes})))`,
    `    (local.set $width (i32.mul ${get('width')} (i32.const ${bytes})))`,
    '    ;; The bias sums start at 0.',
    `    (local.set $pb ${get('biasSums')})`,
    '    (block $zeroed (loop $zeroNext',
    `      (br_if $zeroed (i32.ge_s ${get('j')} ${get('neurons')}))`,
    `      (v128.store ${get('pb')} (v128.const i64x2 0 0))`,
    `      ${step('pb')}`,
    `      (local.set $j (i32.add ${get('j')} (i32.const ${lanes})))`,
    '      (br $zeroNext)))',
    // One loop per derivative, so that the test of its code is not made for every vector.
    ...rowLoops((apply) => [
      `(local.set $g (${vector}.mul ${apply(`(v128.load ${get('pv')})`)} ${get('g')}))`,
    ]).map((line) => `    ${line}`),
    `    ${allFinite(precision)}`,
    '  )',
  ].join('\n')
}

function gemmFunction(precision: Precision): string {
  const { scalar, vector, bytes } = LANES[precision]
  const get = (name: string) => `(local.get $${name})`
  const set = (name: string, value: string) => `(local.set $${name} ${value})`
  const add = (left: string, right: string) => `(i32.add ${left} ${right})`
  const rows = (count: number) => Array.from({ length: count }, (_, row) => row)
  const accumulators = rows(ROW_BLOCK).flatMap((row) => [`c${row}0`, `c${row}1`])

  /**
   * Row `row`'s two accumulators into C: stored as they are when they need nothing more (a full
   * block of a sum that is added into C, or not yet complete), else finished (bias, activation,
   * checks) by `finish`.
   */
  const store = (row: number) => [
    `(if ${get('plain')} (then`,
    `  (v128.store ${get('pc')} ${get(`c${row}0`)})`,
    `  (v128.store offset=${VECTOR_BYTES} ${get('pc')} ${get(`c${row}1`)})`,
    ') (else',
    `  ${set(
      'check',
      `(call $finish_${precision} ${get('pc')} ${get(`c${row}0`)} ${get(`c${row}1`)} (i32.sub ${get('n')} ${get('j')}) ${get('storeBias')} ${get('storeActivation')} ${get('check')})`,
    )}`,
    '))',
  ]

  /**
   * For `count` rows starting at row `$i`: the accumulators from 0 (or from C: the old value to
   * accumulate into, or the sums of the chunks before), the loop over this chunk's q, then the
   * store into C.
   */
  const block = (count: number) =>
    [
      ...rows(count).map((row) =>
        set(
          `pa${row}`,
          row === 0
            ? add(
                get('a'),
                add(
                  `(i32.mul ${get('i')} ${get('aRow')})`,
                  `(i32.mul ${get('q0')} ${get('aCol')})`,
                ),
              )
            : add(get(`pa${row - 1}`), get('aRow')),
        ),
      ),
      set(
        'pb',
        add(
          get('b'),
          add(
            `(i32.mul ${get('q0')} ${get('bRow')})`,
            `(i32.mul ${get('j')} (i32.const ${bytes}))`,
          ),
        ),
      ),
      set(
        'pc',
        add(
          get('c'),
          add(`(i32.mul ${get('i')} ${get('cRow')})`, `(i32.mul ${get('j')} (i32.const ${bytes}))`),
        ),
      ),
      `(if (i32.or ${get('accumulate')} (i32.ne ${get('q0')} (i32.const 0))) (then`,
      ...rows(count).flatMap((row) =>
        [0, 1].map(
          (half) =>
            `  ${set(`c${row}${half}`, `(v128.load${half === 0 ? '' : ` offset=${VECTOR_BYTES}`} ${row === 0 ? get('pc') : add(get('pc'), `(i32.mul ${get('cRow')} (i32.const ${row}))`)})`)}`,
        ),
      ),
      ') (else',
      ...rows(count).flatMap((row) =>
        [0, 1].map((half) => `  ${set(`c${row}${half}`, '(v128.const i64x2 0 0)')}`),
      ),
      '))',
      set('q', get('chunk')),
      '(block $qDone (loop $qNext',
      `  (br_if $qDone (i32.eqz ${get('q')}))`,
      `  ${set('b0', `(v128.load ${get('pb')})`)}`,
      `  ${set('b1', `(v128.load offset=${VECTOR_BYTES} ${get('pb')})`)}`,
      ...rows(count).flatMap((row) => [
        `  ${set('x', `(${vector}.splat (${scalar}.load ${get(`pa${row}`)}))`)}`,
        ...[0, 1].map(
          (half) =>
            `  ${set(`c${row}${half}`, `(${vector}.add ${get(`c${row}${half}`)} (${vector}.mul ${get('x')} ${get(`b${half}`)}))`)}`,
        ),
        `  ${set(`pa${row}`, add(get(`pa${row}`), get('aCol')))}`,
      ]),
      `  ${set('pb', add(get('pb'), get('bRow')))}`,
      `  ${set('q', `(i32.sub ${get('q')} (i32.const 1))`)}`,
      '  (br $qNext)))',
      ...rows(count).flatMap((row) => [...store(row), set('pc', add(get('pc'), get('cRow')))]),
      set('i', add(get('i'), `(i32.const ${count})`)),
    ].map((line) => `        ${line}`)

  return [
    `  (func (export "gemm_${precision}")`,
    '    (param $m i32) (param $n i32) (param $p i32) (param $a i32) (param $aRow i32) (param $aCol i32)',
    '    (param $b i32) (param $bRow i32) (param $c i32) (param $cRow i32) (param $bias i32)',
    '    (param $accumulate i32) (param $activation i32) (result i32)',
    '    (local $final i32) (local $storeBias i32) (local $storeActivation i32) (local $plain i32)',
    '    (local $check v128)',
    '    (local $i i32) (local $j i32) (local $q i32) (local $pb i32) (local $pc i32) (local $pBias i32)',
    '    (local $q0 i32) (local $chunk i32) (local $last i32)',
    `    ${rows(ROW_BLOCK)
      .map((row) => `(local $pa${row} i32)`)
      .join(' ')}`,
    `    (local $b0 v128) (local $b1 v128) (local $x v128) ${accumulators.map((name) => `(local $${name} v128)`).join(' ')}`,
    `    ${requireLaneCode('forward', get('activation'))}`,
    '    ;; Strides from elements to bytes.',
    ...['aRow', 'aCol', 'bRow', 'cRow'].map(
      (name) => `    ${set(name, `(i32.mul ${get(name)} (i32.const ${bytes}))`)}`,
    ),
    `    ;; q in chunks of ${CHUNK}, so that the rows of A and B a chunk reads stay in cache while`,
    '    ;; every block of C is updated from them.',
    '    (loop $chunkNext',
    `      ${set('chunk', `(select (i32.sub ${get('p')} ${get('q0')}) (i32.const ${CHUNK}) (i32.lt_u (i32.sub ${get('p')} ${get('q0')}) (i32.const ${CHUNK})))`)}`,
    `      ${set('last', `(i32.ge_u ${add(get('q0'), get('chunk'))} ${get('p')})`)}`,
    // Adding into C takes no bias and no activation.
    `      ${set('final', `(i32.and ${get('last')} (i32.eqz ${get('accumulate')}))`)}`,
    `      ${set('storeActivation', `(select ${get('activation')} (i32.const -1) ${get('final')})`)}`,
    `      ${set('j', '(i32.const 0)')}`,
    '    (block $jDone (loop $jNext',
    `      (br_if $jDone (i32.ge_u ${get('j')} ${get('n')}))`,
    `      ${set('i', '(i32.const 0)')}`,
    `      ${set('pBias', add(get('bias'), `(i32.mul ${get('j')} (i32.const ${bytes}))`))}`,
    `      ${set('storeBias', `(select ${get('pBias')} (i32.const -1) (i32.and ${get('final')} (i32.ne ${get('bias')} (i32.const -1))))`)}`,
    `      ${set('plain', `(i32.and (i32.or ${get('accumulate')} (i32.eqz ${get('last')})) (i32.le_u ${add(get('j'), `(i32.const ${2 * (VECTOR_BYTES / bytes)})`)} ${get('n')}))`)}`,
    `      ;; Blocks of ${ROW_BLOCK} rows, then the rows left one at a time.`,
    '      (block $blocksDone (loop $blockNext',
    `        (br_if $blocksDone (i32.gt_s ${add(get('i'), `(i32.const ${ROW_BLOCK})`)} ${get('m')}))`,
    ...block(ROW_BLOCK),
    '        (br $blockNext)))',
    '      (block $rowsDone (loop $rowNext',
    `        (br_if $rowsDone (i32.ge_s ${get('i')} ${get('m')}))`,
    ...block(1),
    '        (br $rowNext)))',
    `      ${set('j', add(get('j'), `(i32.const ${COLUMN_BLOCK[precision]})`))}`,
    '      (br $jNext)))',
    `      ${set('q0', add(get('q0'), get('chunk')))}`,
    `      (br_if $chunkNext (i32.eqz ${get('last')})))`,
    `    ${allFinite(precision)}`,
    '  )',
  ].join('\n')
}

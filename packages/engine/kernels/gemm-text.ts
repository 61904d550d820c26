import { COLUMN_BLOCK as BLOCK } from '../src/compile/simd/wasm-gemm.js'

/**
 * The WebAssembly text of the compiled replay's matrix kernel, one function per precision.
 *
 * `gemm_f64(m, n, p, a, aRow, aCol, b, bRow, c, cRow, bias, accumulate)` computes, for `i < m`
 * and `j < n`,
 *
 *     S = Σ_{q < p} A[i·aRow + q·aCol] · B[q·bRow + j]
 *     C[i·cRow + j] = S (+ bias[j] when bias ≥ 0) (C's old value + S when accumulate ≠ 0)
 *
 * where `a`, `b`, `c` and `bias` are byte offsets into the imported memory and the strides count
 * elements. Columns go in blocks of two vectors; in the last, partial block the kernel reads B (and
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
 */
const COLUMN_BLOCK = { f64: BLOCK.float64, f32: BLOCK.float32 } as const

type Precision = keyof typeof COLUMN_BLOCK

const ROW_BLOCK = 4
/** Terms of each sum per pass over C. */
const CHUNK = 128
const VECTOR_BYTES = 16

interface Lanes {
  readonly scalar: string
  readonly vector: string
  readonly bytes: number
}

const LANES: Record<Precision, Lanes> = {
  f64: { scalar: 'f64', vector: 'f64x2', bytes: 8 },
  f32: { scalar: 'f32', vector: 'f32x4', bytes: 4 },
}

/** The whole module: the memory it works in is imported as `env.memory`. */
export function gemmModuleText(): string {
  return [
    '(module',
    '  (import "env" "memory" (memory 1))',
    storeFirstFunction('f64'),
    gemmFunction('f64'),
    storeFirstFunction('f32'),
    gemmFunction('f32'),
    ')',
    '',
  ].join('\n')
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

function gemmFunction(precision: Precision): string {
  const { scalar, vector, bytes } = LANES[precision]
  const get = (name: string) => `(local.get $${name})`
  const set = (name: string, value: string) => `(local.set $${name} ${value})`
  const add = (left: string, right: string) => `(i32.add ${left} ${right})`
  const rows = (count: number) => Array.from({ length: count }, (_, row) => row)
  const accumulators = rows(ROW_BLOCK).flatMap((row) => [`c${row}0`, `c${row}1`])

  const lanes = VECTOR_BYTES / bytes
  /** Row `row`'s two accumulators, plus the bias after the last chunk, stored into C. */
  const store = (row: number) => {
    const halves = [0, 1] as const
    const accumulator = (half: number) => `c${row}${half}`
    const update = (half: number, term: string) =>
      set(accumulator(half), `(${vector}.add ${get(accumulator(half))} ${term})`)
    const offset = (half: number) => (half === 0 ? '' : ` offset=${VECTOR_BYTES}`)
    return [
      `(if (i32.and ${get('last')} (i32.ge_s ${get('bias')} (i32.const 0))) (then`,
      ...halves.map((half) => `  ${update(half, `(v128.load${offset(half)} ${get('pBias')})`)}`),
      '))',
      `(if (i32.le_u ${add(get('j'), `(i32.const ${2 * lanes})`)} ${get('n')}) (then`,
      ...halves.map(
        (half) => `  (v128.store${offset(half)} ${get('pc')} ${get(accumulator(half))})`,
      ),
      ') (else',
      `  (call $storeFirst_${precision} ${get('pc')} ${get(accumulator(0))} ${get(accumulator(1))} (i32.sub ${get('n')} ${get('j')}))`,
      '))',
    ]
  }

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
    '    (param $accumulate i32)',
    '    (local $i i32) (local $j i32) (local $q i32) (local $pb i32) (local $pc i32) (local $pBias i32)',
    '    (local $q0 i32) (local $chunk i32) (local $last i32)',
    `    ${rows(ROW_BLOCK)
      .map((row) => `(local $pa${row} i32)`)
      .join(' ')}`,
    `    (local $b0 v128) (local $b1 v128) (local $x v128) ${accumulators.map((name) => `(local $${name} v128)`).join(' ')}`,
    '    ;; Strides from elements to bytes.',
    ...['aRow', 'aCol', 'bRow', 'cRow'].map(
      (name) => `    ${set(name, `(i32.mul ${get(name)} (i32.const ${bytes}))`)}`,
    ),
    `    ;; q in chunks of ${CHUNK}, so that the rows of A and B a chunk reads stay in cache while`,
    '    ;; every block of C is updated from them.',
    '    (loop $chunkNext',
    `      ${set('chunk', `(select (i32.sub ${get('p')} ${get('q0')}) (i32.const ${CHUNK}) (i32.lt_u (i32.sub ${get('p')} ${get('q0')}) (i32.const ${CHUNK})))`)}`,
    `      ${set('last', `(i32.ge_u ${add(get('q0'), get('chunk'))} ${get('p')})`)}`,
    `      ${set('j', '(i32.const 0)')}`,
    '    (block $jDone (loop $jNext',
    `      (br_if $jDone (i32.ge_u ${get('j')} ${get('n')}))`,
    `      ${set('i', '(i32.const 0)')}`,
    `      ${set('pBias', add(get('bias'), `(i32.mul ${get('j')} (i32.const ${bytes}))`))}`,
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
    '  )',
  ].join('\n')
}

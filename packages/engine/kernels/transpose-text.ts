import { type KernelPrecision, LANES, VECTOR_BYTES } from './gemm-text.js'

/**
 * The WebAssembly text of the transpose that lays a batched layer's weights out for the matrix
 * kernel, one of each precision.
 *
 * `transpose_f64(rows, columns, from, fromRow, to, toRow)` stores `to[q·toRow + i] = from[i·fromRow
 * + q]` for `i < rows` and `q < columns` (byte offsets into the imported memory, strides in
 * elements): a layer's weights, one row per neuron, laid out as `gemm_f64` reads them, one column
 * per neuron. It only moves numbers, so the result is the same whichever way it goes. Blocks of one
 * vector's lanes square are transposed with shuffles (a 4 × 4 block of float32 in eight, a 2 × 2
 * block of float64 in two); the columns and rows past the last whole block are copied one number
 * at a time. It is a module of its own because the matrix module has no room under 4 KB for it.
 */
export function transposeFunctions(precision: KernelPrecision): string[] {
  const { scalar, bytes } = LANES[precision]
  const lanes = VECTOR_BYTES / bytes
  const get = (name: string) => `(local.get $${name})`
  const set = (name: string, value: string) => `(local.set $${name} ${value})`
  const add = (name: string, amount: string) => set(name, `(i32.add ${get(name)} ${amount})`)
  const indices = Array.from({ length: lanes }, (_, index) => index)
  /** Shuffles `a` and `b` by lanes of `width` bytes: lane `l` of the pair is `a`'s for `l` below 16 / width. */
  const shuffle = (width: number, picks: number[], a: string, b: string) => {
    const byteList = picks.flatMap((lane) =>
      Array.from({ length: width }, (_, byte) => lane * width + byte),
    )
    return `(i8x16.shuffle ${byteList.join(' ')} ${a} ${b})`
  }
  // Column q of a block: lane i is row i's lane q.
  const prepare =
    lanes === 2
      ? []
      : [
          set('t0', shuffle(4, [0, 4, 1, 5], get('r0'), get('r1'))),
          set('t1', shuffle(4, [2, 6, 3, 7], get('r0'), get('r1'))),
          set('t2', shuffle(4, [0, 4, 1, 5], get('r2'), get('r3'))),
          set('t3', shuffle(4, [2, 6, 3, 7], get('r2'), get('r3'))),
        ]
  const blockColumns =
    lanes === 2
      ? [shuffle(8, [0, 2], get('r0'), get('r1')), shuffle(8, [1, 3], get('r0'), get('r1'))]
      : [
          shuffle(8, [0, 2], get('t0'), get('t2')),
          shuffle(8, [1, 3], get('t0'), get('t2')),
          shuffle(8, [0, 2], get('t1'), get('t3')),
          shuffle(8, [1, 3], get('t1'), get('t3')),
        ]
  const whole = (name: string) => `(i32.and ${get(name)} (i32.const ${-lanes}))`
  const copy = (rowStart: string, rowEnd: string, columnStart: string) =>
    `(call $copy_${precision} ${get('from')} ${get('fromRow')} ${get('to')} ${get('toRow')} ${rowStart} ${rowEnd} ${columnStart} ${get('columns')})`
  return [
    // to[q·toRow + i] = from[i·fromRow + q] for rows i in [i, rows), columns q in [start, columns); strides in bytes.
    `  (func $copy_${precision} (param $from i32) (param $fromRow i32) (param $to i32) (param $toRow i32)`,
    '    (param $i i32) (param $rows i32) (param $start i32) (param $columns i32) (local $q i32)',
    '    (block $rowsDone (loop $rowsNext',
    `      (br_if $rowsDone (i32.ge_s ${get('i')} ${get('rows')}))`,
    `      ${set('q', get('start'))}`,
    '      (block $columnsDone (loop $columnsNext',
    `        (br_if $columnsDone (i32.ge_s ${get('q')} ${get('columns')}))`,
    `        (${scalar}.store (i32.add ${get('to')} (i32.add (i32.mul ${get('q')} ${get('toRow')}) (i32.mul ${get('i')} (i32.const ${bytes}))))`,
    `          (${scalar}.load (i32.add ${get('from')} (i32.add (i32.mul ${get('i')} ${get('fromRow')}) (i32.mul ${get('q')} (i32.const ${bytes}))))))`,
    `        ${add('q', '(i32.const 1)')}`,
    '        (br $columnsNext)))',
    `      ${add('i', '(i32.const 1)')}`,
    '      (br $rowsNext)))',
    '  )',
    `  (func (export "transpose_${precision}")`,
    '    (param $rows i32) (param $columns i32) (param $from i32) (param $fromRow i32) (param $to i32) (param $toRow i32)',
    `    (local $i i32) (local $q i32) (local $pf i32) (local $pt i32) ${[...indices.map((i) => `(local $r${i} v128)`), ...(lanes === 4 ? [0, 1, 2, 3].map((i) => `(local $t${i} v128)`) : [])].join(' ')}`,
    `    ${set('fromRow', `(i32.mul ${get('fromRow')} (i32.const ${bytes}))`)}`,
    `    ${set('toRow', `(i32.mul ${get('toRow')} (i32.const ${bytes}))`)}`,
    '    (block $blocksDone (loop $blockRowsNext',
    `      (br_if $blocksDone (i32.ge_s ${get('i')} ${whole('rows')}))`,
    `      ${set('pf', `(i32.add ${get('from')} (i32.mul ${get('i')} ${get('fromRow')}))`)}`,
    `      ${set('pt', `(i32.add ${get('to')} (i32.mul ${get('i')} (i32.const ${bytes})))`)}`,
    `      ${set('q', '(i32.const 0)')}`,
    '      (block $columnsDone (loop $columnsNext',
    `        (br_if $columnsDone (i32.ge_s ${get('q')} ${whole('columns')}))`,
    ...indices.map(
      (row) =>
        `        ${set(`r${row}`, `(v128.load (i32.add ${get('pf')} (i32.mul (i32.const ${row}) ${get('fromRow')})))`)}`,
    ),
    ...prepare.map((line) => `        ${line}`),
    ...blockColumns.map(
      (column, index) =>
        `        (v128.store (i32.add ${get('pt')} (i32.mul (i32.const ${index}) ${get('toRow')})) ${column})`,
    ),
    `        ${add('pf', `(i32.const ${VECTOR_BYTES})`)}`,
    `        ${add('pt', `(i32.mul (i32.const ${lanes}) ${get('toRow')})`)}`,
    `        ${add('q', `(i32.const ${lanes})`)}`,
    '        (br $columnsNext)))',
    `      ${add('i', `(i32.const ${lanes})`)}`,
    '      (br $blockRowsNext)))',
    // The columns right of the whole blocks, then the rows below them.
    `    ${copy('(i32.const 0)', whole('rows'), whole('columns'))}`,
    `    ${copy(whole('rows'), get('rows'), '(i32.const 0)')}`,
    '  )',
  ]
}

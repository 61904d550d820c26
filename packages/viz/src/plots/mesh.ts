import { noGrad } from '@mg/engine'
import { InvalidInputError, NonFiniteDataError } from '../errors.js'

/** A score as a model returns it: a plain number or anything with `data` (an engine `Value`). */
export type Score =
  | number
  | {
      /** The score itself, as a `Value` holds it; it must be finite. */
      readonly data: number
    }

/**
 * A classifier of points in the plane: one score (±1 margin, logit or probability) or one score
 * per class.
 */
export type Predict = (x0: number, x1: number) => Score | readonly Score[]

/** A rectangle of the plane: `x` and `y` as `[min, max]`. */
export interface Bounds {
  /** Horizontal extent `[min, max]`, in units of the first input `x0`. */
  readonly x: readonly [number, number]
  /** Vertical extent `[min, max]`, in units of the second input `x1`. */
  readonly y: readonly [number, number]
}

/**
 * The classifier's output on a `resolution` × `resolution` mesh, row by row from the bottom: one
 * score per cell, or per class the margin `s_k − max_{j≠k} s_j`, positive where class k wins, so
 * contouring it at 0 gives smooth borders between classes.
 */
export type Mesh =
  | { readonly kind: 'scores'; readonly values: Float64Array }
  | { readonly kind: 'classes'; readonly margins: readonly Float64Array[] }

/**
 * Evaluates `predict` at the centre of every mesh cell, inside `noGrad` so no graph is recorded.
 * A scalar score stays a score; a list of scores becomes one margin per class.
 */
export function evaluateMesh(
  functionName: string,
  predict: Predict,
  bounds: Bounds,
  resolution: number,
): Mesh {
  const [xMin, xMax] = bounds.x
  const [yMin, yMax] = bounds.y
  const cells = resolution * resolution
  const scores = new Float64Array(cells)
  let margins: Float64Array[] = []
  let classScores = new Float64Array(0)
  let listLength = -1
  noGrad(() => {
    for (let row = 0; row < resolution; row++) {
      const y = yMin + ((row + 0.5) * (yMax - yMin)) / resolution
      for (let column = 0; column < resolution; column++) {
        const x = xMin + ((column + 0.5) * (xMax - xMin)) / resolution
        const output = predict(x, y)
        const list = Array.isArray(output) ? (output as readonly Score[]) : undefined
        const length = list && list.length > 1 ? list.length : 0
        if (listLength === -1) {
          listLength = length
          margins = Array.from({ length }, () => new Float64Array(cells))
          classScores = new Float64Array(length)
        }
        if (length !== listLength) {
          throw new InvalidInputError(
            functionName,
            `predict(${x}, ${y})`,
            output,
            `the same kind of output at every point (${listLength === 0 ? 'one score' : `${listLength} scores`})`,
          )
        }
        const cell = row * resolution + column
        if (length === 0) {
          scores[cell] = readScore(functionName, list ? list[0] : (output as Score), x, y)
        } else {
          for (let index = 0; index < length; index++) {
            classScores[index] = readScore(functionName, list![index], x, y)
          }
          for (let index = 0; index < length; index++) {
            let rival = Number.NEGATIVE_INFINITY
            for (let other = 0; other < length; other++) {
              if (other !== index) rival = Math.max(rival, classScores[other]!)
            }
            margins[index]![cell] = classScores[index]! - rival
          }
        }
      }
    }
  })
  return listLength === 0 ? { kind: 'scores', values: scores } : { kind: 'classes', margins }
}

function readScore(functionName: string, score: Score | undefined, x: number, y: number): number {
  const value = typeof score === 'number' ? score : score?.data
  if (typeof value !== 'number') {
    throw new InvalidInputError(
      functionName,
      `predict(${x}, ${y})`,
      score,
      'a number, a Value, or an array of them (one per class)',
    )
  }
  if (!Number.isFinite(value)) {
    throw new NonFiniteDataError(
      functionName,
      `predict(${x}, ${y})`,
      value,
      'The model produced a non-finite score; check its parameters for NaN (training diverged?).',
    )
  }
  return value
}

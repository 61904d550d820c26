import { describe, expect, it } from 'vitest'
import { csvPoints } from '../src/data/csv-points.js'
import { CsvDataError } from '../src/errors.js'

describe('CSV points', () => {
  it('reads two features and class indices', () => {
    const points = csvPoints('x0,x1,label\n0.5,-1.25,2\n0.1,0.2,0\n1,1,1\n', 'three.csv')
    expect(points).toEqual({
      X: [
        [0.5, -1.25],
        [0.1, 0.2],
        [1, 1],
      ],
      y: [2, 0, 1],
      classCount: 3,
    })
  })

  it('maps ±1 labels to 0 and 1', () => {
    expect(csvPoints('1,2,-1\n3,4,1\n', 'signed.csv').y).toEqual([0, 1])
  })

  it('says what is wrong with a file it cannot use', () => {
    const problem = (text: string) => {
      try {
        csvPoints(text, 'data.csv')
      } catch (error) {
        expect(error).toBeInstanceOf(CsvDataError)
        return (error as CsvDataError).message
      }
      throw new Error('expected an error')
    }
    expect(problem('a,b,c,label\n1,2,3,0\n4,5,6,1\n')).toMatch(
      /^data\.csv: expected 2 feature columns .* received 3/,
    )
    expect(problem('1,2,0.5\n3,4,1\n')).toMatch(
      /expected class labels 0 to 6 \(or ±1\), received 0\.5 on data row 1/,
    )
    expect(problem('1,2,1\n3,4,1\n')).toMatch(/at least two classes/)
    expect(problem('1,2,1\n3,oops,0\n')).toMatch(/^data\.csv: .*line 2/)
  })
})

import { describe, expect, it } from 'vitest'
import { confusionMatrixSvg, InvalidInputError } from '../src/index.js'
import { elements, withClass } from './support/svg.js'

describe('confusionMatrixSvg', () => {
  const actual = [0, 0, 0, 1, 1, 2, 2, 2, 2]
  const predicted = [0, 0, 1, 1, 1, 2, 2, 0, 2]
  const svg = confusionMatrixSvg(actual, predicted, { classNames: ['a', 'b', 'c'] })

  it('counts each (actual, predicted) pair in its cell, row by actual class', () => {
    const cells = withClass(svg, 'cell')
    expect(cells).toHaveLength(9)
    const counts = withClass(svg, 'count').map((text) => Number(text.textContent))
    // Row by row, zeros left blank: a→a 2, a→b 1; b→b 2; c→a 1, c→c 3.
    expect(counts).toEqual([2, 1, 2, 1, 3])
    expect(withClass(svg, 'right')).toHaveLength(3)
  })

  it('gives each row’s share right and the overall accuracy', () => {
    const recalls = withClass(svg, 'recall').map((text) => text.textContent)
    expect(recalls).toEqual(['67 %', '100 %', '75 %'])
    expect(withClass(svg, 'accuracy')[0]!.textContent).toBe('7 of 9 right: accuracy 77.8 %')
    const texts = elements(svg, 'text').map((text) => text.textContent)
    for (const label of ['a', 'b', 'c', 'predicted', 'actual']) expect(texts).toContain(label)
  })

  it('numbers the classes 0 … max label when no names are given', () => {
    const numbered = confusionMatrixSvg([0, 3], [0, 3])
    expect(withClass(numbered, 'cell')).toHaveLength(16)
    expect(withClass(numbered, 'recall').map((text) => text.textContent)).toEqual([
      '100 %',
      '–',
      '–',
      '100 %',
    ])
  })

  it('rejects mismatched lists, labels that are not classes and unknown options', () => {
    expect(() => confusionMatrixSvg([], [])).toThrow(InvalidInputError)
    expect(() => confusionMatrixSvg([0, 1], [0])).toThrow(/predicted: expected a list of 2/)
    expect(() => confusionMatrixSvg([0, 1.5], [0, 1])).toThrow(/actual\[1\]/)
    expect(() => confusionMatrixSvg([0, 1], [0, 2], { classNames: ['x', 'y'] })).toThrow(
      /predicted\[1\]: expected a class index from 0 to 1/,
    )
    expect(() => confusionMatrixSvg([0], [0], { size: 3 } as never)).toThrow(/unknown option/)
  })
})

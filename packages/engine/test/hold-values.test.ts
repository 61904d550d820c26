/*
 * holdValues: numbers kept in arrays between training steps, handed back to their Values the
 * moment anything reads or writes one of them.
 */
import { describe, expect, it } from 'vitest'
import { holdValues, InvalidOptionError, Value } from '../src/index.js'

/** Two values held with numbers in an array that a "step" changes, and a count of hand-backs. */
function held() {
  const values = [new Value(1), new Value(2)]
  const numbers = Float64Array.of(1, 2)
  const gradients = Float64Array.of(0, 0)
  let handBacks = 0
  const hold = holdValues(values, () => {
    handBacks++
    values.forEach((value, index) => {
      value.data = numbers[index]!
      value.grad = gradients[index]!
    })
  })
  // What a training step does: new numbers and gradients, in the arrays only.
  numbers.set([10, 20])
  gradients.set([0.5, -0.5])
  return { values, hold, handBacks: () => handBacks }
}

describe('holdValues', () => {
  it('hands every number back at the first read of any held value, once', () => {
    const { values, hold, handBacks } = held()
    expect(handBacks()).toBe(0)
    expect(values[1]!.grad).toBe(-0.5)
    expect(hold.released).toBe(true)
    expect(values.map((value) => value.data)).toEqual([10, 20])
    expect(values[0]!.grad).toBe(0.5)
    expect(handBacks()).toBe(1)
  })

  it('hands the numbers back before a write, which then wins', () => {
    const { values } = held()
    values[0]!.data = 7
    expect(values.map((value) => value.data)).toEqual([7, 20])
  })

  it('hands the numbers back before an op or a backward() uses them', () => {
    const first = held()
    expect(first.values[0]!.mul(first.values[1]!).data).toBe(200)
    const second = held()
    // Built before the step, the graph still reads the handed-back numbers when it runs backward.
    const product = new Value(3).mul(second.values[0]!)
    second.values[0]!.grad = 0 // hands back: grad 0.5 → 0
    const later = held()
    const sum = Value.sum([product, later.values[0]!])
    sum.backward()
    expect(later.hold.released).toBe(true)
    expect(later.values[0]!.grad).toBe(0.5 + 1) // the step's gradient, then the sum's
    expect(second.values[0]!.grad).toBe(3)
  })

  it('releases a value from the hold that had it before taking it', () => {
    const { values, hold, handBacks } = held()
    const second = holdValues([values[0]!], () => {})
    expect(hold.released).toBe(true)
    expect(handBacks()).toBe(1)
    expect(second.released).toBe(false)
    second.release()
    second.release()
    expect(values[0]!.data).toBe(10)
  })

  it('frees every earlier hold before it takes a value, whatever their hand-backs write', () => {
    const [a, b] = [new Value(1), new Value(2)]
    // The earlier hold's hand-back writes b too, which the new hold takes after a.
    holdValues([a], () => {
      b.data = 5
    })
    const later = holdValues([a, b], () => {})
    expect(later.released).toBe(false)
    expect(b._holder).toBe(later as unknown)
  })

  it('writes the current numbers when a held value is turned into JSON', () => {
    const { values } = held()
    expect(JSON.parse(JSON.stringify(values[0]))).toEqual({
      data: 10,
      grad: 0.5,
      label: '',
      op: '',
    })
  })

  it('refuses what is not a list of Values and a function', () => {
    expect(() => holdValues([1] as never, () => {})).toThrow(InvalidOptionError)
    expect(() => holdValues([new Value(1)], 'no' as never)).toThrow(InvalidOptionError)
    expect(() => holdValues(null as never, () => {})).toThrow(InvalidOptionError)
  })
})

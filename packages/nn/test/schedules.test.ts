import { describe, expect, it } from 'vitest'
import {
  constantSchedule,
  cosineSchedule,
  InvalidOptionError,
  linearDecay,
  stepSchedule,
} from '../src/index.js'

describe('learning-rate schedules', () => {
  it('constantSchedule gives the same rate at every step', () => {
    const schedule = constantSchedule(0.05)
    expect([0, 1, 1000].map(schedule)).toEqual([0.05, 0.05, 0.05])
  })

  it("linearDecay is micrograd's 1.0 − 0.9·k/100, bit for bit, then holds", () => {
    const schedule = linearDecay()
    for (let k = 0; k < 100; k++) expect(schedule(k)).toBe(1.0 - (0.9 * k) / 100)
    expect(schedule(0)).toBe(1)
    expect(schedule(99)).toBeCloseTo(0.109, 15)
    expect(schedule(100)).toBeCloseTo(0.1, 15)
    expect(schedule(500)).toBe(schedule(100))
    expect(linearDecay({ initial: 0.5, decay: 0.5, steps: 10 })(5)).toBe(0.25)
  })

  it("cosineSchedule is PyTorch's CosineAnnealingLR in closed form", () => {
    const schedule = cosineSchedule({ initial: 0.1, final: 0.001, steps: 100 })
    expect(schedule(0)).toBe(0.1)
    expect(schedule(50)).toBeCloseTo((0.1 + 0.001) / 2, 15)
    expect(schedule(25)).toBeCloseTo(0.001 + (0.099 * (1 + Math.SQRT1_2)) / 2, 15)
    expect(schedule(100)).toBeCloseTo(0.001, 15)
    expect(schedule(200)).toBeCloseTo(0.001, 15)
    // PyTorch's recursive form: η_{t+1} = η_min + (η_t − η_min)(1 + cos(π(t+1)/T)) / (1 + cos(πt/T))
    let recursive = 0.1
    for (let t = 0; t < 80; t++) {
      recursive =
        0.001 +
        ((recursive - 0.001) * (1 + Math.cos((Math.PI * (t + 1)) / 100))) /
          (1 + Math.cos((Math.PI * t) / 100))
      expect(schedule(t + 1)).toBeCloseTo(recursive, 12)
    }
  })

  it("stepSchedule is PyTorch's StepLR: initial · gamma^⌊step / stepSize⌋", () => {
    const schedule = stepSchedule({ initial: 0.1, stepSize: 30, gamma: 0.5 })
    expect([0, 29, 30, 59, 60, 90].map(schedule)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.0125])
    expect(stepSchedule({ initial: 1, stepSize: 2 })(2)).toBe(0.1)
  })

  it('refuses bad options', () => {
    expect(() => constantSchedule(-1)).toThrow(InvalidOptionError)
    expect(() => linearDecay({ initial: 0.5, decay: 0.9 })).toThrow(
      /decay: expected at most initial/,
    )
    expect(() => linearDecay({ steps: 0 })).toThrow(/steps: expected a whole number of at least 1/)
    expect(() => cosineSchedule({ initial: 0.1, steps: 1.5 })).toThrow(/steps/)
    expect(() => cosineSchedule(undefined as never)).toThrow(/initial/)
    expect(() => stepSchedule({ initial: 0.1, stepSize: 0 })).toThrow(/stepSize/)
  })
})

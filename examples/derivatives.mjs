// The lecture's first hour: estimate a slope numerically, then get it exactly from backprop.
import { gradcheck, numericalGradient } from '@mg/engine'

// f(x) = 3x² − 4x + 5, whose slope is 6x − 4.
const f = ([x]) => x.pow(2).mul(3).sub(x.mul(4)).add(5)
for (const x of [3, -3, 2 / 3]) {
  const [numeric] = numericalGradient(f, [x], { h: 0.0001, method: 'forward' })
  const [{ backprop }] = gradcheck(f, [x]).entries
  console.log(`f'(${x.toFixed(3)}): numeric ${numeric.toFixed(4)}, backprop ${backprop.toFixed(4)}`)
}

// d = a·b + c: one partial derivative per input.
const d = ([a, b, c]) => a.mul(b).add(c)
const report = gradcheck(d, [2, -3, 10])
for (const [index, name] of ['a', 'b', 'c'].entries()) {
  const { numeric, backprop } = report.entries[index]
  console.log(`dd/d${name}: numeric ${numeric.toFixed(4)}, backprop ${backprop.toFixed(4)}`)
}

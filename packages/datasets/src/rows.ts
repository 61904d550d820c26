import type { Rng } from '@mg/common'

/** Reorders `X` and `y` by the same random permutation, in place. */
export function shuffleRows(X: number[][], y: number[], rng: Rng): void {
  const order = rng.shuffle(Array.from(X.keys()))
  const rows = order.map((index) => X[index]!)
  const labels = order.map((index) => y[index]!)
  for (let i = 0; i < order.length; i++) {
    X[i] = rows[i]!
    y[i] = labels[i]!
  }
}

/** Adds independent normal noise of standard deviation `std` to every coordinate, row by row. */
export function addGaussianNoise(X: number[][], std: number, rng: Rng): void {
  if (std === 0) return
  for (const row of X) {
    for (let j = 0; j < row.length; j++) row[j] = row[j]! + rng.normal(0, std)
  }
}

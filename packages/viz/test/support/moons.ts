/** A seeded uniform generator in [0, 1) (mulberry32), so test data is the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** scikit-learn's `make_moons` (two interleaving half circles) with labels mapped to ±1. */
export function makeMoons(nSamples: number, noise: number, seed: number) {
  const random = seededRandom(seed)
  const gaussian = () => {
    const u = 1 - random()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random())
  }
  const nOuter = Math.floor(nSamples / 2)
  const nInner = nSamples - nOuter
  const X: number[][] = []
  const y: number[] = []
  for (let i = 0; i < nOuter; i++) {
    const angle = (Math.PI * i) / (nOuter - 1)
    X.push([Math.cos(angle) + noise * gaussian(), Math.sin(angle) + noise * gaussian()])
    y.push(-1)
  }
  for (let i = 0; i < nInner; i++) {
    const angle = (Math.PI * i) / (nInner - 1)
    X.push([1 - Math.cos(angle) + noise * gaussian(), 0.5 - Math.sin(angle) + noise * gaussian()])
    y.push(1)
  }
  return { X, y }
}

import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makeCircles, makeMoons, trainTestSplit } from '../src/index.js'

/*
 * Reference values from scikit-learn itself. The arrays below are the output of scikit-learn
 * 1.2.1's `make_moons` / `make_circles` source (unchanged in current releases apart from argument
 * validation) run on numpy 2.4 on Linux, printed with Python's repr (shortest round-trip form):
 *
 *   make_moons(n_samples=10, shuffle=False)[0].tolist()
 *   make_circles(n_samples=9, shuffle=False)[0].tolist()
 *
 * Those points are cos and sin of numpy.linspace values. numpy 2 on Linux calls glibc, which is
 * correctly rounded nearly always; this package rounds correctly always. Over n = 1..59, 99..101,
 * 500, 1000, 1001 and 4999 (57,544 coordinates of moons and circles), 57,484 were equal to the bit
 * and 60 differed by glibc's rare misrounding (an example is checked below). Plain Math.cos and
 * Math.sin in V8 would have differed in 1,662 of them.
 */
describe('generated points equal scikit-learn to the bit', () => {
  it('make_moons(n_samples=10, shuffle=False)', () => {
    const { X, y } = makeMoons({ nSamples: 10, shuffle: false })
    expect(X).toEqual([
      [1.0, 0.0],
      // biome-ignore-start lint/suspicious/noApproximativeNumericConstant: numpy's output, verbatim
      [0.7071067811865476, 0.7071067811865475],
      [6.123233995736766e-17, 1.0],
      [-0.7071067811865475, 0.7071067811865476],
      // biome-ignore-end lint/suspicious/noApproximativeNumericConstant: numpy's output, verbatim
      [-1.0, 1.2246467991473532e-16],
      [0.0, 0.5],
      [0.2928932188134524, -0.20710678118654746],
      [0.9999999999999999, -0.5],
      [1.7071067811865475, -0.20710678118654757],
      [2.0, 0.4999999999999999],
    ])
    expect(y).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
  })

  it('make_circles(n_samples=9, shuffle=False): the odd point goes to the inner circle', () => {
    const { X, y } = makeCircles({ nSamples: 9, shuffle: false })
    expect(X).toEqual([
      [1.0, 0.0],
      [6.123233995736766e-17, 1.0],
      [-1.0, 1.2246467991473532e-16],
      [-1.8369701987210297e-16, -1.0],
      [0.8, 0.0],
      [0.24721359549995797, 0.7608452130361228],
      [-0.6472135954999579, 0.4702282018339786],
      [-0.647213595499958, -0.47022820183397845],
      [0.2472135954999578, -0.760845213036123],
    ])
    expect(y).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1])
  })
})

describe('sines and cosines are correctly rounded', () => {
  it('gives cos and sin of linspace(0, pi, 4) = [0, pi/3, 2pi/3, pi] as rounded from the exact values', () => {
    // t[1] = 1 * (pi / 3) = 1.0471975511965976 and t[2] = 2.0943951023931953 are the doubles just
    // below pi/3 and 2pi/3, so their cosines sit just above 1/2 and -1/2. Exact values to 25
    // digits (mpmath, 300-bit precision):
    //   cos(t[1]) = 0.5000000000000000994512642    -> 0.5000000000000001
    //   sin(t[1]) = 0.8660254037844385893455090    -> 0.8660254037844386
    //   cos(t[2]) = -0.4999999999999998010974717   -> -0.4999999999999998
    //   sin(t[2]) = 0.8660254037844387616001515    -> 0.8660254037844387
    // numpy builds that use AVX-512 SVML for float64 (numpy 1.2x) return -0.4999999999999997 for
    // cos(t[2]), three units in the last place away; this package does not depend on such luck.
    const { X } = makeMoons({ nSamples: [4, 0], shuffle: false })
    expect(X).toEqual([
      [1, 0],
      [0.5000000000000001, 0.8660254037844386],
      [-0.4999999999999998, 0.8660254037844387],
      [-1, 1.2246467991473532e-16],
    ])
  })

  it('rounds sin(linspace(0, pi, 50)[22]) to nearest where glibc (and so numpy) does not', () => {
    // t = 22 * (pi / 49) = 1.4105109873260295; sin t = 0.98718178341445012026971759...
    // The neighbouring doubles 0.9871817834144501 and 0.9871817834144502 lie 0.50017 and 0.49983
    // units in the last place from it, so the nearest is ...502; glibc returns ...501. This is one
    // of the 60 coordinates (of 57,544 checked) where scikit-learn on numpy 2 differs.
    const { X } = makeMoons({ nSamples: [50, 0], shuffle: false })
    expect(X[22]![1]).toBe(0.9871817834144502)
  })
})

/** SHA-256 of the coordinates as little-endian float64 bytes, row by row. */
function digest(X: number[][]): string {
  const values = X.flat()
  const bytes = new DataView(new ArrayBuffer(8 * values.length))
  for (const [i, value] of values.entries()) bytes.setFloat64(8 * i, value, true)
  return createHash('sha256').update(new Uint8Array(bytes.buffer)).digest('hex')
}

describe('thousands of points are correctly rounded', () => {
  // Digests of cos t, sin t rounded to nearest from 300-bit mpmath values, for t from
  // numpy.linspace, packed with Python's struct.pack('<d', value) in row order:
  //   circles: t = linspace(0, 2 pi, 2000, endpoint=False)  (numpy's own cos/sin differ in 8 of 4000)
  //   moons:   t = linspace(0, pi, 1999)                     (numpy's own cos/sin differ in 4 of 3998)
  it('matches every one of 4000 circle coordinates', () => {
    const { X } = makeCircles({ nSamples: [2000, 0], shuffle: false })
    expect(digest(X)).toBe('f1759c912b5eee807eb408fec22334819a2ba05ff3e4fdbf113d224783a85e32')
  })

  it('matches every one of 3998 moon coordinates', () => {
    const { X } = makeMoons({ nSamples: [1999, 0], shuffle: false })
    expect(digest(X)).toBe('29385ec60986e5121fc6aa3352ba8548034177b7f1e41891c7422986633ec744')
  })
})

describe('trainTestSplit matches scikit-learn’s sizes', () => {
  it.each([
    [10, 0.7, 3, 7],
    [10, 0.25, 7, 3],
    [100, 0.2, 80, 20],
    [7, 0.3, 4, 3],
    [3, 0.5, 1, 2],
  ])('n = %i, test_size = %f gives %i train and %i test samples', (n, testSize, nTrain, nTest) => {
    // From train_test_split(np.arange(n), test_size=testSize, random_state=0) in scikit-learn 1.2.1.
    const dataset = { X: Array.from({ length: n }, (_, i) => [i]), y: Array(n).fill(0) }
    const { train, test } = trainTestSplit(dataset, { testSize, seed: 0 })
    expect([train.y.length, test.y.length]).toEqual([nTrain, nTest])
  })

  it('allocates stratified class counts as scikit-learn does', () => {
    // y with class counts [7, 5, 9], test_size=0.3, stratify=y: scikit-learn 1.2.1 puts
    // np.bincount(y_train) = [5, 3, 6] and np.bincount(y_test) = [2, 2, 3].
    const y = [...Array(7).fill(0), ...Array(5).fill(1), ...Array(9).fill(2)]
    const dataset = { X: y.map((_, i) => [i]), y }
    for (const seed of [0, 1, 2, 3]) {
      const { train, test } = trainTestSplit(dataset, { testSize: 0.3, seed, stratify: true })
      const count = (labels: number[]) => [0, 1, 2].map((c) => labels.filter((l) => l === c).length)
      expect(count(train.y)).toEqual([5, 3, 6])
      expect(count(test.y)).toEqual([2, 2, 3])
    }
  })
})

import {
  A,
  A_STRIDE,
  ACTIVATION,
  B,
  B_STRIDE,
  BIAS,
  BIAS_STRIDE,
  CODE,
  FLAGS,
  LENGTH,
  OUT,
  OUT_STRIDE,
  RECORD_WIDTH,
  REPEAT,
} from './tape.js'

/**
 * Merges runs of consecutive records that differ only by constant steps in their slot fields into
 * one record with a repeat count and strides: the neurons of a layer, or the terms of a penalty,
 * become one record. The merged record runs its repetitions in the original order (and in reverse
 * for the backward pass), so no number changes; what disappears is the dispatch per record. A
 * record marked in `runStarts` starts a run of its own: one sample's copy of a computation does not
 * merge with the next sample's (`batchSamples` gathers them into batched layers instead).
 */
export function mergeRuns(records: Int32Array, runStarts?: Uint8Array): Int32Array {
  const merged = new Int32Array(records.length)
  let length = 0
  let at = 0
  while (at < records.length) {
    merged.set(records.subarray(at, at + RECORD_WIDTH), length)
    let next = at + RECORD_WIDTH
    if (
      next < records.length &&
      runStarts?.[next / RECORD_WIDTH] !== 1 &&
      sameShape(records, at, next)
    ) {
      merged[length + OUT_STRIDE] = records[next + OUT]! - records[at + OUT]!
      merged[length + A_STRIDE] = records[next + A]! - records[at + A]!
      merged[length + B_STRIDE] = records[next + B]! - records[at + B]!
      merged[length + BIAS_STRIDE] = records[next + BIAS]! - records[at + BIAS]!
      while (
        next < records.length &&
        runStarts?.[next / RECORD_WIDTH] !== 1 &&
        sameShape(records, at, next) &&
        continues(merged, length, records, next)
      ) {
        merged[length + REPEAT]!++
        next += RECORD_WIDTH
      }
    }
    length += RECORD_WIDTH
    at = next
  }
  return merged.slice(0, length)
}

function sameShape(records: Int32Array, first: number, other: number): boolean {
  return (
    records[first + CODE] === records[other + CODE] &&
    // A run's bias field says whether all of its repetitions add one.
    records[first + BIAS]! >= 0 === records[other + BIAS]! >= 0 &&
    records[first + LENGTH] === records[other + LENGTH] &&
    records[first + ACTIVATION] === records[other + ACTIVATION] &&
    records[first + FLAGS] === records[other + FLAGS]
  )
}

/** Whether the record at `next` is the next repetition of the run kept at `merged[run …]`. */
function continues(merged: Int32Array, run: number, records: Int32Array, next: number): boolean {
  const repetition = merged[run + REPEAT]!
  return (
    records[next + OUT] === merged[run + OUT]! + repetition * merged[run + OUT_STRIDE]! &&
    records[next + A] === merged[run + A]! + repetition * merged[run + A_STRIDE]! &&
    records[next + B] === merged[run + B]! + repetition * merged[run + B_STRIDE]! &&
    records[next + BIAS] === merged[run + BIAS]! + repetition * merged[run + BIAS_STRIDE]!
  )
}

export type { DeclaredRole } from './compile/compile-errors.js'
export {
  DataLengthError,
  DuplicateDeclarationError,
  NotALeafError,
  UnreachableValueError,
  UnsupportedOpError,
} from './compile/compile-errors.js'
export type { CompileGraphFloat32Options, CompileGraphOptions } from './compile/compile-graph.js'
export { compileGraph } from './compile/compile-graph.js'
export { CompiledGraph } from './compile/compiled-graph.js'
export type { CompileGraphSamples } from './compile/record-graph.js'
export type { Precision } from './compile/simd/precision.js'
export type { FloatArray } from './compile/tape.js'
export {
  EngineError,
  InvalidOperandError,
  InvalidOptionError,
  LengthMismatchError,
  MgError,
  NonFiniteGradientError,
  NonFiniteResultError,
  UnknownOptionError,
} from './errors.js'
export { isGradEnabled, noGrad } from './grad-mode.js'
export type { GradcheckEntry, GradcheckOptions, GradcheckReport } from './gradcheck.js'
export { gradcheck } from './gradcheck.js'
export type { Graph, GraphEdge } from './graph-walk.js'
export { walkGraph } from './graph-walk.js'
export type { ValueHold } from './hold-values.js'
export { holdValues } from './hold-values.js'
export type { NeuronMatch } from './match-neuron.js'
export { matchNeuron } from './match-neuron.js'
export type { NumericalGradientOptions, ScalarFunction } from './numerical-gradient.js'
export { numericalGradient } from './numerical-gradient.js'
export type {
  BinaryLanes,
  BinaryOp,
  LaneAlgebra,
  Op,
  OpName,
  ReductionOp,
  UnaryLanes,
  UnaryOp,
} from './ops.js'
export { OPS } from './ops.js'
export { topologicalSort } from './topological-sort.js'
export type { Operand, ValueJson, ValueOptions } from './value.js'
export { Value } from './value.js'
export { zeroGrad } from './zero-grad.js'

/**
 * Browser-safe entry: graphs to DOT and SVG, plots of data, decision boundaries and loss.
 *
 * @module @mg/viz
 */

export { drawDot } from './draw-dot.js'
export {
  GraphTooLargeError,
  InvalidInputError,
  InvalidOptionError,
  MgError,
  NonFiniteDataError,
  RenderError,
  UnknownOptionError,
  VizError,
} from './errors.js'
export type { Rankdir } from './graph/dot-style.js'
export type { CollapseMode, GraphToDotOptions } from './graph/graph-to-dot.js'
export { graphToDigraph, graphToDot } from './graph/graph-to-dot.js'
export type { DrawableModel, DrawableNeuron } from './graph/model-shape.js'
export type { ModelToDotOptions } from './graph/model-to-dot.js'
export { modelToDigraph, modelToDot } from './graph/model-to-dot.js'
export type { ConfusionMatrixOptions } from './plots/confusion-matrix.js'
export { confusionMatrixSvg } from './plots/confusion-matrix.js'
export type { Dataset2d } from './plots/dataset.js'
export type { DecisionBoundaryOptions } from './plots/decision-boundary.js'
export { decisionBoundarySvg } from './plots/decision-boundary.js'
export type { FunctionPlotOptions } from './plots/function-plot.js'
export { functionPlotSvg } from './plots/function-plot.js'
export type { ImageGridOptions } from './plots/image-grid.js'
export { imageGridSvg } from './plots/image-grid.js'
export type { History, HistoryEntry, LossCurveOptions } from './plots/loss-curve.js'
export { lossCurveSvg } from './plots/loss-curve.js'
export type { Bounds, Predict, Score } from './plots/mesh.js'
export type { PlotOptions } from './plots/plot-options.js'
export type { LayoutEngine, RenderSvgOptions } from './render-svg.js'
export { renderSvg } from './render-svg.js'
export type { SvgPicture } from './show.js'
export { show } from './show.js'
export { OKABE_ITO } from './theme.js'

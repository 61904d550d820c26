import { integerOption, stringOption } from '../options.js'

/**
 * The options every plot takes: its heading, the label under its horizontal axis and its size.
 * Each plot's own options interface says what they default to there.
 */
export interface PlotOptions {
  /** Heading above the plot and its accessible name. */
  title?: string
  /** Label under the horizontal axis. */
  xLabel?: string
  /** Picture width in pixels, a whole number from 200 to 4000 (default 640). */
  width?: number
  /** Picture height in pixels, a whole number from 150 to 4000. */
  height?: number
}

/** The names of {@link PlotOptions}, for a plot's `checkOptionNames`. */
export const PLOT_OPTION_NAMES = ['title', 'xLabel', 'width', 'height'] as const

/** What a plot draws when an option of {@link PlotOptions} is left out; the width is always 640. */
export interface PlotDefaults {
  readonly title: string
  readonly xLabel: string
  readonly height: number
}

/** Reads and checks a plot's {@link PlotOptions}, filling in `defaults` for those left out. */
export function readPlotOptions(
  functionName: string,
  options: PlotOptions,
  defaults: PlotDefaults,
): Required<PlotOptions> {
  return {
    title: stringOption(functionName, 'title', options.title, defaults.title),
    xLabel: stringOption(functionName, 'xLabel', options.xLabel, defaults.xLabel),
    width: integerOption(functionName, 'width', options.width, {
      min: 200,
      max: 4000,
      fallback: 640,
    }),
    height: integerOption(functionName, 'height', options.height, {
      min: 150,
      max: 4000,
      fallback: defaults.height,
    }),
  }
}
